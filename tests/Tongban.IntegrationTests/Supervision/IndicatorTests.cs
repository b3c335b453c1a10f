using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Domain.Catalog;
using Tongban.Domain.Evaluation;
using Tongban.Domain.Primitives;
using Tongban.IntegrationTests.Cases;
using Tongban.IntegrationTests.Evaluation;
using Tongban.IntegrationTests.Identity;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Modules.Evaluation.Features.SweepInvitations;
using Tongban.Modules.Supervision.Features.RefreshAggregates;
using static Tongban.IntegrationTests.Cases.BackOfficeActions;
using static Tongban.IntegrationTests.Evaluation.RectificationActions;

namespace Tongban.IntegrationTests.Supervision;

/// <summary>
/// 效能监管 indicators on cases built through the real flows under the test clock, read through the API after a
/// refresh of the days concerned. Each test publishes its own item and filters on it, so tests sharing an app do not mix.
/// </summary>
public abstract class IndicatorTests(TongbanApp app)
{
    private const string Supervisor = "SN-SUPERVISOR";
    private const string CountyReader = "PX-REGION";
    private static readonly IReadOnlyList<ProcessStep> OneReview = [new("review", "审查")];

    [Fact]
    public async Task CaseIndicators_OnConstructedCases_MatchTheHandComputedCounts()
    {
        var item = await app.PublishHandledItemAsync(OneReview);
        app.Clock.SetLocal(2026, 11, 2);                         // a Monday; promised limit 5 working days
        var quick = await app.ApplyAsync(item);                  // online, finished the same day, electronic delivery: 0 visits
        await app.AcceptAtWindowAsync(quick);
        await FinishAsync(quick, "electronic");
        var late = await app.ApplyAsync(item);                   // online, picked up at the window: 1 visit, finished late
        await app.AcceptAtWindowAsync(late);
        var atWindow = await app.FileAtWindowAsync(item, Citizen); // a 综合窗口 filing, left open and overdue
        await app.AcceptAtWindowAsync(atWindow);

        app.Clock.SetLocal(2026, 11, 16);                        // 10 working days later
        await FinishAsync(late, "pickup");
        await RefreshAsync(new(2026, 11, 1), new(2026, 11, 30));

        using var supervisor = await app.ApiClientAsync(Supervisor);
        var answer = await ExpectOkAsync(await supervisor.GetAsync($"/api/v1/supervision/indicators?item={item.Value}&from=2026-11-01&to=2026-11-30"));
        Assert.Equal("2026-11-01", answer.GetProperty("from").GetString());
        Assert.Equal(item.Value, answer.GetProperty("scope").GetProperty("item").GetString());
        AssertIndicator(answer, "onlineApplicationShare", 2, 3);
        AssertIndicator(answer, "oneWindowRate", 1, 1);
        AssertIndicator(answer, "onTimeRate", 1, 2);
        AssertIndicator(answer, "overdueRate", 2, 3);             // 1 finished late + 1 open overdue, of 2 finished + 1 open
        AssertIndicator(answer, "zeroVisitRate", 1, 2);
        AssertIndicator(answer, "atMostOneVisitRate", 2, 2);
        AssertIndicator(answer, "fullyOnlineCaseRate", 0, 2);
        AssertIndicator(answer, "averageHandlingDays", 10, 2);   // 0 + 10 working days
        AssertIndicator(answer, "p90HandlingDays", 2, 2, value: 10);
        AssertIndicator(answer, "deficiencyAcceptanceRate", 0, 3);
        AssertIndicator(answer, "commitmentRate", 0, 3);
        AssertIndicator(answer, "onlineAvailabilityRate", 1, 1);  // the test item is 网上预审
        AssertIndicator(answer, "fullyOnlineRate", 0, 1);
        AssertIndicator(answer, "limitCompressionRate", 15, 20);
        AssertIndicator(answer, "activeRatingRate", 0, 2);         // both 办结 sent an invitation, nobody rated yet
        Assert.Equal(JsonValueKind.Null, Indicator(answer, "goodRatingRate").GetProperty("value").ValueKind);
        Assert.Equal("承诺时限内办结件数 ÷ 办结件数", Indicator(answer, "onTimeRate").GetProperty("formula").GetString());
    }

    [Fact]
    public async Task RatingIndicators_CountActiveGoodAndRectified_NeverTheDefaulted()
    {
        var item = await app.PublishHandledItemAsync(OneReview);
        app.Clock.SetLocal(2026, 8, 3);
        var cases = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var number = await app.ApplyAsync(item);
            await app.AcceptAtWindowAsync(number);
            await FinishAsync(number, "electronic");              // each 办结 sends one invitation: 4
            cases.Add(number);
        }

        using var citizen = await app.ApiClientAsync(Citizen);
        await RateAsync(citizen, cases[0], "acceptance", 4);        // active and good, but answers no invitation
        await RateAsync(citizen, cases[0], "completion", 5);
        var bad = await RateAsync(citizen, cases[2], "completion", 1);
        var order = await app.WithDbAsync(db => db.Set<Rectification>().Where(r => r.RatingId == bad).Select(r => r.Id).SingleAsync());
        using (var department = await app.ApiClientAsync(RectificationActions.Department))
        using (var supervisor = await app.ApiClientAsync(Supervisor))
        {
            await ExpectOkAsync(await department.VisitAsync(order, "电话回访"));
            await ExpectOkAsync(await department.RectifyAsync(order, "增设窗口"));
            await ExpectOkAsync(await citizen.ConfirmAsync(order, satisfied: true));
            await ExpectOkAsync(await supervisor.CheckAsync(order, close: true));
        }

        app.Clock.SetLocal(2026, 8, 12, 10);                        // sent Monday 8/3: the 5th working day was 8/10, the default comes after 8/17
        using (var later = await app.ApiClientAsync(Citizen))
        {
            await RateAsync(later, cases[1], "completion", 2);      // 差评 given late: active, not in time; its work order left open
        }

        app.Clock.SetLocal(2026, 9, 1, 9);                          // past the default period: cases[3] gets 基本满意 by default
        await app.Services.GetRequiredService<InvitationSweep>().RunAsync(CancellationToken.None);
        await RefreshAsync(new(2026, 8, 1), new(2026, 9, 1));

        using var reader = await app.ApiClientAsync(Supervisor);
        var answer = await ExpectOkAsync(await reader.GetAsync($"/api/v1/supervision/indicators?item={item.Value}&from=2026-08-01&to=2026-09-01"));
        AssertIndicator(answer, "activeRatingRate", 2, 4, value: 0.5m);    // cases[0] and [2] at 办结 in time of 4 invitations; [1] late; the default is not active
        Assert.Equal(0.9m, Indicator(answer, "activeRatingRate").GetProperty("target").GetDecimal());   // 遂宁: ≥ 90%
        Assert.False(Indicator(answer, "activeRatingRate").GetProperty("meetsTarget").GetBoolean());
        Assert.Equal(JsonValueKind.Null, Indicator(answer, "goodRatingRate").GetProperty("target").ValueKind);
        AssertIndicator(answer, "goodRatingRate", 2, 4, value: 0.5m);      // 4 and 5 of the 4 active ratings (both stages)
        AssertIndicator(answer, "rectificationRate", 1, 2, value: 0.5m);   // one of the two 差评 closed
    }

    private static async Task<Guid> RateAsync(HttpClient client, string number, string stage, int level)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/cases/{number}/ratings", new { stage, level, tags = level <= 2 ? new[] { "办理时间长" } : [] }); // a 差评 needs its reason
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task RegionIndicators_WithoutFilters_ReadTheRegionRollUps_AndCountWhatTheItemRowsCount()
    {
        // A day no other test files on: every case of the city that day is this item's, so the city's
        // unfiltered answer (the region roll-ups) must count exactly what the item's answer (the rows per dimensions) counts.
        var item = await app.PublishHandledItemAsync(OneReview);
        app.Clock.SetLocal(2026, 12, 16);                       // the latest day of these tests: a token made now stays valid when a later test moves the clock back
        var finished = await app.ApplyAsync(item);               // online, finished the same day, electronic delivery: 0 visits
        await app.AcceptAtWindowAsync(finished);
        await FinishAsync(finished, "electronic");
        await app.FileAtWindowAsync(item, Citizen);              // a window filing, not accepted
        await RefreshAsync(new(2026, 12, 16), new(2026, 12, 16));

        using var supervisor = await app.ApiClientAsync(Supervisor);
        var city = await ExpectOkAsync(await supervisor.GetAsync("/api/v1/supervision/indicators?from=2026-12-16&to=2026-12-16"));
        var ofItem = await ExpectOkAsync(await supervisor.GetAsync($"/api/v1/supervision/indicators?item={item.Value}&from=2026-12-16&to=2026-12-16"));
        foreach (var answer in new[] { city, ofItem })
        {
            AssertIndicator(answer, "onlineApplicationShare", 1, 2);
            AssertIndicator(answer, "onTimeRate", 1, 1);
            AssertIndicator(answer, "zeroVisitRate", 1, 1);
            AssertIndicator(answer, "averageHandlingDays", 0, 1);
        }
    }

    [Fact]
    public async Task Refresh_RunTwice_GivesTheSameAnswer()
    {
        var item = await app.PublishHandledItemAsync(OneReview);
        app.Clock.SetLocal(2026, 12, 1);
        var number = await app.ApplyAsync(item);
        await app.AcceptAtWindowAsync(number);
        await FinishAsync(number, "electronic");
        using var supervisor = await app.ApiClientAsync(Supervisor);
        var query = $"/api/v1/supervision/indicators?item={item.Value}&from=2026-12-01&to=2026-12-01";

        await RefreshAsync(new(2026, 12, 1), new(2026, 12, 1));
        var first = await ExpectOkAsync(await supervisor.GetAsync(query));
        await RefreshAsync(new(2026, 12, 1), new(2026, 12, 1));
        var second = await ExpectOkAsync(await supervisor.GetAsync(query));

        AssertIndicator(first, "onTimeRate", 1, 1);
        Assert.Equal(first.GetProperty("indicators").GetRawText(), second.GetProperty("indicators").GetRawText());
    }

    [Fact]
    public async Task CountyReader_SeesOnlyItsCounty_AndAnotherCountyIsNotFound()
    {
        using var county = await app.ApiClientAsync(CountyReader);
        var own = await ExpectOkAsync(await county.GetAsync("/api/v1/supervision/indicators"));
        Assert.Equal("510921000000", own.GetProperty("scope").GetProperty("region").GetString());
        await ExpectProblemAsync(await county.GetAsync("/api/v1/supervision/indicators?region=510981000000"), HttpStatusCode.NotFound, "supervision.scope-not-found");
        await ExpectProblemAsync(await county.GetAsync("/api/v1/supervision/indicators?region=510900000000"), HttpStatusCode.NotFound, "supervision.scope-not-found");

        // A city item's cases never count in the county.
        var item = await app.PublishHandledItemAsync(OneReview);
        app.Clock.SetLocal(2026, 10, 5);
        await app.ApplyAsync(item);
        await RefreshAsync(new(2026, 10, 5), new(2026, 10, 5));
        using var supervisor = await app.ApiClientAsync(Supervisor);
        AssertIndicator(await ExpectOkAsync(await supervisor.GetAsync($"/api/v1/supervision/indicators?item={item.Value}&from=2026-10-05&to=2026-10-05")), "onlineApplicationShare", 1, 1);
        AssertIndicator(await ExpectOkAsync(await county.GetAsync($"/api/v1/supervision/indicators?item={item.Value}&from=2026-10-05&to=2026-10-05")), "onlineApplicationShare", 0, 0);

        var breakdown = await ExpectOkAsync(await supervisor.GetAsync("/api/v1/supervision/indicators/breakdown?by=region&from=2026-10-05&to=2026-10-05"));
        Assert.Contains(breakdown.GetProperty("rows").EnumerateArray(), r => r.GetProperty("key").GetString() == "510921000000" && r.GetProperty("name").GetString() == "蓬溪县");
    }

    [Theory]
    [InlineData("from=2026-13-01", "supervision.date-invalid")]
    [InlineData("from=2026-11-30&to=2026-11-01", "supervision.period-reversed")]
    [InlineData("from=2020-01-01&to=2026-11-01", "supervision.period-too-long")]
    [InlineData("region=51", "supervision.region-invalid")]
    [InlineData("channel=fax", "supervision.channel-invalid")]
    public async Task BadQuery_Answers400(string query, string code)
    {
        using var supervisor = await app.ApiClientAsync(Supervisor);
        await ExpectProblemAsync(await supervisor.GetAsync("/api/v1/supervision/indicators?" + query), HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task MonthlyReport_CsvAndPdf_CarryTheIndicatorsWithTheirFormulas()
    {
        using var supervisor = await app.ApiClientAsync(Supervisor);
        var csv = await supervisor.GetAsync("/api/v1/supervision/reports/monthly?month=2026-11&format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("地区代码,范围,指标,指标名称,值,分子,分母,计算公式", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("510900000000,", StringComparison.Ordinal) && l.Contains(",onTimeRate,按时办结率,", StringComparison.Ordinal)
            && l.EndsWith(",承诺时限内办结件数 ÷ 办结件数", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("510921000000,蓬溪县,onTimeRate,", StringComparison.Ordinal));

        var pdf = await supervisor.GetAsync("/api/v1/supervision/reports/monthly?month=2026-11&format=pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var text = await IntakeActions.PdfTextAsync(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains("效能监管月报", text, StringComparison.Ordinal);
        Assert.Contains("2026-11-01至2026-11-30", text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("按时办结率", text, StringComparison.Ordinal);

        await ExpectProblemAsync(await supervisor.GetAsync("/api/v1/supervision/reports/monthly?month=2026-1"), HttpStatusCode.BadRequest, "supervision.month-invalid");
    }

    [Fact]
    public async Task Page_ShowsEveryIndicatorWithItsFormula_AndLinksChildRegions()
    {
        using var browser = await app.SignedInBrowserAsync(Supervisor);
        var html = await browser.GetStringAsync("/supervision/indicators?from=2026-11-01&to=2026-11-30");
        Assert.Contains("按时办结率", html, StringComparison.Ordinal);
        Assert.Contains("承诺时限内办结件数 ÷ 办结件数", html, StringComparison.Ordinal);
        Assert.Contains("目标 ≥ 90.00%", Pages.Text(html), StringComparison.Ordinal);
        Assert.Contains("href=\"/supervision/indicators?region=510921000000&amp;from=2026-11-01&amp;to=2026-11-30\"", html, StringComparison.Ordinal);
        Assert.Contains("/supervision/indicators", await browser.GetStringAsync("/workbench"), StringComparison.Ordinal);

        using var county = await app.SignedInBrowserAsync(CountyReader);
        Assert.Equal(HttpStatusCode.NotFound, (await county.GetAsync("/supervision/indicators?region=510981000000")).StatusCode);
    }

    private async Task FinishAsync(string number, string delivery)
    {
        using var approver = await app.ApiClientAsync(Approver);
        await approver.ApproveAllStepsAsync(number);
        await ExpectOkAsync(await approver.DecideAsync(number, "approve"));
        await ExpectOkAsync(await approver.IssueAsync(number));
        await ExpectOkAsync(await approver.DeliverAsync(number, delivery));
        await ExpectOkAsync(await approver.CompleteAsync(number));
    }

    private async Task RefreshAsync(DateOnly from, DateOnly to) =>
        await app.Services.GetRequiredService<DailyAggregates>().RefreshAsync(from, to, CancellationToken.None);

    private static JsonElement Indicator(JsonElement answer, string name) =>
        answer.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("name").GetString() == name);

    private static void AssertIndicator(JsonElement answer, string name, decimal numerator, decimal denominator, decimal? value = null)
    {
        var indicator = Indicator(answer, name);
        Assert.True(numerator == indicator.GetProperty("numerator").GetDecimal() && denominator == indicator.GetProperty("denominator").GetDecimal(),
            $"{name}: expected {numerator}/{denominator}, got {indicator}");
        if (value is { } expected)
        {
            Assert.Equal(expected, indicator.GetProperty("value").GetDecimal());
        }
    }
}

public sealed class IndicatorTestsOnSqlite(SqliteApp app) : IndicatorTests(app), IClassFixture<SqliteApp>;

public sealed class IndicatorTestsOnPostgres(PostgresApp app) : IndicatorTests(app), IClassFixture<PostgresApp>;
