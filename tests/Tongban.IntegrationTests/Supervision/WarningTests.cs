using System.Net;
using Tongban.Domain.Cases;
using Tongban.IntegrationTests.Cases;
using Tongban.IntegrationTests.Identity;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Platform.Demo;
using static Tongban.IntegrationTests.Cases.BackOfficeActions;

namespace Tongban.IntegrationTests.Supervision;

/// <summary>预警: the board in scope, and the push of a case turning yellow then red, once per level, on the fake clock.</summary>
public abstract class WarningTests(TongbanApp app)
{
    [Fact]
    public async Task ACase_TurningYellowThenRed_IsPushedOnceAtEachLevel_OnTheBoardAndTheWorkbench()
    {
        app.Clock.SetLocal(2026, 3, 9); // promised 5 working days, yellow at 80%
        var number = await app.AcceptedCaseAsync();
        await app.SweepWarningsAsync();
        Assert.Null((await BoardAsync()).LevelOf(number));
        Assert.Equal(0, await app.NoticesAsync(Approver, number, TimeWarning.Yellow));

        app.Clock.SetLocal(2026, 3, 13); // 4 of 5 used
        await Task.WhenAll(app.SweepWarningsAsync(), app.SweepWarningsAsync()); // two nodes at once
        await app.SweepWarningsAsync();
        Assert.Equal("yellow", (await BoardAsync()).LevelOf(number));
        Assert.Equal(1, await app.NoticesAsync(Approver, number, TimeWarning.Yellow));
        Assert.Equal(1, await app.NoticesAsync(SupervisionActions.Supervisor, number, TimeWarning.Yellow));
        using (var approver = await app.SignedInBrowserAsync(Approver))
        {
            Assert.Contains("件办件即将超期", Pages.Text(await approver.GetPageAsync("/workbench")), StringComparison.Ordinal);
        }

        app.Clock.SetLocal(2026, 3, 20); // past the deadline
        await app.SweepWarningsAsync();
        await app.SweepWarningsAsync();
        var board = await BoardAsync("?level=red");
        Assert.Equal("red", board.LevelOf(number));
        Assert.Equal(1, await app.NoticesAsync(Approver, number, TimeWarning.Red));
        Assert.Equal(1, await app.NoticesAsync(Approver, number, TimeWarning.Yellow));
        using var browser = await app.SignedInBrowserAsync(Approver);
        Assert.Contains("件办件已超期", Pages.Text(await browser.GetPageAsync("/workbench")), StringComparison.Ordinal);
        var page = Pages.Text(await browser.GetPageAsync("/supervision/warnings"));
        Assert.Contains(number, page, StringComparison.Ordinal);
        Assert.Contains("红灯：已超时", page, StringComparison.Ordinal);

        // Dismissed, the notice leaves the workbench; the case stays on the board.
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync("/supervision/warnings", [], "/supervision/warnings?handler=Read")).StatusCode);
        Assert.DoesNotContain("件办件已超期", Pages.Text(await browser.GetPageAsync("/workbench")), StringComparison.Ordinal);
        Assert.Contains(number, Pages.Text(await browser.GetPageAsync("/supervision/warnings")), StringComparison.Ordinal);
    }

    /// <summary>The city supervisor's board, signed in now (a token does not outlive the days the clock skips).</summary>
    private async Task<System.Text.Json.JsonElement> BoardAsync(string query = "")
    {
        using var supervisor = await app.ApiClientAsync(SupervisionActions.Supervisor);
        return await supervisor.WarningBoardAsync(query);
    }

    [Fact]
    public async Task ACountySupervisor_SeesTheirCounty_NotAnotherCountysWarnings()
    {
        app.Clock.SetLocal(2026, 3, 9);
        var pengxi = await app.AcceptedCaseAsync(department: DemoCity.PengxiMarketRegulation);
        var city = await app.AcceptedCaseAsync();
        app.Clock.SetLocal(2026, 3, 20);
        using var admin = await app.SignedInBrowserAsync("ADMIN");
        var employee = StaffActions.NewEmployeeId("SH-SUP");
        await admin.EnrolStaffAsync(employee, "510981000000", null, "Supervisor"); // 射洪市
        using var shehong = await app.ApiClientAsync(employee, StaffActions.InitialPassword);

        var own = await shehong.WarningBoardAsync();
        Assert.Null(own.LevelOf(pengxi));
        Assert.Null(own.LevelOf(city));
        Assert.Equal(HttpStatusCode.NotFound, (await shehong.GetAsync($"/api/v1/supervision/warnings?region={StaffActions.Pengxi}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await shehong.GetAsync($"/api/v1/supervision/warnings?department={DemoCity.PengxiMarketRegulation}")).StatusCode);

        using var citySupervisor = await app.ApiClientAsync(SupervisionActions.Supervisor);
        var pengxiBoard = await citySupervisor.WarningBoardAsync($"?region={StaffActions.Pengxi}");
        Assert.Equal("red", pengxiBoard.LevelOf(pengxi));
        Assert.Null(pengxiBoard.LevelOf(city));

        // A department sees its own cases only.
        using var pengxiApprover = await app.ApiClientAsync("PX-APPROVER");
        var department = await pengxiApprover.WarningBoardAsync();
        Assert.Equal("red", department.LevelOf(pengxi));
        Assert.Null(department.LevelOf(city));
        Assert.Equal(HttpStatusCode.NotFound, (await pengxiApprover.GetAsync($"/api/v1/supervision/warnings?department={DemoCity.MarketRegulation}")).StatusCode);
    }
}

public sealed class WarningTestsOnSqlite(SqliteApp app) : WarningTests(app), IClassFixture<SqliteApp>;

public sealed class WarningTestsOnPostgres(PostgresApp app) : WarningTests(app), IClassFixture<PostgresApp>;
