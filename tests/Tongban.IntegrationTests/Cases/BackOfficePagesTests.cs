using System.Net;
using Tongban.IntegrationTests.Catalog;
using Tongban.IntegrationTests.Infrastructure;
using static Tongban.IntegrationTests.Cases.BackOfficeActions;

namespace Tongban.IntegrationTests.Cases;

public abstract class BackOfficePagesTests(TongbanApp app)
{
    [Fact]
    public async Task ListAndCasePage_ShowTheStepsWithRoleAndGroup_AndTheApproveFormMovesTheCase()
    {
        var number = await app.AcceptedCaseAsync();
        using var browser = await app.SignedInBrowserAsync(Approver);
        var audited = await app.LastAuditSequenceAsync();

        var list = Pages.Text(await browser.GetPageAsync("/workbench/cases"));
        Assert.Contains(number, list, StringComparison.Ordinal);
        Assert.Contains("审查", list, StringComparison.Ordinal);
        var page = $"/workbench/cases/{number}";
        var shown = Pages.Text(await browser.GetPageAsync(page));
        Assert.Contains("法规科会签", shown, StringComparison.Ordinal);
        Assert.Contains("会签（并联，须全部通过）", shown, StringComparison.Ordinal);
        Assert.Contains("审批人员", shown, StringComparison.Ordinal);
        Assert.Contains("申请书.pdf", shown, StringComparison.Ordinal);
        Assert.Equal(["cases.back-office.list", "cases.view"], (await app.AuditActionsAsync(audited)).Where(a => a.StartsWith("cases.", StringComparison.Ordinal)));
        var version = (await (await app.ApiClientAsync(Approver)).CaseAsync(number)).GetProperty("version").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var approved = await browser.PostFormAsync(page, [new("ExpectedVersion", version), new("StepKey", "review"), new("Comment", "材料齐全")], page + "?handler=Approve");

        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var after = Pages.Text(await browser.GetPageAsync(page));
        Assert.Contains("已审查通过。", after, StringComparison.Ordinal);
        Assert.Contains("材料齐全", after, StringComparison.Ordinal);
        Assert.Contains("环节通过", after, StringComparison.Ordinal);

        var stale = await browser.PostFormAsync(page, [new("ExpectedVersion", version), new("StepKey", "sign-legal"), new("Comment", "旧页面")], page + "?handler=Approve");
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("该办件已被他人处理", Pages.Text(await stale.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DenyForm_WithoutLegalBasis_ShowsTheErrorAndChangesNothing()
    {
        var number = await app.AcceptedCaseAsync();
        using var api = await app.ApiClientAsync(Approver);
        await api.ApproveAllStepsAsync(number);
        var version = (await api.CaseAsync(number)).GetProperty("version").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var browser = await app.SignedInBrowserAsync(Approver);
        var page = $"/workbench/cases/{number}";

        var refused = await browser.PostFormAsync(page, [new("ExpectedVersion", version), new("Outcome", "deny"), new("Reasons", "不符合条件")], page + "?handler=Decide");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("不予许可须写明法律依据。", Pages.Text(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal("accepted", (await api.CaseAsync(number)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task CasePage_ShowsTheSpecialProcedureWithItsPausedWorkingDays()
    {
        app.Clock.SetLocal(2026, 3, 9);
        var number = await app.AcceptedCaseAsync();
        await ExpectOkAsync(await (await app.ApiClientAsync(Approver)).StartSpecialProcedureAsync(number, "ExpertReview", "组织专家评审场地方案"));
        app.Clock.SetLocal(2026, 3, 12, 15); // Mon 9th to Thu 12th: 4 working days touched
        await ExpectOkAsync(await (await app.ApiClientAsync(Approver)).EndSpecialProcedureAsync(number));
        using var browser = await app.SignedInBrowserAsync(Approver);

        var shown = Pages.Text(await browser.GetPageAsync($"/workbench/cases/{number}"));

        Assert.Contains("专家评审", shown, StringComparison.Ordinal);
        Assert.Contains("组织专家评审场地方案", shown, StringComparison.Ordinal);
        Assert.Contains("合计 4 个工作日（不计入办理时限）", shown, StringComparison.Ordinal);
        Assert.Contains("2026-03-20", shown, StringComparison.Ordinal); // promised: Mon 16th moved by 4 working days
    }

    [Fact]
    public async Task CasePage_ForASupervisor_IsReadOnly_AndForACountyApprover_IsNotFound()
    {
        var number = await app.AcceptedCaseAsync();
        using var supervisor = await app.SignedInBrowserAsync("SN-SUPERVISOR");
        var shown = await supervisor.GetPageAsync($"/workbench/cases/{number}");
        Assert.Contains("您只能查看本办件，不能办理。", Pages.Text(shown), StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Approve", shown, StringComparison.Ordinal);

        using var county = await app.SignedInBrowserAsync("PX-APPROVER");
        Assert.Equal(HttpStatusCode.NotFound, (await county.GetAsync($"/workbench/cases/{number}")).StatusCode);
    }
}

public sealed class BackOfficePagesTestsOnSqlite(SqliteApp app) : BackOfficePagesTests(app), IClassFixture<SqliteApp>;

public sealed class BackOfficePagesTestsOnPostgres(PostgresApp app) : BackOfficePagesTests(app), IClassFixture<PostgresApp>;
