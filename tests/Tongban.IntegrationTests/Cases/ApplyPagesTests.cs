using System.Net;
using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Audit;
using Tongban.Domain.Cases;
using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives;
using Tongban.Domain.Primitives.Calendar;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Platform.Demo;

namespace Tongban.IntegrationTests.Cases;

public abstract class ApplyPagesTests(TongbanApp app)
{
    [Fact]
    public async Task ApplyOnline_WithAMultipartUpload_CaseIsWebChannel_WithTheRouteOfEachMaterial()
    {
        var item = await app.PublishApplicableItemAsync("网页申办" + Unique());
        using var browser = await app.CitizenBrowserAsync();

        var number = await browser.ApplyOnlineAsync(item);

        var stored = await app.StoredCaseAsync(number);
        Assert.Equal(CaseChannel.Web, stored.Channel);
        Assert.Equal(CaseStatus.Submitted, stored.Status);
        Assert.Equal([MaterialRoute.Uploaded, MaterialRoute.Commitment], stored.Materials.Select(m => m.Route));
        Assert.Equal("申请书.pdf", stored.Materials[0].File!.FileName);
        var page = Pages.Text(await browser.GetPageAsync($"/me/cases/{number}"));
        Assert.Contains(number, page, StringComparison.Ordinal);
        Assert.Contains("待受理", page, StringComparison.Ordinal);
        Assert.Contains("已上传 申请书.pdf", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrefilledField_ShowsTheDirectoryValue_MarkedMianTianxie_AndReadOnly()
    {
        var item = await app.PublishApplicableItemAsync("免填写" + Unique());
        using var browser = await app.CitizenBrowserAsync();

        var html = await browser.GetPageAsync($"/items/{item.Value}/apply");

        Assert.Contains("免填写", Pages.Text(html), StringComparison.Ordinal);
        Assert.Matches("<input type=\"text\" id=\"Values_name\" name=\"Values\\[name\\]\" value=\"" + DemoCity.Citizens[0].Name + "\"[^>]*readonly", html);
        Assert.Contains($"value=\"{Actors.CitizenLogin(0)}\"", html, StringComparison.Ordinal);
        var audited = await app.WithDbAsync(db => db.Set<AuditRecord>().AsNoTracking().Where(r => r.Action == "cases.prefill-read").Select(r => r.After ?? "").ToListAsync());
        Assert.Contains(audited, a => a.Contains(item.Value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TamperedPrefilledValue_IsReplacedByTheDirectoryValue()
    {
        var item = await app.PublishApplicableItemAsync("防篡改" + Unique());
        using var browser = await app.CitizenBrowserAsync();
        var fields = ApplyingActions.ApplicationFields().Where(f => f.Key != "Values[name]").Append(new("Values[name]", "李四"));

        var number = await ApplyingActions.NumberFromAsync(await browser.PostMultipartAsync($"/items/{item.Value}/apply", fields, [ApplyingActions.ApplicationPdf]));

        Assert.Equal(DemoCity.Citizens[0].Name, (await app.StoredCaseAsync(number)).FormValues["name"]);
    }

    [Fact]
    public async Task EnterpriseAgent_AppliesForTheEnterprise_WithTheEnterpriseDetailsFilledFromTheDirectory()
    {
        var enterprise = DemoCity.Enterprises[0];
        var uscc = DemoCity.UsccFor("91", enterprise.RegionCode, enterprise.OrganisationCodeBody).Value;
        var item = await PublishAsync("企业申办" + Unique(), c => c with
        {
            Form =
            [
                new FormField { Key = "enterprise", Label = "企业名称", Required = true, Prefill = "enterprise.name" },
                new FormField { Key = "uscc", Label = "统一社会信用代码", Type = FormFieldType.Uscc, Required = true, Prefill = "enterprise.uscc" },
                new FormField { Key = "agent", Label = "经办人", Required = true, Prefill = "person.name" },
            ],
        });
        using var agent = app.Browser();
        var signIn = await agent.PostFormAsync("/signin?as=enterprise",
            [new("As", "enterprise"), new("Uscc", uscc), new("Username", Actors.CitizenLogin(enterprise.AgentIndex)), new("Password", DemoCity.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        var number = await agent.ApplyOnlineAsync(item);

        var stored = await app.StoredCaseAsync(number);
        Assert.Equal(ApplicantKind.LegalPerson, stored.Applicant.Kind);
        Assert.Equal(uscc, stored.Applicant.Identifier);
        Assert.Equal(enterprise.Name, stored.FormValues["enterprise"]);
        Assert.Equal(uscc, stored.FormValues["uscc"]);
        Assert.Equal(DemoCity.Citizens[enterprise.AgentIndex].Name, stored.FormValues["agent"]);
    }

    [Fact]
    public async Task SaveDraft_LeaveAndResumeFromMyCases_Submit_TheDraftKeepsItsUpload()
    {
        var name = "草稿事项" + Unique();
        var item = await app.PublishApplicableItemAsync(name);
        using var browser = await app.CitizenBrowserAsync();

        var saved = await browser.PostMultipartAsync($"/items/{item.Value}/apply", ApplyingActions.ApplicationFields("draft", phone: "13900000009"), [ApplyingActions.ApplicationPdf]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var resume = saved.Headers.Location!.ToString();
        var list = Pages.Text(await browser.GetPageAsync("/me/cases"));
        Assert.Contains(name, list, StringComparison.Ordinal);
        Assert.Contains("草稿", list, StringComparison.Ordinal);
        Assert.Contains(resume, await browser.GetPageAsync("/me/cases"), StringComparison.Ordinal);
        var resumed = await browser.GetPageAsync(resume);
        Assert.Contains("已上传：申请书.pdf", Pages.Text(resumed), StringComparison.Ordinal);
        Assert.Contains("value=\"13900000009\"", resumed, StringComparison.Ordinal);

        var draftId = resume.Split("draft=")[1];
        var submitted = await browser.PostMultipartAsync(resume, [.. ApplyingActions.ApplicationFields(), new("Draft", draftId)], postPath: $"/items/{item.Value}/apply");

        var number = await ApplyingActions.NumberFromAsync(submitted);
        var stored = await app.StoredCaseAsync(number);
        Assert.Equal(Guid.Parse(draftId), stored.Id);
        Assert.Equal("申请书.pdf", stored.Materials.Single(m => m.Key == "application").File!.FileName);
        Assert.DoesNotContain("继续填写", Pages.Text(await browser.GetPageAsync("/me/cases")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteDraft_FromMyCases_TheDraftIsGone()
    {
        var name = "删除草稿" + Unique();
        var item = await app.PublishApplicableItemAsync(name);
        using var browser = await app.CitizenBrowserAsync(2);
        var saved = await browser.PostMultipartAsync($"/items/{item.Value}/apply", ApplyingActions.ApplicationFields("draft"));
        var draftId = saved.Headers.Location!.ToString().Split("draft=")[1];

        var deleted = await browser.PostFormAsync("/me/cases", [new("id", draftId)], "/me/cases?handler=delete");

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        var list = Pages.Text(await browser.GetPageAsync("/me/cases"));
        Assert.Contains("草稿已删除", list, StringComparison.Ordinal);
        Assert.DoesNotContain(name, list, StringComparison.Ordinal);
        Assert.Equal(0, await CasesOfAsync(item));
    }

    [Fact]
    public async Task DoubleSubmit_WithTheSameFormToken_CreatesOneCase_AndLandsOnTheSameConfirmation()
    {
        var item = await app.PublishApplicableItemAsync("双击提交" + Unique());
        using var browser = await app.CitizenBrowserAsync();
        var token = ApplyingActions.FormToken(await browser.GetPageAsync($"/items/{item.Value}/apply"));

        var first = await browser.PostMultipartAsync($"/items/{item.Value}/apply", ApplyingActions.ApplicationFields(), [ApplyingActions.ApplicationPdf], formToken: token);
        var again = await browser.PostMultipartAsync($"/items/{item.Value}/apply", ApplyingActions.ApplicationFields(), [ApplyingActions.ApplicationPdf], formToken: token);

        Assert.Equal(await ApplyingActions.NumberFromAsync(first), await ApplyingActions.NumberFromAsync(again));
        Assert.Equal(1, await CasesOfAsync(item));
    }

    [Fact]
    public async Task Confirmation_ShowsTheNumber_TheIntakeDeadline_AndThePromisedDate_CountedAcrossTheWeekend()
    {
        // Thursday 2026-03-05, 10:00 in Suining; the item promises 3 working days.
        app.Clock.Set(new DateTimeOffset(2026, 3, 5, 10, 0, 0, TimeSpan.FromHours(8)));
        var item = await PublishAsync("承诺时限" + Unique(), c => c with { PromisedLimit = new TimeLimit(3, TimeLimitUnit.WorkingDays) });
        using var browser = await app.CitizenBrowserAsync();

        var number = await browser.ApplyOnlineAsync(item);
        var page = Pages.Text(await browser.GetPageAsync($"/me/cases/{number}/submitted"));

        var calendar = WorkingCalendar.LoadShipped();
        var received = app.Clock.GetUtcNow();
        var promised = LocalDay(calendar.DeadlineFor(received, 3, TimeLimitUnit.WorkingDays, ApplyingActions.Zone));
        var intake = LocalDay(calendar.DeadlineFor(received, Case.IntakeWorkingDays, TimeLimitUnit.WorkingDays, ApplyingActions.Zone));
        Assert.Equal(DayOfWeek.Tuesday, promised.DayOfWeek); // Fri, (weekend), Mon, Tue
        Assert.Contains($"办件编号： {number}", page, StringComparison.Ordinal);
        Assert.Contains($"最迟在 {intake:yyyy-MM-dd} 前决定是否受理", page, StringComparison.Ordinal);
        Assert.Contains($"承诺在 {promised:yyyy-MM-dd} 前办结", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/cases/{number}/documents/receipt.pdf\"", await browser.GetPageAsync($"/me/cases/{number}/submitted"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiSubmission_AnswersPromisedBy_FromTheCalendar()
    {
        var item = await app.PublishApplicableItemAsync("接口时限" + Unique());
        using var client = await app.ApiClientAsync(Actors.CitizenLogin(0));
        var fileId = await client.UploadAsync(ApplyActions.Pdf, "a.pdf");

        var response = await client.SubmitAsync(ApplyActions.Application(item, Actors.CitizenLogin(0), fileId));

        var body = await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(response.Content);
        var received = body.GetProperty("receivedAt").GetDateTimeOffset();
        var expected = WorkingCalendar.LoadShipped().DeadlineFor(received, 5, TimeLimitUnit.WorkingDays, ApplyingActions.Zone);
        Assert.Equal(expected, body.GetProperty("promisedBy").GetDateTimeOffset());
    }

    [Fact]
    public async Task MissingRequiredField_IsShownBesideTheField_AndNothingIsStored()
    {
        var item = await PublishAsync("必填项" + Unique(), c => c with { Form = [.. c.Form, new FormField { Key = "purpose", Label = "申请用途", Type = FormFieldType.LongText, Required = true }] });
        using var browser = await app.CitizenBrowserAsync();

        var response = await browser.PostMultipartAsync($"/items/{item.Value}/apply", ApplyingActions.ApplicationFields(), [ApplyingActions.ApplicationPdf]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("提交的内容有问题", Pages.Text(html), StringComparison.Ordinal);
        Assert.Contains("href=\"#Values_purpose\"", html, StringComparison.Ordinal);
        Assert.Contains("申请用途", Pages.Text(html), StringComparison.Ordinal);
        Assert.Equal(0, await CasesOfAsync(item));
    }

    [Fact]
    public async Task ExeNamedPdf_OrAnOversizedFile_IsRefused_AndNothingIsStored()
    {
        var item = await app.PublishApplicableItemAsync("坏文件" + Unique());
        using var browser = await app.CitizenBrowserAsync();
        byte[] exe = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00];
        var oversized = new byte[(10 * 1024 * 1024) + 1];
        ApplyActions.Pdf.CopyTo(oversized, 0);

        var wrongType = await browser.PostMultipartAsync($"/items/{item.Value}/apply", ApplyingActions.ApplicationFields(), [new("File_application", exe, "申请书.pdf")]);
        var tooLarge = await browser.PostMultipartAsync($"/items/{item.Value}/apply", ApplyingActions.ApplicationFields(), [new("File_application", oversized, "大文件.pdf")]);

        Assert.Equal(HttpStatusCode.OK, wrongType.StatusCode);
        Assert.Contains("申请书.pdf", Pages.Text(await wrongType.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("href=\"#materials\"", await wrongType.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, tooLarge.StatusCode);
        Assert.Contains("10", Pages.Text(await tooLarge.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await CasesOfAsync(item));
    }

    [Fact]
    public async Task UnknownItem_Is404_WithTheSearchOffered()
    {
        using var browser = await app.CitizenBrowserAsync();

        var response = await browser.GetAsync("/items/915109000000000000T0000000000000/apply");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("未找到该事项", Pages.Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnonymousVisitor_IsSentToSignIn_AndBackToTheApplyPage()
    {
        var item = await app.PublishApplicableItemAsync("匿名" + Unique());
        using var anonymous = app.Browser();

        var response = await anonymous.GetAsync($"/items/{item.Value}/apply");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = Uri.UnescapeDataString(response.Headers.Location!.ToString());
        Assert.Contains("/signin", location, StringComparison.Ordinal);
        Assert.Contains($"ReturnUrl=/items/{item.Value}/apply", location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Guide_OffersOnlineApplication()
    {
        var item = await app.PublishApplicableItemAsync("指南入口" + Unique());
        using var anonymous = app.Browser();

        var html = await anonymous.GetPageAsync($"/items/{item.Value}");

        Assert.Contains($"href=\"/items/{item.Value}/apply\">在线申办</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CitizenB_CannotSeeOrActOnCitizenAsCase()
    {
        var item = await app.PublishApplicableItemAsync("他人办件" + Unique());
        using var owner = await app.CitizenBrowserAsync();
        var number = await owner.ApplyOnlineAsync(item);
        using var other = await app.CitizenBrowserAsync(1);
        using var otherApi = await app.ApiClientAsync(Actors.CitizenLogin(1));

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/me/cases/{number}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/me/cases/{number}/submitted")).StatusCode);
        var withdraw = await otherApi.PostAsync($"/api/v1/cases/{number}/withdraw", System.Net.Http.Json.JsonContent.Create(new { reason = "不想办了" }));
        Assert.Equal(HttpStatusCode.NotFound, withdraw.StatusCode);
        Assert.Equal(CaseStatus.Submitted, (await app.StoredCaseAsync(number)).Status);
        Assert.DoesNotContain(number, await other.GetPageAsync("/me/cases"), StringComparison.Ordinal);
    }

    private async Task<ImplementationCode> PublishAsync(string name, Func<ImplementationContent, ImplementationContent> change) =>
        (await app.PublishImplementationAsync(change(ApplyActions.ApplicableContent(name)), DemoCity.MarketRegulation)).Code;

    private static DateOnly LocalDay(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, ApplyingActions.Zone).DateTime);

    private static string Unique() => Guid.NewGuid().ToString("N")[..6];

    private Task<int> CasesOfAsync(ImplementationCode item) =>
        app.WithDbAsync(db => db.Set<Case>().CountAsync(c => c.ImplementationCode == item));
}

public sealed class ApplyPagesOnSqlite(SqliteApp app) : ApplyPagesTests(app), IClassFixture<SqliteApp>;

public sealed class ApplyPagesOnPostgres(PostgresApp app) : ApplyPagesTests(app), IClassFixture<PostgresApp>;
