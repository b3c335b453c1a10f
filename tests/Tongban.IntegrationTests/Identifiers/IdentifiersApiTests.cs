using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tongban.IntegrationTests.Infrastructure;

namespace Tongban.IntegrationTests.Identifiers;

public abstract class IdentifiersApiTests(TongbanApp app)
{
    [Fact]
    public async Task IdNumber_ReturnsBirthDateSexAndArea()
    {
        using var client = app.CreateClient();
        var body = await client.GetFromJsonAsync<JsonElement>("/api/v1/identifiers/id-number/11010519491231002x");
        var parts = body.GetProperty("parts");
        Assert.Equal("1949-12-31", parts.GetProperty("birthDate").GetString());
        Assert.Equal("female", parts.GetProperty("sex").GetString());
        Assert.Equal("110105", parts.GetProperty("areaCode").GetString());
    }

    [Fact]
    public async Task IdNumber_WithWrongCheck_Answers422NamingTheRule()
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync("/api/v1/identifiers/id-number/110105194912310021");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("id-number.check", problem.GetProperty("code").GetString());
        Assert.Contains("校验码", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task IdNumber_BornAfterTheClocksToday_IsRefused()
    {
        // The test clock stands at 2026-03-02; a birth date of 2026-03-03 is in the future.
        var first17 = "51090320260303123";
        var number = first17 + Tongban.Domain.Primitives.IdNumber.ComputeCheck(first17);
        using var client = app.CreateClient();
        var problem = await (await client.GetAsync($"/api/v1/identifiers/id-number/{number}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("id-number.birth-date-in-future", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Uscc_ReturnsDepartmentAndCategory()
    {
        using var client = app.CreateClient();
        var parts = (await client.GetFromJsonAsync<JsonElement>("/api/v1/identifiers/uscc/91350100M000100Y43")).GetProperty("parts");
        Assert.Equal("9", parts.GetProperty("registrationDepartment").GetString());
        Assert.Equal("1", parts.GetProperty("category").GetString());
        Assert.Equal("350100", parts.GetProperty("regionCode").GetString());
    }

    [Fact]
    public async Task Region_ReturnsLevel()
    {
        using var client = app.CreateClient();
        var parts = (await client.GetFromJsonAsync<JsonElement>("/api/v1/identifiers/region/510921100000")).GetProperty("parts");
        Assert.Equal("township", parts.GetProperty("level").GetString());
    }

    [Fact]
    public async Task UnknownKind_Answers404()
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync("/api/v1/identifiers/passport/E12345678");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("identifier.kind-unknown", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }
}

public sealed class IdentifiersApiOnSqlite(SqliteApp app) : IdentifiersApiTests(app), IClassFixture<SqliteApp>;

public sealed class IdentifiersApiOnPostgres(PostgresApp app) : IdentifiersApiTests(app), IClassFixture<PostgresApp>;
