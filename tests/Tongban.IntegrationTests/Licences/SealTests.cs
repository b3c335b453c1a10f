using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Domain.Audit;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Platform.Demo;
using Tongban.Platform.Persistence;

namespace Tongban.IntegrationTests.Licences;

/// <summary>The JWKS publishes every seal; 换章 keeps old licences valid; only the department's administrators rotate its seal.</summary>
public abstract class SealTests(TongbanApp app)
{
    [Fact]
    public async Task Jwks_ListsEverySeal_AsAnEs256Jwk_Cacheable()
    {
        var type = await app.DefineTestTypeAsync();
        var licence = await app.StoredLicenceAsync(await app.IssueToCitizenAsync(type, 0));
        using var anonymous = app.CreateClient();

        var response = await anonymous.GetAsync("/.well-known/jwks.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(5), response.Headers.CacheControl?.MaxAge);
        Assert.True(response.Headers.CacheControl?.Public);
        var keys = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("keys").EnumerateArray().ToList();
        var key = Assert.Single(keys, k => k.GetProperty("kid").GetString() == licence.KeyId);
        Assert.Equal("EC", key.GetProperty("kty").GetString());
        Assert.Equal("P-256", key.GetProperty("crv").GetString());
        Assert.Equal("ES256", key.GetProperty("alg").GetString());
        Assert.Equal("sig", key.GetProperty("use").GetString());
        Assert.Equal(43, key.GetProperty("x").GetString()!.Length);
        Assert.Equal(43, key.GetProperty("y").GetString()!.Length);
        Assert.Equal("市市场监督管理局", key.GetProperty("departmentName").GetString());
        Assert.Equal(licence.IssuerUscc.Value, key.GetProperty("uscc").GetString());
        Assert.Equal(JsonValueKind.Null, key.GetProperty("retiredAt").ValueKind);

        var listed = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/seals");
        Assert.Contains(listed.EnumerateArray(), k => k.GetProperty("kid").GetString() == licence.KeyId);
    }

    [Fact]
    public async Task Rotation_KeepsOldLicencesValid_PublishesBothKeys_AndSignsNewLicencesWithTheNewKey()
    {
        var type = await app.DefineTestTypeAsync();
        var before = await app.StoredLicenceAsync(await app.IssueToCitizenAsync(type, 0));
        using var admin = await app.ApiClientAsync("SN-SCJ-ADMIN");

        var rotated = await admin.PostAsync($"/api/v1/seals/{DemoCity.MarketRegulation}/rotate", null);

        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var newKey = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("kid").GetString();
        var after = await app.StoredLicenceAsync(await app.IssueToCitizenAsync(type, 1));
        Assert.NotEqual(before.KeyId, after.KeyId);
        Assert.Equal(newKey, after.KeyId);
        Assert.Equal("valid", await app.StatusOfPayloadAsync(before.Payload));
        Assert.Equal("valid", await app.StatusOfPayloadAsync(after.Payload));

        using var anonymous = app.CreateClient();
        var keys = (await anonymous.GetFromJsonAsync<JsonElement>("/.well-known/jwks.json")).GetProperty("keys").EnumerateArray().ToList();
        var old = Assert.Single(keys, k => k.GetProperty("kid").GetString() == before.KeyId);
        Assert.NotEqual(JsonValueKind.Null, old.GetProperty("retiredAt").ValueKind);
        Assert.Single(keys, k => k.GetProperty("kid").GetString() == after.KeyId);

        await using var scope = app.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<TongbanDbContext>().Set<AuditRecord>()
            .AnyAsync(e => e.Action == "licences.seal-rotate" && e.EntityId == DemoCity.MarketRegulation.ToString()));
    }

    [Fact]
    public async Task Rotation_ByAnotherDepartmentsAdmin_IsForbidden_AndByACitizenToo()
    {
        using var admin = await app.ApiClientAsync("SN-SCJ-ADMIN");
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsync($"/api/v1/seals/{DemoCity.PengxiMarketRegulation}/rotate", null)).StatusCode);
        using var countyAdmin = await app.ApiClientAsync("PX-REGION");
        Assert.Equal(HttpStatusCode.Forbidden, (await countyAdmin.PostAsync($"/api/v1/seals/{DemoCity.MarketRegulation}/rotate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await countyAdmin.PostAsync($"/api/v1/seals/{DemoCity.PengxiMarketRegulation}/rotate", null)).StatusCode);
        using var citizen = await app.ApiClientAsync(Actors.CitizenLogin(0));
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.PostAsync($"/api/v1/seals/{DemoCity.MarketRegulation}/rotate", null)).StatusCode);
    }

    [Fact]
    public async Task TheSealsPage_ShowsADepartmentAdminTheirOwnSeal_AndRotatesIt()
    {
        var type = await app.DefineTestTypeAsync();
        var licence = await app.StoredLicenceAsync(await app.IssueToCitizenAsync(type, 0));
        var browser = await app.SignedInBrowserAsync("SN-SCJ-ADMIN");

        var page = await browser.GetPageAsync("/admin/seals");
        var text = Pages.Text(page);
        Assert.Contains("市市场监督管理局", text, StringComparison.Ordinal);
        Assert.DoesNotContain("蓬溪县市场监督管理局", text, StringComparison.Ordinal);
        Assert.Contains(licence.KeyId, text, StringComparison.Ordinal);
        Assert.Contains("<svg", page, StringComparison.Ordinal);

        var posted = await browser.PostFormAsync("/admin/seals", [new("departmentId", DemoCity.MarketRegulation.ToString())], "/admin/seals?handler=Rotate");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var after = Pages.Text(await browser.GetPageAsync(posted.Headers.Location!.OriginalString));
        Assert.Contains("市市场监督管理局已换章", after, StringComparison.Ordinal);
        Assert.Contains("已停用", after, StringComparison.Ordinal);
        Assert.Equal("valid", await app.StatusOfPayloadAsync(licence.Payload));
    }

    [Fact]
    public async Task ThePlatformAdmin_SeesEveryDepartment_AndACitizenIsTurnedAway()
    {
        var admin = await app.SignedInBrowserAsync("ADMIN");
        var text = Pages.Text(await admin.GetPageAsync("/admin/seals"));
        Assert.Contains("市市场监督管理局", text, StringComparison.Ordinal);
        Assert.Contains("蓬溪县市场监督管理局", text, StringComparison.Ordinal);

        var citizen = await app.SignedInBrowserAsync(Actors.CitizenLogin(0), "citizen");
        var response = await citizen.GetAsync("/admin/seals");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}

public sealed class SealTestsOnSqlite(SqliteApp app) : SealTests(app), IClassFixture<SqliteApp>;

public sealed class SealTestsOnPostgres(PostgresApp app) : SealTests(app), IClassFixture<PostgresApp>;
