using System.Net;
using System.Text.Json;
using Tongban.IntegrationTests.Cases;
using Tongban.IntegrationTests.Identity;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Platform.Demo;
using static Tongban.IntegrationTests.Cases.BackOfficeActions;

namespace Tongban.IntegrationTests.Supervision;

/// <summary>超时记录: late steps per clerk on the fake clock, 屡次超时 from two, in scope.</summary>
public abstract class LatenessTests(TongbanApp app)
{
    private const string March = "?from=2026-03-01&to=2026-03-31";

    [Fact]
    public async Task AClerkLateTwice_IsFlaggedRepeated_AndListedFirst_AClerkLateOnce_IsNot()
    {
        // Accepted Monday 9 March with a 5-working-day promise: due at the end of Monday 16 March.
        app.Clock.SetLocal(2026, 3, 9);
        var late = await app.AcceptedCaseAsync();
        var held = await app.AcceptedCaseAsync();
        using (var second = await app.ApiClientAsync(SecondApprover))
        {
            await ExpectOkAsync(await second.TransferAsync(held, "review", Approver, "人手调整")); // 周伟 now holds it
        }

        app.Clock.SetLocal(2026, 3, 20);
        var onTime = await app.AcceptedCaseAsync();
        using (var approver = await app.ApiClientAsync(Approver))
        {
            await ExpectOkAsync(await approver.ApproveStepAsync(late, "review")); // late: 20 March > 16 March
        }

        using (var second = await app.ApiClientAsync(SecondApprover))
        {
            await ExpectOkAsync(await second.ApproveStepAsync(late, "sign-legal")); // late
            await ExpectOkAsync(await second.ApproveStepAsync(onTime, "review")); // on time: due 27 March
        }

        // 周伟: 审查 of the first case (approved late) + 审查 of the second (held since the transfer) = 2 ≥ 2; 陈晨: 法规科会签 = 1.
        using var supervisor = await app.ApiClientAsync(SupervisionActions.Supervisor);
        var report = await supervisor.LatenessAsync(March);
        var clerks = report.GetProperty("clerks").EnumerateArray().ToList();
        Assert.Equal([Approver, SecondApprover], clerks.Select(c => c.GetProperty("employeeId").GetString()));
        Assert.Equal(2, clerks[0].GetProperty("lateSteps").GetInt32());
        Assert.True(clerks[0].GetProperty("repeated").GetBoolean());
        Assert.StartsWith("周伟", clerks[0].GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, clerks[1].GetProperty("lateSteps").GetInt32());
        Assert.False(clerks[1].GetProperty("repeated").GetBoolean());
        Assert.Equal("市市场监督管理局", clerks[1].GetProperty("departmentName").GetString());

        var steps = clerks[0].GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal([(late, "审查", true), (held, "审查", false)],
            steps.Select(s => (s.GetProperty("caseNumber").GetString(), s.GetProperty("stepName").GetString(), s.GetProperty("decidedAt").ValueKind != JsonValueKind.Null)));
        Assert.Equal(new DateTime(2026, 3, 16), steps[0].GetProperty("deadline").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8)).Date);
        Assert.DoesNotContain(onTime, report.GetRawText(), StringComparison.Ordinal);

        // A period before the lateness has none; the held step counts only in a period reaching today.
        Assert.Empty((await supervisor.LatenessAsync("?from=2026-02-01&to=2026-02-28")).GetProperty("clerks").EnumerateArray());

        using var browser = await app.SignedInBrowserAsync(SupervisionActions.Supervisor);
        var page = Pages.Text(await browser.GetPageAsync("/supervision/lateness" + March));
        Assert.Contains("屡次超时 SN-APPROVER ", page, StringComparison.Ordinal);
        Assert.Contains("SN-APPROVER-2 ", page, StringComparison.Ordinal);
        Assert.DoesNotContain("屡次超时 SN-APPROVER-2", page, StringComparison.Ordinal);
        Assert.Contains(held + " 审查", page, StringComparison.Ordinal);
        Assert.Contains("仍未办理", page, StringComparison.Ordinal);
        Assert.Contains("/supervision/lateness", await browser.GetPageAsync("/workbench"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutsideTheCallersScope_IsNotFound_AndAReversedPeriodIsABadRequest()
    {
        app.Clock.SetLocal(2026, 4, 7);
        using var admin = await app.SignedInBrowserAsync("ADMIN");
        var employee = StaffActions.NewEmployeeId("SH-SUP");
        await admin.EnrolStaffAsync(employee, "510981000000", null, "Supervisor"); // 射洪市
        using var shehong = await app.ApiClientAsync(employee, StaffActions.InitialPassword);
        Assert.Equal(HttpStatusCode.OK, (await shehong.GetAsync("/api/v1/supervision/lateness")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await shehong.GetAsync($"/api/v1/supervision/lateness?region={StaffActions.Pengxi}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await shehong.GetAsync($"/api/v1/supervision/lateness?department={DemoCity.MarketRegulation}")).StatusCode);

        using var departmentAdmin = await app.ApiClientAsync(Superior);
        Assert.Equal(HttpStatusCode.OK, (await departmentAdmin.GetAsync("/api/v1/supervision/lateness")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await departmentAdmin.GetAsync($"/api/v1/supervision/lateness?department={DemoCity.PengxiMarketRegulation}")).StatusCode);
        await ExpectProblemAsync(await departmentAdmin.GetAsync("/api/v1/supervision/lateness?from=2026-04-10&to=2026-04-01"), HttpStatusCode.BadRequest, "supervision.period-reversed");

        using var clerk = await app.ApiClientAsync(IntakeActions.Clerk);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/v1/supervision/lateness")).StatusCode);

        using var browser = await app.SignedInBrowserAsync(Superior);
        var page = Pages.Text(await browser.GetPageAsync("/supervision/lateness?from=2026-04-10&to=2026-04-01"));
        Assert.Contains("结束日期不能早于开始日期", page, StringComparison.Ordinal);
    }
}

public sealed class LatenessTestsOnSqlite(SqliteApp app) : LatenessTests(app), IClassFixture<SqliteApp>;

public sealed class LatenessTestsOnPostgres(PostgresApp app) : LatenessTests(app), IClassFixture<PostgresApp>;
