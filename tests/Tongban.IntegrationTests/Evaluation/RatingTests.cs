using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Domain.Audit;
using Tongban.Domain.Evaluation;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Modules.Evaluation.Features.SweepInvitations;
using Tongban.Platform.Demo;
using static Tongban.IntegrationTests.Cases.BackOfficeActions;

namespace Tongban.IntegrationTests.Evaluation;

/// <summary>
/// 好差评 through the API and pages: the invitation 办结 sends, rating each stage once on every channel, the
/// SMS link, the reminder and the default over the 国庆 holiday (the shipped 2026 calendar: from Tuesday 9/29
/// the 2nd working day is 10/8 and the 10th is 10/19), and the public disclosure.
/// </summary>
public abstract class RatingTests(TongbanApp app)
{
    private static string OtherCitizen => Actors.CitizenLogin(1);

    [Fact]
    public async Task Completion_SendsAnInvitation_TheApplicantRatesEachStageOnce_AndBadInputStoresNothing()
    {
        var number = await CompletedCaseAsync();
        using var citizen = await app.SignedInBrowserAsync(Citizen, "citizen");
        Assert.Contains($"您的办件 {number} 已办结，请对办理情况作出评价：", Pages.Text(await citizen.GetPageAsync("/me")), StringComparison.Ordinal);

        using var api = await app.ApiClientAsync(Citizen);
        await ExpectProblemAsync(await RateAsync(api, number, "acceptance", 2, comment: null), HttpStatusCode.UnprocessableEntity, "evaluation.bad-rating-needs-reason");
        await ExpectProblemAsync(await RateAsync(api, number, "acceptance", null), HttpStatusCode.UnprocessableEntity, "evaluation.level-out-of-range");
        Assert.Empty((await RatingsAsync(api, number)).GetProperty("ratings").EnumerateArray());

        Assert.Equal(HttpStatusCode.Created, (await RateAsync(api, number, "completion", 5, tags: ["办事效率高"], channel: "mobile")).StatusCode);
        await ExpectProblemAsync(await RateAsync(api, number, "completion", 4), HttpStatusCode.Conflict, "evaluation.stage-already-rated");

        var shown = await RatingsAsync(api, number);
        var given = Assert.Single(shown.GetProperty("ratings").EnumerateArray());
        Assert.Equal("非常满意", given.GetProperty("levelName").GetString());
        Assert.Equal(["acceptance"], shown.GetProperty("rateableStages").EnumerateArray().Select(s => s.GetString()));
        Assert.DoesNotContain($"您的办件 {number}", Pages.Text(await citizen.GetPageAsync("/me")), StringComparison.Ordinal);

        using var stranger = await app.ApiClientAsync(OtherCitizen);
        Assert.Equal(HttpStatusCode.NotFound, (await RateAsync(stranger, number, "acceptance", 5)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/cases/{number}/ratings")).StatusCode);
    }

    [Fact]
    public async Task TwoConcurrentRatingsOfOneStage_OneIsStored_TheOtherIs409()
    {
        var number = await CompletedCaseAsync();
        using var first = await app.ApiClientAsync(Citizen);
        using var second = await app.ApiClientAsync(Citizen);

        var answers = await Task.WhenAll(RateAsync(first, number, "acceptance", 5), RateAsync(second, number, "acceptance", 3));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        await ExpectProblemAsync(answers.Single(a => a.StatusCode != HttpStatusCode.Created), HttpStatusCode.Conflict, "evaluation.stage-already-rated");
        Assert.Single((await RatingsAsync(first, number)).GetProperty("ratings").EnumerateArray());
    }

    [Fact]
    public async Task AReminderSentWhileTheApplicantRates_DoesNotRefuseTheRating()
    {
        app.Clock.SetLocal(2026, 9, 28);
        var number = await AcceptedCaseAsync();
        app.Clock.SetLocal(2026, 9, 29, 10);
        await WorkToCompletionAsync(number);
        app.Clock.SetLocal(2026, 10, 9, 9);   // the reminder is due
        InvitationSweepResult? meanwhile = null;
        app.Services.GetRequiredService<BeforeRatingSaved>().Once(async () => meanwhile = await app.Services.GetRequiredService<InvitationSweep>().RunAsync(CancellationToken.None));

        using var api = await app.ApiClientAsync(Citizen);
        Assert.Equal(HttpStatusCode.Created, (await RateAsync(api, number, "completion", 5)).StatusCode);

        Assert.True(meanwhile?.Reminded >= 1);
        var rating = Assert.Single((await RatingsAsync(api, number)).GetProperty("ratings").EnumerateArray());
        Assert.Equal("非常满意", rating.GetProperty("levelName").GetString());
        Assert.False(rating.GetProperty("defaulted").GetBoolean());
    }

    [Fact]
    public async Task CasePage_OffersTheForm_AndShowsTheRatingGiven()
    {
        var number = await CompletedCaseAsync();
        using var citizen = await app.SignedInBrowserAsync(Citizen, "citizen");

        var refused = await citizen.PostFormAsync($"/me/cases/{number}", [new("stage", "completion"), new("level", "1")], $"/me/cases/{number}/rate");
        Assert.Contains("请选择原因或写明情况", Pages.Text(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var rated = await citizen.PostFormAsync($"/me/cases/{number}", [new("stage", "completion"), new("level", "4"), new("comment", "窗口指导很细致")], $"/me/cases/{number}/rate");
        Assert.Equal(HttpStatusCode.Redirect, rated.StatusCode);
        var page = Pages.Text(await citizen.GetPageAsync($"/me/cases/{number}"));
        Assert.Contains("办结环节评价： 满意", page, StringComparison.Ordinal);
        Assert.Contains("窗口指导很细致", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SmsLink_RatesWithoutSignIn_ThenSaysItWasUsed()
    {
        var number = await CompletedCaseAsync();
        using var citizen = await app.SignedInBrowserAsync(Citizen, "citizen");
        var link = LinkIn(Pages.Text(await citizen.GetPageAsync("/me")), number);

        using var anyone = app.Browser();
        Assert.Contains(number, Pages.Text(await anyone.GetPageAsync(link)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await anyone.PostFormAsync(link, [new("level", "5")])).StatusCode);

        Assert.Contains("此链接已使用", Pages.Text(await anyone.GetPageAsync(link)), StringComparison.Ordinal);
        using var api = await app.ApiClientAsync(Citizen);
        var rating = Assert.Single((await RatingsAsync(api, number)).GetProperty("ratings").EnumerateArray());
        Assert.Equal("smsLink", rating.GetProperty("channel").GetString());
        Assert.Contains("评价链接无效", Pages.Text(await anyone.GetPageAsync("/r/not-a-token")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kiosk_RatesACaseAfterTheIdNumberEnd_AndTheHallAnonymously()
    {
        var number = await CompletedCaseAsync();
        using var kiosk = app.Browser();
        var wrong = await kiosk.PostFormAsync("/kiosk/rate", [new("caseNumber", number), new("idEnd", "000000"), new("stage", "acceptance"), new("level", "5")], "/kiosk/rate?handler=case");
        Assert.Contains(number, Pages.Text(await wrong.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        using (var own = await app.ApiClientAsync(Citizen))
        {
            Assert.Empty((await RatingsAsync(own, number)).GetProperty("ratings").EnumerateArray());
        }

        var idEnd = Citizen[^6..];
        var rated = await kiosk.PostFormAsync("/kiosk/rate", [new("caseNumber", number), new("idEnd", idEnd), new("stage", "acceptance"), new("level", "5")], "/kiosk/rate?handler=case");
        Assert.Equal(HttpStatusCode.Redirect, rated.StatusCode);
        var hall = $"/kiosk/rate?hall={DemoCity.CityHall}";
        Assert.Equal(HttpStatusCode.Redirect, (await kiosk.PostFormAsync(hall, [new("level", "4")], $"/kiosk/rate?hall={DemoCity.CityHall}&handler=service")).StatusCode);

        using var api = await app.ApiClientAsync(Citizen);
        var rating = Assert.Single((await RatingsAsync(api, number)).GetProperty("ratings").EnumerateArray());
        Assert.Equal("kiosk", rating.GetProperty("channel").GetString());
        Assert.Equal("acceptance", rating.GetProperty("stage").GetString());
    }

    [Fact]
    public async Task Reminder_ThenDefault_OverTheNationalDayHoliday_DefaultedIsShownApartAndNotActive()
    {
        app.Clock.SetLocal(2026, 9, 28);
        var number = await AcceptedCaseAsync();
        app.Clock.SetLocal(2026, 9, 29, 10);
        await WorkToCompletionAsync(number);
        var sweep = app.Services.GetRequiredService<InvitationSweep>();
        var reminder = $"【通办】提醒：您的办件 {number}";

        app.Clock.SetLocal(2026, 10, 8, 23);
        await sweep.RunAsync(CancellationToken.None);
        Assert.DoesNotContain(reminder, await MePageAsync(), StringComparison.Ordinal);
        app.Clock.SetLocal(2026, 10, 9, 9);
        Assert.True((await sweep.RunAsync(CancellationToken.None)).Reminded >= 1);
        Assert.Contains(reminder, await MePageAsync(), StringComparison.Ordinal);
        Assert.Equal(0, (await sweep.RunAsync(CancellationToken.None)).Reminded);
        var invitation = (await app.WithDbAsync(db => db.Set<RatingInvitation>().AsNoTracking().Where(i => i.CaseNumber == number).Select(i => i.Id).SingleAsync())).ToString();
        var remindedBy = await app.WithDbAsync(db => db.Set<AuditRecord>().AsNoTracking().Where(r => r.Action == "evaluation.remind" && r.EntityId == invitation).Select(r => r.ActorId).ToListAsync());
        Assert.Equal("system", Assert.Single(remindedBy));   // the sweep acts as the platform, not as an anonymous visitor

        app.Clock.SetLocal(2026, 10, 19, 23);
        await sweep.RunAsync(CancellationToken.None);
        using (var before = await app.ApiClientAsync(Citizen))
        {
            Assert.Empty((await RatingsAsync(before, number)).GetProperty("ratings").EnumerateArray());
        }

        app.Clock.SetLocal(2026, 10, 20, 9);
        await sweep.RunAsync(CancellationToken.None);
        using var api = await app.ApiClientAsync(Citizen);
        var rating = Assert.Single((await RatingsAsync(api, number)).GetProperty("ratings").EnumerateArray(), r => r.GetProperty("stage").GetString() == "completion");
        Assert.True(rating.GetProperty("defaulted").GetBoolean());
        Assert.Equal("基本满意（默认评价）", rating.GetProperty("levelName").GetString());
        await ExpectProblemAsync(await RateAsync(api, number, "completion", 5), HttpStatusCode.Conflict, "evaluation.stage-already-rated");

        using var anyone = app.Browser();
        var disclosure = await anyone.GetFromJsonAsync<JsonElement>("/api/v1/public/ratings?by=item&from=2026-10-20&to=2026-10-20");
        var row = disclosure.GetProperty("rows").EnumerateArray().Single(r => number.StartsWith(r.GetProperty("key").GetString()!, StringComparison.Ordinal));
        Assert.StartsWith("后台事项", row.GetProperty("name").GetString(), StringComparison.Ordinal);   // the item's published name, not its code
        Assert.Equal(1, row.GetProperty("defaulted").GetInt32());
        Assert.Equal(0, row.GetProperty("active").GetInt32());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("goodRatingRate").ValueKind);
        Assert.Contains("默认评价", Pages.Text(await anyone.GetPageAsync("/ratings?by=item")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServiceRatings_AnonymousHall_AndUnknownSubjects()
    {
        using var anyone = app.Browser();
        var hall = await anyone.PostAsJsonAsync("/api/v1/ratings", new { subject = new { kind = "hall", @ref = DemoCity.CityHall.ToString() }, level = 2, tags = new[] { "等候时间长" } });
        Assert.Equal(HttpStatusCode.Created, hall.StatusCode);
        await ExpectProblemAsync(await anyone.PostAsJsonAsync("/api/v1/ratings", new { subject = new { kind = "moon", @ref = "x" }, level = 5 }), HttpStatusCode.UnprocessableEntity, "evaluation.subject-unknown");
        await ExpectProblemAsync(await anyone.PostAsJsonAsync("/api/v1/ratings", new { subject = new { kind = "hall", @ref = Guid.NewGuid().ToString() }, level = 5 }), HttpStatusCode.NotFound, "evaluation.subject-not-found");
        using var citizen = await app.SignedInBrowserAsync(Citizen, "citizen");
        Assert.Equal(HttpStatusCode.Redirect, (await citizen.PostFormAsync("/rate?kind=platform&ref=", [new("level", "5")])).StatusCode);
    }

    /// <summary>The applicant's /me as they read it now (signed in afresh: the fake clock outruns sessions).</summary>
    private async Task<string> MePageAsync()
    {
        using var citizen = await app.SignedInBrowserAsync(Citizen, "citizen");
        return Pages.Text(await citizen.GetPageAsync("/me"));
    }

    private async Task<string> CompletedCaseAsync()
    {
        var number = await AcceptedCaseAsync();
        await WorkToCompletionAsync(number);
        return number;
    }

    private async Task<string> AcceptedCaseAsync() => await app.AcceptedCaseAsync();

    private async Task WorkToCompletionAsync(string number)
    {
        using var approver = await app.ApiClientAsync(Approver);
        await approver.ApproveAllStepsAsync(number);
        await ExpectOkAsync(await approver.DecideAsync(number, "approve"));
        await ExpectOkAsync(await approver.IssueAsync(number));
        await ExpectOkAsync(await approver.DeliverAsync(number, "pickup"));
        await ExpectOkAsync(await approver.CompleteAsync(number));
    }

    private static Task<HttpResponseMessage> RateAsync(HttpClient client, string number, string stage, int? level, string[]? tags = null, string? comment = null, string? channel = null) =>
        client.PostAsJsonAsync($"/api/v1/cases/{number}/ratings", new { stage, level, tags = tags ?? [], comment, channel });

    private static Task<JsonElement> RatingsAsync(HttpClient client, string number) =>
        client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{number}/ratings");

    /// <summary>The link in the notice of this case's invitation, as the SMS carries it.</summary>
    private static string LinkIn(string text, string number) =>
        Regex.Match(text, $"您的办件 {number} 已办结，请对办理情况作出评价：https?://[^/ ]+(/r/[A-Za-z0-9_-]+)") is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException($"No rating link for {number} in: {text}");
}

public sealed class RatingTestsOnSqlite(SqliteApp app) : RatingTests(app), IClassFixture<SqliteApp>;

public sealed class RatingTestsOnPostgres(PostgresApp app) : RatingTests(app), IClassFixture<PostgresApp>;
