using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tongban.IntegrationTests.Infrastructure;
using static Tongban.IntegrationTests.Cases.IntakeActions;

namespace Tongban.IntegrationTests.Cases;

/// <summary>受理 at the comprehensive window: the queue, the five decisions, their notices, deemed acceptance, races and scope.</summary>
public abstract class IntakeTests(IntakeApp app)
{
    private static string Unique(string name) => name + Guid.NewGuid().ToString("N")[..6];

    private static IEnumerable<string> Actions(JsonElement shown) =>
        shown.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("action").GetString()!);

    [Fact]
    public async Task Accept_OnlineApplication_StartsTheClock_AndTheNoticesPrintTheDeadlines()
    {
        app.SetBeijing(2026, 4, 29, 10); // Wednesday before the 劳动节 holiday (5月1日-5日) and the 调休 Saturday 5月9日
        var item = await app.PublishIntakeItemAsync(Unique("受理事项"));
        var number = await app.ApplyOnlineAsync(item);
        using var clerk = await app.ApiClientAsync(Clerk);

        var queue = await clerk.GetFromJsonAsync<JsonElement>("/api/v1/intake/queue");
        var entry = queue.GetProperty("awaitingIntake").EnumerateArray().Single(e => e.GetProperty("caseNumber").GetString() == number);
        Assert.Equal("MobileApi", entry.GetProperty("channel").GetString());
        Assert.DoesNotContain(Citizen, entry.GetProperty("applicantIdentifier").GetString());
        Assert.StartsWith(Citizen[..6], entry.GetProperty("applicantIdentifier").GetString());
        Assert.False(entry.GetProperty("pastIntakeDeadline").GetBoolean());

        var accepted = await clerk.AcceptAsync(number, entry.GetProperty("version").GetInt32());

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var view = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("accepted", view.GetProperty("status").GetString());
        Assert.Equal("Standard", view.GetProperty("acceptedAs").GetString());
        Assert.Single(Actions(view), "Accepted");
        // 10 working days from 4月29日: 4/30, then 5/6-5/9 (Saturday 5/9 is a 调休 working day), 5/11-5/15.
        var acceptance = await clerk.DocumentTextAsync(number, "acceptance");
        Assert.Contains("受理通知书", acceptance);
        Assert.Contains(number, acceptance);
        Assert.Contains("10个工作日，2026-05-15前办结", acceptance);
        Assert.Contains("20个工作日，2026-05-29前办结", acceptance);
        var receipt = await clerk.DocumentTextAsync(number, "receipt");
        Assert.Contains("收件回执", receipt);
        Assert.Contains("营业执照复印件", receipt);
        Assert.Contains("上传电子材料（申请书.pdf）", receipt);
        Assert.Contains("2026-05-09前作出受理决定", receipt);
        var file = await clerk.GetAsync($"/cases/{number}/files/application");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ApplyActions.Pdf, await file.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task RequestCorrection_MustListEveryMissingMaterial_ThenTheCorrectedCaseIsAccepted()
    {
        app.SetBeijing(2026, 3, 2, 9);
        var item = await app.PublishIntakeItemAsync(Unique("补正事项"));
        var number = await app.FileAtWindowAsync(item, Citizen, "application", "licence-copy");
        using var clerk = await app.ApiClientAsync(Clerk);

        var partial = await clerk.TakeIntakeDecisionAsync(number, "request-correction", new { items = new[] { new { materialKey = "application", reason = "未提交申请书" } } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, partial.StatusCode);
        Assert.Equal("case.correction-must-list-all-missing", await CodeOf(partial));
        Assert.Equal("submitted", await app.StatusAsync(number));

        var notice = await clerk.TakeIntakeDecisionAsync(number, "request-correction", new
        {
            items = new[] { new { materialKey = "application", reason = "未提交申请书" }, new { materialKey = "licence-copy", reason = "复印件须加盖公章" } },
        });

        Assert.Equal(HttpStatusCode.OK, notice.StatusCode);
        Assert.Equal("awaitingCorrection", (await notice.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var text = await clerk.DocumentTextAsync(number, "correction");
        Assert.Contains("补正告知书", text);
        Assert.Contains("申请书未提交申请书", text);
        Assert.Contains("营业执照复印件复印件须加盖公章", text);
        Assert.Contains("我的办件", text);
        var queue = await clerk.GetFromJsonAsync<JsonElement>("/api/v1/intake/queue");
        Assert.Contains(queue.GetProperty("awaitingCorrection").EnumerateArray(), e => e.GetProperty("caseNumber").GetString() == number);
        Assert.DoesNotContain(queue.GetProperty("awaitingIntake").EnumerateArray(), e => e.GetProperty("caseNumber").GetString() == number);

        app.Clock.Advance(TimeSpan.FromDays(1));
        await app.SupplyCorrectionAsync(number, Citizen);
        Assert.Equal("submitted", await app.StatusAsync(number));
        using var nextDay = await app.ApiClientAsync(Clerk);
        var accepted = await nextDay.AcceptAsync(number);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(["Drafted", "Submitted", "CorrectionRequested", "CorrectionSupplied", "Accepted"], Actions(await accepted.Content.ReadFromJsonAsync<JsonElement>()));
    }

    [Fact]
    public async Task Refuse_WithoutAReason_Is422AndChangesNothing_WithAReason_TheNoticeNamesItAndTheRemedies()
    {
        app.SetBeijing(2026, 3, 2, 9);
        var number = await app.ApplyOnlineAsync(await app.PublishIntakeItemAsync(Unique("不予受理事项")));
        using var clerk = await app.ApiClientAsync(Clerk);
        var before = await app.ShowAsync(number);

        var blank = await clerk.TakeIntakeDecisionAsync(number, "refuse", new { reason = "  " });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, blank.StatusCode);
        Assert.Equal("case.refusal-needs-reason", await CodeOf(blank));
        var after = await app.ShowAsync(number);
        Assert.Equal("submitted", after.GetProperty("status").GetString());
        Assert.Equal(before.GetProperty("version").GetInt32(), after.GetProperty("version").GetInt32());

        var refused = await clerk.TakeIntakeDecisionAsync(number, "refuse", new { reason = "申请事项依法不属于本机关职权范围" });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("refused", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var text = await clerk.DocumentTextAsync(number, "refusal");
        Assert.Contains("不予受理通知书", text);
        Assert.Contains("申请事项依法不属于本机关职权范围", text);
        Assert.Contains("行政复议", text);
        Assert.Contains("行政诉讼", text);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync($"/cases/{number}/documents/acceptance.pdf")).StatusCode);
        var again = await clerk.AcceptAsync(number);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("不予受理", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AcceptWithDeficiency_WhenAKeyMaterialIsMissing_IsRefused()
    {
        app.SetBeijing(2026, 3, 2, 9);
        var number = await app.FileAtWindowAsync(await app.PublishIntakeItemAsync(Unique("容缺关键材料")), Citizen, "application");
        using var clerk = await app.ApiClientAsync(Clerk);

        var response = await clerk.TakeIntakeDecisionAsync(number, "accept-with-deficiency", new { commitment = "本人承诺五个工作日内补齐", supplementWorkingDays = 5 });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("case.deficiency-not-for-key-material", await CodeOf(response));
        Assert.Equal("submitted", await app.StatusAsync(number));
    }

    [Fact]
    public async Task AcceptUnderCommitment_RefusedForPublicSafetyItemsAndFlaggedApplicants_AcceptedOtherwise()
    {
        app.SetBeijing(2026, 3, 2, 9);
        var safety = await app.PublishIntakeItemAsync(Unique("公共安全事项"), publicSafety: true);
        var item = await app.PublishIntakeItemAsync(Unique("告知承诺事项"), commitment: true);
        var safetyCase = await app.FileAtWindowAsync(safety, Citizen, "licence-copy");
        var flaggedCase = await app.FileAtWindowAsync(item, IntakeApp.FlaggedCitizen, "licence-copy");
        var goodCase = await app.FileAtWindowAsync(item, Citizen, "licence-copy");
        using var clerk = await app.ApiClientAsync(Clerk);
        var commitment = new { commitment = "本人承诺已依法取得营业执照，所填信息真实，如有不实愿承担法律责任" };

        var forSafety = await clerk.TakeIntakeDecisionAsync(safetyCase, "accept-under-commitment", commitment);
        var forFlagged = await clerk.TakeIntakeDecisionAsync(flaggedCase, "accept-under-commitment", commitment);
        var forGood = await clerk.TakeIntakeDecisionAsync(goodCase, "accept-under-commitment", commitment);

        Assert.Equal(HttpStatusCode.Conflict, forSafety.StatusCode);
        Assert.Equal("case.commitment-not-for-high-risk-item", await CodeOf(forSafety));
        Assert.Equal(HttpStatusCode.Conflict, forFlagged.StatusCode);
        Assert.Equal("case.commitment-applicant-bad-credit", await CodeOf(forFlagged));
        Assert.Equal("submitted", await app.StatusAsync(flaggedCase));
        Assert.Equal(HttpStatusCode.OK, forGood.StatusCode);
        var view = await forGood.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("UnderCommitment", view.GetProperty("acceptedAs").GetString());
        Assert.Contains(view.GetProperty("materials").EnumerateArray(), m => m.GetProperty("key").GetString() == "licence-copy" && m.GetProperty("route").GetString() == "Commitment");
        var text = await clerk.DocumentTextAsync(goodCase, "commitment");
        Assert.Contains("告知承诺书", text);
        Assert.Contains("本人承诺已依法取得营业执照", text);
        Assert.Contains("营业执照复印件", text);
    }

    [Fact]
    public async Task ACaseLeftFiveWorkingDays_IsFlaggedInTheQueue_AndItsAcceptanceIsDeemedFromReceipt()
    {
        app.SetBeijing(2026, 3, 2, 9); // Monday: the intake period runs to the end of Monday 3月9日
        var number = await app.ApplyOnlineAsync(await app.PublishIntakeItemAsync(Unique("视为受理事项")));
        app.SetBeijing(2026, 3, 9, 16);
        using (var early = await app.ApiClientAsync(Clerk))
        {
            var onTime = (await early.GetFromJsonAsync<JsonElement>("/api/v1/intake/queue")).GetProperty("awaitingIntake").EnumerateArray().Single(e => e.GetProperty("caseNumber").GetString() == number);
            Assert.False(onTime.GetProperty("pastIntakeDeadline").GetBoolean());
        }

        app.SetBeijing(2026, 3, 10, 9);
        using var clerk = await app.ApiClientAsync(Clerk);
        var entry = (await clerk.GetFromJsonAsync<JsonElement>("/api/v1/intake/queue")).GetProperty("awaitingIntake").EnumerateArray().Single(e => e.GetProperty("caseNumber").GetString() == number);
        Assert.True(entry.GetProperty("pastIntakeDeadline").GetBoolean());
        using var browser = await app.SignedInBrowserAsync(Clerk);
        var queuePage = Pages.Text(await browser.GetPageAsync("/workbench/intake"));
        Assert.Contains($"{number} {entry.GetProperty("itemName").GetString()}", queuePage);
        Assert.Contains("逾期未处理，依法视为受理", queuePage);

        var accepted = await clerk.AcceptAsync(number);

        var view = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(view.GetProperty("deemedAccepted").GetBoolean());
        Assert.Contains("视为受理", view.GetProperty("history").EnumerateArray().Last().GetProperty("comment").GetString());
        Assert.Contains("视为受理", await clerk.DocumentTextAsync(number, "acceptance"));
    }

    [Fact]
    public async Task Accept_WhenTwoClerksRace_OneWinsOther409()
    {
        app.SetBeijing(2026, 3, 2, 9);
        var number = await app.ApplyOnlineAsync(await app.PublishIntakeItemAsync(Unique("并发受理事项")));
        using var first = await app.ApiClientAsync(Clerk);
        using var second = await app.ApiClientAsync(SecondClerk);

        var responses = await Task.WhenAll(first.AcceptAsync(number), second.AcceptAsync(number));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        var loser = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Contains("办理中", (await loser.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Single(Actions(await app.ShowAsync(number)), "Accepted");
    }

    [Fact]
    public async Task Accept_WithAnOldVersion_Is409AndChangesNothing()
    {
        app.SetBeijing(2026, 3, 2, 9);
        var number = await app.ApplyOnlineAsync(await app.PublishIntakeItemAsync(Unique("旧版本事项")));
        using var clerk = await app.ApiClientAsync(Clerk);
        var seen = (await app.ShowAsync(number)).GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await clerk.TakeIntakeDecisionAsync(number, "refuse", new { reason = "", expectedVersion = seen })).StatusCode);

        var stale = await clerk.AcceptAsync(number, seen - 1);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("submitted", await app.StatusAsync(number));
    }

    [Fact]
    public async Task Scope_ACountyClerkNeitherSeesNorActsOnACityCase_ApproversAndCitizensCannotDecide()
    {
        app.SetBeijing(2026, 3, 2, 9);
        var number = await app.ApplyOnlineAsync(await app.PublishIntakeItemAsync(Unique("市级事项")));
        using var county = await app.ApiClientAsync(CountyClerk);
        using var approver = await app.ApiClientAsync("SN-APPROVER");
        using var citizen = await app.ApiClientAsync(Citizen);
        using var otherCitizen = await app.ApiClientAsync(Actors.CitizenLogin(1));

        var countyQueue = await county.GetFromJsonAsync<JsonElement>("/api/v1/intake/queue");
        Assert.DoesNotContain(countyQueue.GetProperty("awaitingIntake").EnumerateArray(), e => e.GetProperty("caseNumber").GetString() == number);
        Assert.Equal(HttpStatusCode.NotFound, (await county.AcceptAsync(number)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await county.TakeIntakeDecisionAsync(number, "refuse", new { reason = "越权" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await county.GetAsync($"/cases/{number}/documents/receipt.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await approver.AcceptAsync(number)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await approver.GetAsync("/api/v1/intake/queue")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.AcceptAsync(number)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync("/api/v1/intake/queue")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCitizen.GetAsync($"/cases/{number}/documents/receipt.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCitizen.GetAsync($"/cases/{number}/files/application")).StatusCode);
        Assert.Contains(number, await citizen.DocumentTextAsync(number, "receipt"));
        Assert.Equal("submitted", await app.StatusAsync(number));
    }

    [Fact]
    public async Task Accept_WhenAnAfterAcceptanceStepFails_NothingIsSaved()
    {
        app.SetBeijing(2026, 3, 2, 9);
        var number = await app.ApplyOnlineAsync(await app.PublishIntakeItemAsync(Unique(IntakeApp.RefusedAfterAcceptance)));
        using var clerk = await app.ApiClientAsync(Clerk);
        var before = (await app.ShowAsync(number)).GetProperty("version").GetInt32();

        var response = await clerk.AcceptAsync(number);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("test.after-acceptance-refused", await CodeOf(response));
        var after = await app.ShowAsync(number);
        Assert.Equal("submitted", after.GetProperty("status").GetString());
        Assert.Equal(before, after.GetProperty("version").GetInt32());
        Assert.DoesNotContain("Accepted", Actions(after));
    }

    [Fact]
    public async Task IntakePage_CorrectionForm_SendsOneNoticeOfEverythingChecked_AndOffersNoDeficiencyAcceptanceForAKeyMaterial()
    {
        app.SetBeijing(2026, 3, 2, 9);
        var number = await app.FileAtWindowAsync(await app.PublishIntakeItemAsync(Unique("窗口补正事项")), Citizen, "application");
        using var browser = await app.SignedInBrowserAsync(Clerk);
        var page = $"/workbench/intake/{number}";
        var before = Pages.Text(await browser.GetPageAsync(page));
        Assert.Contains("补正告知", before);
        Assert.DoesNotContain("容缺受理", before);
        var version = (await app.ShowAsync(number)).GetProperty("version").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var sent = await browser.PostFormAsync(page, [
            new("Version", version),
            new("Correction.Items[0].MaterialKey", "application"), new("Correction.Items[0].Selected", "true"), new("Correction.Items[0].Reason", "未提交申请书"),
            new("Correction.Items[1].MaterialKey", "licence-copy"), new("Correction.Items[1].Selected", "true"), new("Correction.Items[1].Reason", "复印件不清晰"),
        ], page + "?handler=Correction");

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var after = Pages.Text(await browser.GetPageAsync(page));
        Assert.Contains("申请书：未提交申请书", after);
        Assert.Contains("营业执照复印件：复印件不清晰", after);
        Assert.Contains("打印补正告知书（PDF）", after);
        Assert.Contains(number, Pages.Text(await browser.GetPageAsync("/workbench/intake")).Split("待补正")[^1]);
    }

    [Fact]
    public async Task DecisionDocument_OnlyOnceDecided_ADenialNamesReasonsLegalBasisAndRemedies()
    {
        app.SetBeijing(2026, 3, 2, 9);
        var number = await app.ApplyOnlineAsync(await app.PublishIntakeItemAsync(Unique("决定书事项")));
        using var clerk = await app.ApiClientAsync(Clerk);
        Assert.Equal(HttpStatusCode.OK, (await clerk.AcceptAsync(number)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync($"/cases/{number}/documents/decision.pdf")).StatusCode);

        await app.DecideAsync(number, Domain.Cases.CaseDecision.Deny("经营场所位于禁止经营区域", "《中华人民共和国行政许可法》第三十八条第二款"));

        using var citizen = await app.ApiClientAsync(Citizen);
        var text = await citizen.DocumentTextAsync(number, "decision");
        Assert.Contains("不予行政许可决定书", text);
        Assert.Contains(number, text);
        Assert.Contains("经营场所位于禁止经营区域", text);
        Assert.Contains("《中华人民共和国行政许可法》第三十八条第二款", text);
        Assert.Contains("行政复议", text);
    }

    [Fact]
    public async Task IntakePage_DeficiencyForm_AcceptsWithTheSignedCommitment()
    {
        app.SetBeijing(2026, 3, 2, 9);
        var number = await app.FileAtWindowAsync(await app.PublishIntakeItemAsync(Unique("窗口容缺事项")), Citizen, "licence-copy");
        using var browser = await app.SignedInBrowserAsync(Clerk);
        var page = $"/workbench/intake/{number}";
        var version = (await app.ShowAsync(number)).GetProperty("version").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var sent = await browser.PostFormAsync(page, [new("Version", version), new("Deficiency.Commitment", "本人承诺三个工作日内补齐"), new("Deficiency.SupplementPeriod", "3")], page + "?handler=Deficiency");

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var after = Pages.Text(await browser.GetPageAsync(page));
        Assert.Contains("已容缺受理", after);
        Assert.Contains("容缺材料补齐期限 2026-03-05", after);
        Assert.Contains("打印容缺受理通知书（PDF）", after);
    }

    [Fact]
    public async Task IntakePage_ClerkAcceptsThroughTheForm_AndGetsTheNoticeToPrint()
    {
        app.SetBeijing(2026, 3, 2, 9);
        var number = await app.ApplyOnlineAsync(await app.PublishIntakeItemAsync(Unique("窗口页面事项")));
        using var browser = await app.SignedInBrowserAsync(Clerk);
        var page = $"/workbench/intake/{number}";
        var html = await browser.GetPageAsync(page);
        Assert.Contains("申请书.pdf", Pages.Text(html));
        Assert.Contains($"/cases/{number}/files/application", html);
        var version = (await app.ShowAsync(number)).GetProperty("version").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var blank = await browser.PostFormAsync(page, [new("Version", version), new("Refusal.Reason", "")], page + "?handler=Refuse");
        Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
        Assert.Contains("不予受理须写明理由", Pages.Text(await blank.Content.ReadAsStringAsync()).Replace("。", ""));
        var accepted = await browser.PostFormAsync(page, [new("Version", version)], page + "?handler=Accept");

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var after = Pages.Text(await browser.GetPageAsync(page));
        Assert.Contains("已受理", after);
        Assert.Contains("打印受理通知书（PDF）", after);
        Assert.Contains(number, await browser.DocumentTextAsync(number, "acceptance"));
    }
}

public sealed class IntakeTestsOnSqlite(IntakeSqliteApp app) : IntakeTests(app), IClassFixture<IntakeSqliteApp>;

public sealed class IntakeTestsOnPostgres(IntakePostgresApp app) : IntakeTests(app), IClassFixture<IntakePostgresApp>;
