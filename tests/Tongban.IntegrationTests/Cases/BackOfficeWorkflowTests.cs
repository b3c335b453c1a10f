using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives.Calendar;
using Tongban.IntegrationTests.Identity;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Platform.Demo;
using static Tongban.IntegrationTests.Cases.BackOfficeActions;

namespace Tongban.IntegrationTests.Cases;

public abstract class BackOfficeWorkflowTests(TongbanApp app)
{
    [Fact]
    public async Task ParallelReview_BothSignersMustApprove_BeforeTheNextStage()
    {
        var number = await app.AcceptedCaseAsync();
        using var approver = await app.ApiClientAsync(Approver);

        var afterReview = await ExpectOkAsync(await approver.ApproveStepAsync(number, "review"));
        Assert.Equal("Active", afterReview.StepStatus("sign-legal"));
        Assert.Equal("Active", afterReview.StepStatus("sign-registry"));

        var oneSigned = await ExpectOkAsync(await approver.ApproveStepAsync(number, "sign-legal"));
        Assert.Equal("Approved", oneSigned.StepStatus("sign-legal"));
        Assert.Equal("Active", oneSigned.StepStatus("sign-registry"));
        await ExpectProblemAsync(await approver.DecideAsync(number, "approve"), HttpStatusCode.Conflict, "case.steps-outstanding");

        var bothSigned = await ExpectOkAsync(await approver.ApproveStepAsync(number, "sign-registry"));
        Assert.All(bothSigned.GetProperty("steps").EnumerateArray(), s => Assert.Equal("Approved", s.GetProperty("status").GetString()));
        Assert.Equal("会签", bothSigned.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "sign-legal").GetProperty("parallelGroup").GetString());
    }

    [Fact]
    public async Task SendBack_NeedsAReason_AndReactivatesTheEarlierStep()
    {
        var number = await app.AcceptedCaseAsync();
        using var approver = await app.ApiClientAsync(Approver);
        await ExpectOkAsync(await approver.ApproveStepAsync(number, "review"));

        await ExpectProblemAsync(await approver.SendBackAsync(number, "sign-legal", "review", " "), HttpStatusCode.UnprocessableEntity, "case.send-back-needs-reason");
        Assert.Equal("Active", (await approver.CaseAsync(number)).StepStatus("sign-legal"));

        var sentBack = await ExpectOkAsync(await approver.SendBackAsync(number, "sign-legal", "review", "经营范围表述不规范"));
        Assert.Equal("Active", sentBack.StepStatus("review"));
        Assert.Equal("SentBack", sentBack.StepStatus("sign-legal"));
        Assert.Equal("Pending", sentBack.StepStatus("sign-registry"));
        Assert.Contains(sentBack.GetProperty("history").EnumerateArray(), e => e.GetProperty("action").GetString() == "StepSentBack"
            && e.GetProperty("comment").GetString()!.Contains("经营范围表述不规范", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Transfer_MovesTheAssignee_AndOnlyTheNewAssigneeMayAct()
    {
        var number = await app.AcceptedCaseAsync();
        using var first = await app.ApiClientAsync(Approver);
        using var second = await app.ApiClientAsync(SecondApprover);

        await ExpectProblemAsync(await first.TransferAsync(number, "review", SecondApprover, ""), HttpStatusCode.UnprocessableEntity, "case.transfer-needs-reason");
        await ExpectProblemAsync(await first.TransferAsync(number, "review", "PX-APPROVER", "人手调整"), HttpStatusCode.UnprocessableEntity, "cases.transfer-target-not-eligible");
        var transferred = await ExpectOkAsync(await first.TransferAsync(number, "review", SecondApprover, "原承办人出差"));
        Assert.NotEqual(JsonValueKind.Null, transferred.GetProperty("steps")[0].GetProperty("assignee").ValueKind);

        await ExpectProblemAsync(await first.ApproveStepAsync(number, "review"), HttpStatusCode.Forbidden, "case.step-assigned-to-another");
        var approved = await ExpectOkAsync(await second.ApproveStepAsync(number, "review"));
        Assert.Equal("Approved", approved.StepStatus("review"));
    }

    [Fact]
    public async Task Deny_WithoutReasonsOrLegalBasis_Is422AndChangesNothing_WithThemIsDenied()
    {
        var number = await app.AcceptedCaseAsync();
        using var approver = await app.ApiClientAsync(Approver);
        await approver.ApproveAllStepsAsync(number);
        var version = (await approver.CaseAsync(number)).GetProperty("version").GetInt32();

        await ExpectProblemAsync(await approver.DecideAsync(number, "deny", legalBasis: "《行政许可法》第三十八条"), HttpStatusCode.UnprocessableEntity, "case.denial-needs-reasons");
        await ExpectProblemAsync(await approver.DecideAsync(number, "deny", reasons: "不符合条件"), HttpStatusCode.UnprocessableEntity, "case.denial-needs-legal-basis");
        var unchanged = await approver.CaseAsync(number);
        Assert.Equal("accepted", unchanged.GetProperty("status").GetString());
        Assert.Equal(version, unchanged.GetProperty("version").GetInt32());

        var denied = await ExpectOkAsync(await approver.DecideAsync(number, "deny", "场地不符合安全条件", "《行政许可法》第三十八条第二款"));
        Assert.Equal("denied", denied.GetProperty("status").GetString());
        Assert.Equal("场地不符合安全条件", denied.GetProperty("decisionReasons").GetString());
        Assert.Equal("《行政许可法》第三十八条第二款", denied.GetProperty("decisionLegalBasis").GetString());
    }

    [Fact]
    public async Task Decide_BeforeEveryStepIsDone_Is409()
    {
        var number = await app.AcceptedCaseAsync();
        using var approver = await app.ApiClientAsync(Approver);

        await ExpectProblemAsync(await approver.DecideAsync(number, "approve"), HttpStatusCode.Conflict, "case.steps-outstanding");
        Assert.Equal("accepted", (await approver.CaseAsync(number)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Approve_Issue_DeliverByPickup_Complete_TheApplicantSeesThePickupCode()
    {
        var number = await app.ApplyAsync(await app.PublishHandledItemAsync());
        await app.AcceptAtWindowAsync(number);
        using var approver = await app.ApiClientAsync(Approver);
        await approver.ApproveAllStepsAsync(number);

        await ExpectProblemAsync(await approver.DeliverAsync(number, "pickup"), HttpStatusCode.Conflict, "case.nothing-to-deliver");
        Assert.Equal("approved", (await ExpectOkAsync(await approver.DecideAsync(number, "approve"))).GetProperty("status").GetString());
        Assert.Equal("issued", (await ExpectOkAsync(await approver.IssueAsync(number))).GetProperty("status").GetString());
        var delivered = await ExpectOkAsync(await approver.DeliverAsync(number, "pickup"));
        Assert.Matches("^[0-9]{6}$", delivered.GetProperty("pickupCode").GetString());
        Assert.Equal("completed", (await ExpectOkAsync(await approver.CompleteAsync(number))).GetProperty("status").GetString());

        using var citizen = await app.ApiClientAsync(Citizen);
        var seen = await citizen.CaseAsync(number);
        Assert.Equal(delivered.GetProperty("pickupCode").GetString(), seen.GetProperty("pickupCode").GetString());
        Assert.Contains(seen.GetProperty("history").EnumerateArray(), e => e.GetProperty("action").GetString() == "Issued"
            && e.GetProperty("comment").GetString()!.Contains($"/cases/{number}/documents/decision.pdf", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeliverByPost_NeedsAddressCarrierAndTrackingNumber()
    {
        var number = await app.AcceptedCaseAsync();
        using var approver = await app.ApiClientAsync(Approver);
        await approver.ApproveAllStepsAsync(number);
        await ExpectOkAsync(await approver.DecideAsync(number, "approve"));
        await ExpectOkAsync(await approver.IssueAsync(number));

        await ExpectProblemAsync(await approver.DeliverAsync(number, "post", carrier: "中国邮政", trackingNumber: "1187"), HttpStatusCode.UnprocessableEntity, "case.delivery-address-required");
        await ExpectProblemAsync(await approver.DeliverAsync(number, "post", "遂宁市船山区南津路 1 号", trackingNumber: "1187"), HttpStatusCode.UnprocessableEntity, "case.delivery-carrier-required");
        await ExpectProblemAsync(await approver.DeliverAsync(number, "post", "遂宁市船山区南津路 1 号", "中国邮政"), HttpStatusCode.UnprocessableEntity, "case.delivery-tracking-number-required");
        Assert.Equal("issued", (await approver.CaseAsync(number)).GetProperty("status").GetString());

        var posted = await ExpectOkAsync(await approver.DeliverAsync(number, "post", "遂宁市船山区南津路 1 号", "中国邮政 EMS", "1187654321"));
        Assert.Equal("Post", posted.GetProperty("deliveryMethod").GetString());
        Assert.Equal("1187654321", posted.GetProperty("trackingNumber").GetString());
    }

    [Fact]
    public async Task SpecialProcedure_StopsTheClockWithItsReason_AndTheDeadlinesMoveByExactlyThePausedWorkingDays()
    {
        app.Clock.SetLocal(2026, 3, 9); // a Monday
        var number = await app.AcceptedCaseAsync();
        var approver = await app.ApiClientAsync(Approver);
        var before = (await approver.CaseAsync(number)).GetProperty("clock");
        Assert.Equal(new DateOnly(2026, 3, 16), LocalDate(before.GetProperty("promisedDeadline")));

        await ExpectProblemAsync(await approver.StartSpecialProcedureAsync(number, "Inspection", ""), HttpStatusCode.UnprocessableEntity, "case.special-procedure-needs-reason");
        await ExpectProblemAsync(await approver.StartSpecialProcedureAsync(number, "Lottery", "抽签"), HttpStatusCode.UnprocessableEntity, "cases.special-procedure-unknown");
        app.Clock.SetLocal(2026, 3, 10, 10);
        approver = await app.ApiClientAsync(Approver); // tokens expire as the clock moves
        var stopped = await ExpectOkAsync(await approver.StartSpecialProcedureAsync(number, "Inspection", "送检产品样品"));
        Assert.Equal("Paused", stopped.GetProperty("clock").GetProperty("level").GetString());
        Assert.Equal("检验", stopped.GetProperty("clock").GetProperty("pausedFor").GetString());
        Assert.Contains(stopped.GetProperty("history").EnumerateArray(), e => e.GetProperty("comment").GetString() == "检验：送检产品样品");
        await approver.ApproveAllStepsAsync(number);
        await ExpectProblemAsync(await approver.DecideAsync(number, "approve"), HttpStatusCode.Conflict, "case.clock-stopped");

        // Tue 10th to Tue 17th: the stop touches Tue, Wed, Thu, Fri, Mon, Tue = 6 working days.
        app.Clock.SetLocal(2026, 3, 17, 10);
        approver = await app.ApiClientAsync(Approver);
        var resumed = (await ExpectOkAsync(await approver.EndSpecialProcedureAsync(number))).GetProperty("clock");

        Assert.Equal(new DateOnly(2026, 3, 24), LocalDate(resumed.GetProperty("promisedDeadline")));
        var calendar = WorkingCalendar.LoadShipped();
        Assert.Equal(calendar.AddWorkingDays(LocalDate(before.GetProperty("statutoryDeadline")), 6), LocalDate(resumed.GetProperty("statutoryDeadline")));
        Assert.NotEqual("Paused", resumed.GetProperty("level").GetString());
        Assert.Equal("approved", (await ExpectOkAsync(await approver.DecideAsync(number, "approve"))).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Extension_TheApproverAloneIsRefused_TheSuperiorApprovesIt_AndTheStatutoryDeadlineMoves()
    {
        app.Clock.SetLocal(2026, 3, 9);
        var number = await app.AcceptedCaseAsync();
        using var approver = await app.ApiClientAsync(Approver);
        using var superior = await app.ApiClientAsync(Superior);
        var before = LocalDate((await approver.CaseAsync(number)).GetProperty("clock").GetProperty("statutoryDeadline"));

        await ExpectProblemAsync(await approver.ExtendAsync(number, 5, "需现场核查", Approver), HttpStatusCode.Forbidden, "cases.extension-superior-only");
        await ExpectProblemAsync(await superior.ExtendAsync(number, 11, "需现场核查", Approver), HttpStatusCode.UnprocessableEntity, "case.extension-days-out-of-range");
        await ExpectProblemAsync(await superior.ExtendAsync(number, 5, "需现场核查", Superior), HttpStatusCode.UnprocessableEntity, "cases.extension-requester-unknown");
        Assert.Equal(before, LocalDate((await approver.CaseAsync(number)).GetProperty("clock").GetProperty("statutoryDeadline")));

        var extended = await ExpectOkAsync(await superior.ExtendAsync(number, 5, "需现场核查", Approver));

        Assert.Equal(WorkingCalendar.LoadShipped().AddWorkingDays(before, 5), LocalDate(extended.GetProperty("clock").GetProperty("statutoryDeadline")));
        Assert.Contains(extended.GetProperty("history").EnumerateArray(), e => e.GetProperty("action").GetString() == "Extended"
            && e.GetProperty("actorRole").GetString() == "Approver" && e.GetProperty("comment").GetString()!.Contains("需现场核查", StringComparison.Ordinal));
        await ExpectProblemAsync(await superior.ExtendAsync(number, 3, "再延", Approver), HttpStatusCode.Conflict, "case.extension-already-granted");
    }

    [Fact]
    public async Task Warnings_YellowAtTheWarningShare_RedOnceOverdue_InTheList()
    {
        app.Clock.SetLocal(2026, 3, 9); // promised 5 working days: deadline Mon 16th
        var number = await app.AcceptedCaseAsync();

        app.Clock.SetLocal(2026, 3, 12); // Thu: 3 of 5 used
        var approver = await app.ApiClientAsync(Approver); // tokens expire as the clock moves
        Assert.Equal("normal", (await ListedAsync(approver, number)).GetProperty("warning").GetString());
        app.Clock.SetLocal(2026, 3, 13); // Fri: 4 of 5 = 80%
        approver = await app.ApiClientAsync(Approver);
        var yellow = await ListedAsync(approver, number);
        Assert.Equal("yellow", yellow.GetProperty("warning").GetString());
        Assert.Equal(1, yellow.GetProperty("promisedRemainingWorkingDays").GetInt32());
        Assert.Contains((await approver.GetFromJsonAsync<JsonElement>("/api/v1/backoffice/cases?warning=yellow")).GetProperty("items").EnumerateArray(),
            c => c.GetProperty("caseNumber").GetString() == number);
        app.Clock.SetLocal(2026, 3, 17); // Tue: past the deadline
        approver = await app.ApiClientAsync(Approver);
        var red = await ListedAsync(approver, number);
        Assert.Equal("red", red.GetProperty("warning").GetString());
        Assert.True(red.GetProperty("promisedRemainingWorkingDays").GetInt32() < 0);
        Assert.DoesNotContain((await approver.GetFromJsonAsync<JsonElement>("/api/v1/backoffice/cases?warning=yellow")).GetProperty("items").EnumerateArray(),
            c => c.GetProperty("caseNumber").GetString() == number);
    }

    [Fact]
    public async Task DepartmentSystem_PullsItsStep_PostsTheResultWithItsReference_OthersAreRefused()
    {
        var number = await app.AcceptedCaseAsync(
        [
            new ProcessStep("accept", "受理"),
            new ProcessStep("check", "业务系统核验", Role: "DepartmentSystem"),
            new ProcessStep("review", "审查"),
            new ProcessStep("decide", "决定"),
        ]);
        using var system = await app.ApiClientAsync(DepartmentSystem);
        var pending = await system.GetFromJsonAsync<JsonElement>("/api/v1/department/cases?step=check");
        var item = pending.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("caseNumber").GetString() == number);
        Assert.Equal("check", item.GetProperty("steps")[0].GetProperty("key").GetString());

        using var approver = await app.ApiClientAsync(Approver);
        await ExpectProblemAsync(await approver.ApproveStepAsync(number, "check"), HttpStatusCode.Forbidden, "cases.step-role-required");
        await ExpectProblemAsync(await system.PostAsJsonAsync($"/api/v1/department/cases/{number}/steps/check/result", new { outcome = "approve" }),
            HttpStatusCode.UnprocessableEntity, "cases.department-reference-required");

        using var admin = await app.SignedInBrowserAsync(CatalogActions.Editor);
        var otherSystem = StaffActions.NewEmployeeId("PX-SYS");
        await admin.EnrolStaffAsync(otherSystem, StaffActions.Pengxi, DemoCity.PengxiMarketRegulation, "DepartmentSystem");
        using var other = await app.ApiClientAsync(otherSystem, StaffActions.InitialPassword);
        Assert.DoesNotContain((await other.GetFromJsonAsync<JsonElement>("/api/v1/department/cases")).GetProperty("items").EnumerateArray(),
            c => c.GetProperty("caseNumber").GetString() == number);
        await ExpectProblemAsync(await other.PostAsJsonAsync($"/api/v1/department/cases/{number}/steps/check/result", new { outcome = "approve", externalReference = "PX-1" }),
            HttpStatusCode.NotFound, "cases.case-not-found");
        using var citizen = await app.ApiClientAsync(Citizen);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync("/api/v1/department/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await approver.GetAsync("/api/v1/department/cases")).StatusCode);

        var posted = await ExpectOkAsync(await system.PostAsJsonAsync($"/api/v1/department/cases/{number}/steps/check/result",
            new { outcome = "approve", comment = "主体信息核验通过", externalReference = "SCJ-2026-000123" }));
        var check = posted.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "check");
        Assert.Equal("Approved", check.GetProperty("status").GetString());
        Assert.Equal("SCJ-2026-000123", check.GetProperty("externalReference").GetString());
        Assert.Equal("Active", posted.StepStatus("review"));
        Assert.DoesNotContain((await system.GetFromJsonAsync<JsonElement>("/api/v1/department/cases")).GetProperty("items").EnumerateArray(),
            c => c.GetProperty("caseNumber").GetString() == number);
    }

    [Fact]
    public async Task Scope_CountyApproverAndOtherDepartments_DoNotReachTheCase_ASupervisorReadsButCannotAct()
    {
        var number = await app.AcceptedCaseAsync();
        using var county = await app.ApiClientAsync("PX-APPROVER");
        await ExpectProblemAsync(await county.ApproveStepAsync(number, "review"), HttpStatusCode.NotFound, "cases.case-not-found");
        Assert.Equal(HttpStatusCode.NotFound, (await county.GetAsync($"/api/v1/cases/{number}")).StatusCode);
        Assert.DoesNotContain((await county.GetFromJsonAsync<JsonElement>("/api/v1/backoffice/cases")).GetProperty("items").EnumerateArray(),
            c => c.GetProperty("caseNumber").GetString() == number);

        var otherDepartment = await app.AcceptedCaseAsync(department: DemoCity.Health);
        using var approver = await app.ApiClientAsync(Approver);
        await ExpectProblemAsync(await approver.ApproveStepAsync(otherDepartment, "review"), HttpStatusCode.NotFound, "cases.case-not-found");

        using var supervisor = await app.ApiClientAsync("SN-SUPERVISOR");
        Assert.Equal("accepted", (await supervisor.CaseAsync(number)).GetProperty("status").GetString());
        var list = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/backoffice/cases");
        Assert.True(list.GetProperty("readOnly").GetBoolean());
        Assert.Contains(list.GetProperty("items").EnumerateArray(), c => c.GetProperty("caseNumber").GetString() == otherDepartment);
        await ExpectProblemAsync(await supervisor.ApproveStepAsync(number, "review"), HttpStatusCode.NotFound, "cases.case-not-found");
        await ExpectProblemAsync(await supervisor.DecideAsync(number, "approve"), HttpStatusCode.NotFound, "cases.case-not-found");
    }

    [Fact]
    public async Task Approve_WhenTwoApproversRace_OneWinsTheOtherGets409()
    {
        var number = await app.AcceptedCaseAsync();
        using var first = await app.ApiClientAsync(Approver);
        using var second = await app.ApiClientAsync(SecondApprover);
        var version = (await first.CaseAsync(number)).GetProperty("version").GetInt32();

        var answers = await Task.WhenAll(first.ApproveStepAsync(number, "review", "甲同意", version), second.ApproveStepAsync(number, "review", "乙同意", version));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        var loser = Assert.Single(answers, a => a.StatusCode != HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Conflict, loser.StatusCode);
        var approvals = (await first.CaseAsync(number)).GetProperty("history").EnumerateArray().Count(e => e.GetProperty("action").GetString() == "StepApproved");
        Assert.Equal(1, approvals);
    }

    private static async Task<JsonElement> ListedAsync(HttpClient client, string number) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/backoffice/cases")).GetProperty("items").EnumerateArray()
            .Single(c => c.GetProperty("caseNumber").GetString() == number);
}

public sealed class BackOfficeWorkflowTestsOnSqlite(SqliteApp app) : BackOfficeWorkflowTests(app), IClassFixture<SqliteApp>;

public sealed class BackOfficeWorkflowTestsOnPostgres(PostgresApp app) : BackOfficeWorkflowTests(app), IClassFixture<PostgresApp>;
