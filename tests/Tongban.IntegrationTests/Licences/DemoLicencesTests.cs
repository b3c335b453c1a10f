using System.Net.Http.Json;
using System.Text.Json;
using Tongban.IntegrationTests.Cases;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Modules.Licences.Features.SeedDemo;
using Tongban.Platform;

namespace Tongban.IntegrationTests.Licences;

/// <summary>The demo city with its licences: types with their issuers, holdings in every state, and a demo case that issues one.</summary>
public abstract class DemoLicencesApp(DatabaseProvider provider) : TongbanApp(provider)
{
    protected override bool DemoLicences => true;

    protected override bool DemoCases => true;
}

public sealed class DemoLicencesSqliteApp() : DemoLicencesApp(DatabaseProvider.Sqlite);

public sealed class DemoLicencesPostgresApp() : DemoLicencesApp(DatabaseProvider.Postgres);

public abstract class DemoLicencesTests(DemoLicencesApp app)
{
    [Fact]
    public async Task TheTenDemoTypes_ArePublished_WithTheirIssuers()
    {
        var types = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/licence-types");
        var names = types.EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToList();
        foreach (var name in new[] { "营业执照", "食品经营许可证", "不动产权证书", "结婚证", "出生医学证明", "道路运输经营许可证", "取水许可证", "医师执业证书", "残疾人证", "建筑工程施工许可证" })
        {
            Assert.Contains(name, names);
        }

        var business = types.EnumerateArray().Single(t => t.GetProperty("code").GetString() == DemoLicenceTypes.BusinessLicence.Value);
        Assert.Contains("市市场监督管理局", business.GetProperty("issuers").EnumerateArray().Select(i => i.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task ZhangWei_HoldsValidLicences_ThatVerify()
    {
        using var zhangWei = await app.ApiClientAsync(Actors.CitizenLogin(0));
        var held = (await zhangWei.GetFromJsonAsync<JsonElement>("/api/v1/me/licences")).EnumerateArray().ToList();

        Assert.Contains(held, l => l.GetProperty("typeName").GetString() == "结婚证");
        Assert.Contains(held, l => l.GetProperty("typeName").GetString() == "不动产权证书");
        foreach (var licence in held)
        {
            Assert.Equal("valid", licence.GetProperty("status").GetString());
            var verified = await app.VerifyAsync(new { payload = licence.GetProperty("payload").GetString() });
            Assert.Equal("valid", verified.GetProperty("status").GetString());
            Assert.Equal("张*", verified.GetProperty("holderName").GetString());
        }
    }

    [Fact]
    public async Task TheFoodEnterprise_HoldsItsLicences_AndTheOtherStatesShow()
    {
        using var agent = await app.ApiClientAsync(Actors.AgentLogin(1));
        var held = (await agent.GetFromJsonAsync<JsonElement>("/api/v1/me/licences")).EnumerateArray().Select(l => l.GetProperty("typeName").GetString()).ToList();
        Assert.Contains("营业执照", held);
        Assert.Contains("食品经营许可证", held);

        Assert.Equal("expired", await StatusOfAsync(Actors.CitizenLogin(2), "残疾人证"));
        Assert.Equal("revoked", await StatusOfAsync(Actors.CitizenLogin(1), "食品经营许可证"));
    }

    [Fact]
    public async Task ApprovingTheDemoFoodLicenceCase_IssuesTheFoodLicence()
    {
        using var approver = await app.ApiClientAsync(BackOfficeActions.Approver);
        var list = await approver.GetFromJsonAsync<JsonElement>("/api/v1/backoffice/cases");
        var number = list.GetProperty("items").EnumerateArray().Single().GetProperty("caseNumber").GetString()!;

        // The demo case is reviewed and waits for its 会签: approve what is left, stage by stage.
        var left = (await approver.CaseAsync(number)).GetProperty("steps").EnumerateArray()
            .Where(s => s.GetProperty("status").GetString() is "Pending" or "Active").Select(s => s.GetProperty("key").GetString()!).ToList();
        Assert.NotEmpty(left);
        foreach (var step in left)
        {
            await BackOfficeActions.ExpectOkAsync(await approver.ApproveStepAsync(number, step));
        }

        var decided = await BackOfficeActions.ExpectOkAsync(await approver.DecideAsync(number, "approve"));

        var identifier = decided.GetProperty("licenceId").GetString()!;
        Assert.Contains(DemoLicenceTypes.FoodLicence.Value, identifier, StringComparison.Ordinal);
        var verified = await app.VerifyAsync(new { identifier });
        Assert.Equal("valid", verified.GetProperty("status").GetString());
        Assert.Equal("食品经营许可证", verified.GetProperty("typeName").GetString());
    }

    private async Task<string?> StatusOfAsync(string login, string typeName)
    {
        using var holder = await app.ApiClientAsync(login);
        var licence = (await holder.GetFromJsonAsync<JsonElement>("/api/v1/me/licences")).EnumerateArray().Single(l => l.GetProperty("typeName").GetString() == typeName);
        var verified = await app.VerifyAsync(new { payload = licence.GetProperty("payload").GetString() });
        Assert.Equal(licence.GetProperty("status").GetString(), verified.GetProperty("status").GetString());
        return verified.GetProperty("status").GetString();
    }
}

public sealed class DemoLicencesOnSqlite(DemoLicencesSqliteApp app) : DemoLicencesTests(app), IClassFixture<DemoLicencesSqliteApp>;

public sealed class DemoLicencesOnPostgres(DemoLicencesPostgresApp app) : DemoLicencesTests(app), IClassFixture<DemoLicencesPostgresApp>;
