using System.Net.Http.Json;
using System.Text.Json;
using Tongban.IntegrationTests.Infrastructure;
using static Tongban.IntegrationTests.Cases.BackOfficeActions;

namespace Tongban.IntegrationTests.Cases;

public abstract class WarningShareTests(TongbanApp app)
{
    [Fact]
    public async Task Warning_FollowsTheConfiguredShare_YellowAtHalfTheLimit()
    {
        app.Clock.SetLocal(2026, 3, 9); // promised 5 working days
        var number = await app.AcceptedCaseAsync();

        app.Clock.SetLocal(2026, 3, 11); // 2 of 5 used
        Assert.Equal("normal", await WarningAsync(number));
        app.Clock.SetLocal(2026, 3, 12); // 3 of 5 used: past half, short of the default 80%
        Assert.Equal("yellow", await WarningAsync(number));
        using var browser = await app.SignedInBrowserAsync(Approver);
        Assert.Contains("黄灯：临近时限", Pages.Text(await browser.GetPageAsync($"/workbench/cases/{number}")), StringComparison.Ordinal);
    }

    private async Task<string?> WarningAsync(string number)
    {
        using var approver = await app.ApiClientAsync(Approver);
        return (await approver.GetFromJsonAsync<JsonElement>("/api/v1/backoffice/cases")).GetProperty("items").EnumerateArray()
            .Single(c => c.GetProperty("caseNumber").GetString() == number).GetProperty("warning").GetString();
    }
}

public sealed class WarningShareTestsOnSqlite(CityPolicySqliteApp app) : WarningShareTests(app), IClassFixture<CityPolicySqliteApp>;

public sealed class WarningShareTestsOnPostgres(CityPolicyPostgresApp app) : WarningShareTests(app), IClassFixture<CityPolicyPostgresApp>;
