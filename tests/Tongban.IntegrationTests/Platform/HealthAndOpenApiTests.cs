using System.Net;
using System.Text.Json;
using Tongban.IntegrationTests.Infrastructure;

namespace Tongban.IntegrationTests.Platform;

public abstract class HealthAndOpenApiTests(TongbanApp app)
{
    [Fact]
    public async Task Healthz_ReportsTheDatabaseHealthy()
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("database").GetString());
    }

    [Theory]
    [InlineData("/api/v1/auth/token", "post")]
    [InlineData("/api/v1/identifiers/{kind}/{value}", "get")]
    [InlineData("/api/v1/audit/verify", "get")]
    [InlineData("/api/v1/supervision/lateness", "get")]
    [InlineData("/api/v1/exchange/export", "get")]
    public async Task OpenApiDocument_DescribesEveryEndpoint(string path, string method)
    {
        using var client = app.CreateClient();
        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        Assert.True(document.GetProperty("paths").TryGetProperty(path, out var operations), $"{path} missing from the OpenAPI document");
        Assert.True(operations.TryGetProperty(method, out _), $"{method} {path} missing");
    }

    [Fact]
    public async Task UnknownPage_ShowsChinesePageNotStackTrace()
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var text = Pages.Text(await response.Content.ReadAsStringAsync());
        Assert.Contains("页面不存在", text);
        Assert.DoesNotContain("Exception", text);
    }

    [Fact]
    public async Task Pages_AreChineseByDefault_AndEnglishCanFollowFromResources()
    {
        using var client = app.CreateClient();
        var chinese = await client.GetStringAsync("/signin");
        Assert.Contains("<html lang=\"zh-CN\"", chinese, StringComparison.Ordinal);
        Assert.Contains("个人登录", Pages.Text(chinese), StringComparison.Ordinal);

        var english = await client.GetStringAsync("/signin?culture=en");
        Assert.Contains("<html lang=\"en\"", english, StringComparison.Ordinal);
        Assert.Contains("Individuals", Pages.Text(english), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownApiPath_AnswersProblemDetails()
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync("/api/v1/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class HealthAndOpenApiOnSqlite(SqliteApp app) : HealthAndOpenApiTests(app), IClassFixture<SqliteApp>;

public sealed class HealthAndOpenApiOnPostgres(PostgresApp app) : HealthAndOpenApiTests(app), IClassFixture<PostgresApp>;
