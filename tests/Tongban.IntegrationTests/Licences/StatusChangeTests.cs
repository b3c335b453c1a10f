using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tongban.Domain.Primitives;
using Tongban.IntegrationTests.Infrastructure;

namespace Tongban.IntegrationTests.Licences;

/// <summary>The issuing department's staff suspend, reinstate, revoke and re-issue; nobody else can.</summary>
public abstract class StatusChangeTests(TongbanApp app)
{
    private const string Approver = "SN-APPROVER";

    [Fact]
    public async Task SuspendReinstateRevoke_ByTheIssuersApprover_WithReasons_AreShownInTheHistory()
    {
        var id = await app.IssueToCitizenAsync(await app.DefineTestTypeAsync(), 0);
        using var client = await app.ApiClientAsync(Approver);
        var version = await VersionAsync(client, id);

        var suspended = await PostAsync(client, id, "suspend", "经营场所与登记不符，责令整改", version);
        var reinstated = await PostAsync(client, id, "reinstate", "整改完成，复核通过", suspended.GetProperty("version").GetInt32());
        var revoked = await PostAsync(client, id, "revoke", "以欺骗手段取得许可，依法撤销", reinstated.GetProperty("version").GetInt32());

        Assert.Equal("suspended", suspended.GetProperty("state").GetString());
        Assert.Equal("valid", reinstated.GetProperty("state").GetString());
        Assert.Equal("revoked", revoked.GetProperty("state").GetString());
        Assert.Equal("以欺骗手段取得许可，依法撤销", revoked.GetProperty("statusReason").GetString());
        var history = revoked.GetProperty("history").EnumerateArray().Select(h => (h.GetProperty("toStatus").GetString(), h.GetProperty("reason").GetString())).ToList();
        Assert.Equal([("suspended", "经营场所与登记不符，责令整改"), ("valid", "整改完成，复核通过"), ("revoked", "以欺骗手段取得许可，依法撤销")], history);

        var again = await client.PostAsJsonAsync($"/api/v1/licences/{id.Value}/reinstate", new { reason = "再恢复" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Suspend_WithoutAReason_Is422_AndTheLicenceStaysValid()
    {
        var id = await app.IssueToCitizenAsync(await app.DefineTestTypeAsync(), 1);
        using var client = await app.ApiClientAsync(Approver);

        var response = await client.PostAsJsonAsync($"/api/v1/licences/{id.Value}/suspend", new { reason = "  " });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("reason", problem.GetProperty("field").GetString());
        var shown = await (await client.GetAsync($"/api/v1/licences/{id.Value}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("valid", shown.GetProperty("state").GetString());
    }

    [Theory]
    [InlineData("PX-APPROVER")]
    [InlineData("SN-CLERK")]
    public async Task StaffOfAnotherDepartment_OrWithoutAnIssuerRole_CannotSeeOrChangeTheLicence(string username)
    {
        var id = await app.IssueToCitizenAsync(await app.DefineTestTypeAsync(), 2);
        using var other = await app.ApiClientAsync(username);

        var read = await other.GetAsync($"/api/v1/licences/{id.Value}");
        var revoke = await other.PostAsJsonAsync($"/api/v1/licences/{id.Value}/revoke", new { reason = "越权撤销" });

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, revoke.StatusCode);
        using var approver = await app.ApiClientAsync(Approver);
        var shown = await (await approver.GetAsync($"/api/v1/licences/{id.Value}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("valid", shown.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Revoke_WithAStaleVersion_Is409_AndOnlyTheFirstChangeStands()
    {
        var id = await app.IssueToCitizenAsync(await app.DefineTestTypeAsync(), 3);
        using var first = await app.ApiClientAsync(Approver);
        using var second = await app.ApiClientAsync("SN-APPROVER-2");
        var seen = await VersionAsync(first, id);

        var suspended = await first.PostAsJsonAsync($"/api/v1/licences/{id.Value}/suspend", new { reason = "暂停核查", expectedVersion = seen });
        var revoked = await second.PostAsJsonAsync($"/api/v1/licences/{id.Value}/revoke", new { reason = "撤销", expectedVersion = seen });

        Assert.Equal(HttpStatusCode.OK, suspended.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, revoked.StatusCode);
        var shown = await (await first.GetAsync($"/api/v1/licences/{id.Value}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("suspended", shown.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Reissue_MakesVersion002_SignedAnew_AndSupersedes001()
    {
        var id = await app.IssueToCitizenAsync(await app.DefineTestTypeAsync(), 0, "遂宁市船山区张伟小吃店");
        using var client = await app.ApiClientAsync(Approver);
        var version = await VersionAsync(client, id);

        var response = await client.PostAsJsonAsync($"/api/v1/licences/{id.Value}/reissue",
            new { data = new Dictionary<string, string> { ["name"] = "遂宁市船山区张伟餐馆" }, expectedVersion = version });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var next = await response.Content.ReadFromJsonAsync<JsonElement>();
        var nextId = LicenceIdentifier.Parse(next.GetProperty("identifier").GetString()).Value;
        Assert.Equal(id.Serial, nextId.Serial);
        Assert.Equal(2, nextId.Version);
        Assert.Equal("valid", next.GetProperty("state").GetString());
        var data = next.GetProperty("data").EnumerateArray().ToDictionary(d => d.GetProperty("key").GetString()!, d => d.GetProperty("value").GetString());
        Assert.Equal("遂宁市船山区张伟餐馆", data["name"]);
        Assert.Equal("餐饮服务（小型餐馆）", data["scope"]);

        var old = await (await client.GetAsync($"/api/v1/licences/{id.Value}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("superseded", old.GetProperty("state").GetString());
        Assert.Equal(nextId.Value, old.GetProperty("supersededBy").GetString());
        var stale = await client.PostAsJsonAsync($"/api/v1/licences/{id.Value}/reissue", new { data = new Dictionary<string, string> { ["name"] = "再改" }, expectedVersion = version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    private static async Task<int> VersionAsync(HttpClient client, LicenceIdentifier id)
    {
        var response = await client.GetAsync($"/api/v1/licences/{id.Value}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, LicenceIdentifier id, string action, string reason, int version)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/licences/{id.Value}/{action}", new { reason, expectedVersion = version });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action} answered {(int)response.StatusCode}: {body}");
        return body;
    }
}

public sealed class StatusChangeTestsOnSqlite(SqliteApp app) : StatusChangeTests(app), IClassFixture<SqliteApp>;

public sealed class StatusChangeTestsOnPostgres(PostgresApp app) : StatusChangeTests(app), IClassFixture<PostgresApp>;
