using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Domain.Cases;
using Tongban.Domain.Evaluation;
using Tongban.Domain.Primitives;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Modules.Supervision.Persistence;
using Tongban.Platform;
using Tongban.Platform.Demo;
using static Tongban.IntegrationTests.Cases.BackOfficeActions;

namespace Tongban.IntegrationTests.Supervision;

/// <summary>The demo city as ./run.sh starts it, with its finished history (three months of it, to keep the tests quick).</summary>
public abstract class DemoHistoryApp(DatabaseProvider provider) : TongbanApp(provider)
{
    public const int Months = 3;

    protected override bool DemoCases => true;

    protected override bool DemoHistory => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Tongban:DemoHistory:Months", Months.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

public sealed class DemoHistorySqliteApp() : DemoHistoryApp(DatabaseProvider.Sqlite);

public sealed class DemoHistoryPostgresApp() : DemoHistoryApp(DatabaseProvider.Postgres);

/// <summary>
/// What a supervisor sees on first start: indicators, warnings and 好差评公开 filled from the seeded history. Expected counts
/// are computed here from the stored cases and ratings, the way the formulas in docs/supervision.md define them.
/// </summary>
public abstract class DemoHistoryTests(DemoHistoryApp app)
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public async Task Indicators_ForTheCityAndPengxi_CountTheSeededCasesAndRatings()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), Zone).DateTime);
        var from = today.AddMonths(-DemoHistoryApp.Months);
        var (start, end) = (Midnight(from), Midnight(today.AddDays(1)));
        var cases = await app.WithDbAsync(db => db.Set<Case>().AsNoTracking().ToListAsync());
        var invitations = await app.WithDbAsync(db => db.Set<RatingInvitation>().AsNoTracking().ToListAsync());
        var ratings = await app.WithDbAsync(db => db.Set<Rating>().AsNoTracking().ToListAsync());
        using var supervisor = await app.ApiClientAsync(SupervisionActions.Supervisor);

        foreach (var region in new[] { "", "510921000000" })
        {
            bool InScope(RegionCode code) => region.Length == 0 || code.Value.StartsWith(region[..6], StringComparison.Ordinal);
            bool In(DateTimeOffset? at) => at >= start && at < end;
            var scoped = cases.Where(c => InScope(c.RegionCode)).ToList();
            var filed = scoped.Where(c => In(c.SubmittedAt)).ToList();
            var accepted = scoped.Where(c => In(c.AcceptedAt)).ToList();
            var finished = scoped.Where(c => In(c.CompletedAt)).ToList();
            var atWindow = filed.Where(c => c.Channel == CaseChannel.Window).ToList();
            var active = ratings.Where(r => InScope(r.Scope.Region) && In(r.RatedAt) && !r.Defaulted).ToList();

            var answer = await ExpectOkAsync(await supervisor.GetAsync($"/api/v1/supervision/indicators?from={from:yyyy-MM-dd}&to={today:yyyy-MM-dd}" + (region.Length == 0 ? "" : $"&region={region}")));

            Assert.True(filed.Count > (region.Length == 0 ? 300 : 30), $"only {filed.Count} cases filed in {region}");
            AssertIndicator(answer, "onlineApplicationShare", filed.Count - atWindow.Count, filed.Count);
            AssertIndicator(answer, "oneWindowRate", atWindow.Count(c => c.IntakeWindowKind == WindowKind.Comprehensive), atWindow.Count);
            AssertIndicator(answer, "deficiencyAcceptanceRate", accepted.Count(c => c.AcceptedAs == AcceptanceKind.WithDeficiency), accepted.Count);
            AssertIndicator(answer, "commitmentRate", accepted.Count(c => c.AcceptedAs == AcceptanceKind.UnderCommitment), accepted.Count);
            AssertIndicator(answer, "fullyOnlineCaseRate", finished.Count(c => c.FullyOnline), finished.Count);
            bool InTime(Rating r) => invitations.Any(i => i.Stage == RatingStage.Completion && i.CaseNumber == r.Subject.Reference && r.RatedAt <= i.ActiveBy);
            AssertIndicator(answer, "activeRatingRate", active.Count(r => r.Stage == RatingStage.Completion && InTime(r)), invitations.Count(i => InScope(i.Scope.Region) && In(i.SentAt)));
            AssertIndicator(answer, "goodRatingRate", active.Count(r => r.IsGood), active.Count);
            var onTime = Indicator(answer, "onTimeRate");
            Assert.Equal(finished.Count, onTime.GetProperty("denominator").GetDecimal());
            Assert.InRange(onTime.GetProperty("value").GetDecimal(), 0.75m, 0.99m); // most in time, some late
            Assert.NotEqual(JsonValueKind.Null, Indicator(answer, "averageHandlingDays").GetProperty("value").ValueKind);
        }
    }

    [Fact]
    public async Task Warnings_ListTheOpenCasesPastTheirDeadlineAsRed_AndSomeNearItAsYellow()
    {
        var now = app.Clock.GetUtcNow();
        CaseStatus[] running = [CaseStatus.Accepted, CaseStatus.AcceptedWithDeficiency, CaseStatus.DeficiencyOverdue];
        var open = await app.WithDbAsync(db => db.Set<Case>().AsNoTracking().Where(c => running.Contains(c.Status) && c.ClockEndedAt == null).ToListAsync());
        using var supervisor = await app.ApiClientAsync(SupervisionActions.Supervisor);

        var board = await supervisor.WarningBoardAsync();

        var pastDeadline = open.Where(c => c.PromisedBaseDeadline < now && c.ClockStops.Count == 0).Select(c => c.Number!.Value.Value).ToList();
        Assert.NotEmpty(pastDeadline);
        Assert.All(pastDeadline, number => Assert.Equal("red", board.LevelOf(number)));
        var levels = board.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("level").GetString()).ToList();
        Assert.Contains("yellow", levels);
        Assert.Equal(pastDeadline.Count, levels.Count(l => l == "red"));
    }

    [Fact]
    public async Task PublicDisclosure_ShowsTheDepartmentsRated_AndTheWorkOrdersAreInEveryState()
    {
        var ratings = await app.WithDbAsync(db => db.Set<Rating>().AsNoTracking().ToListAsync());
        var states = await app.WithDbAsync(db => db.Set<Rectification>().AsNoTracking().Select(o => o.State).Distinct().ToListAsync());
        using var anyone = app.CreateClient();

        var disclosure = await anyone.GetFromJsonAsync<JsonElement>("/api/v1/public/ratings?by=department");

        var rows = disclosure.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!, r => r.GetProperty("total").GetInt32());
        Assert.True(rows.Count >= 5, string.Join("、", rows.Keys));
        Assert.Equal(ratings.Count(r => r.Scope.ResponsibleDepartmentId == DemoCity.MarketRegulation), rows["市市场监督管理局"]);
        Assert.Equal(ratings.Count, rows.Values.Sum());
        Assert.Contains(ratings, r => r.Defaulted);
        Assert.Contains(ratings, r => r.IsBad);
        Assert.Contains(RectificationState.Closed, states);
        Assert.Contains(RectificationState.Open, states);
    }

    [Fact]
    public async Task Seeding_AgainOnTheNextStart_AddsNothing()
    {
        var before = await CountsAsync();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoCitySeeder>().SeedAsync(CancellationToken.None);
        }

        Assert.Equal(before, await CountsAsync());
    }

    private Task<(int Cases, int Invitations, int Ratings, int Orders, int DailyRows)> CountsAsync() =>
        app.WithDbAsync(async db => (
            await db.Set<Case>().CountAsync(), await db.Set<RatingInvitation>().CountAsync(), await db.Set<Rating>().CountAsync(),
            await db.Set<Rectification>().CountAsync(), await db.Set<DailyCounts>().CountAsync()));

    private static DateTimeOffset Midnight(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    private static JsonElement Indicator(JsonElement answer, string name) =>
        answer.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("name").GetString() == name);

    private static void AssertIndicator(JsonElement answer, string name, int numerator, int denominator)
    {
        var indicator = Indicator(answer, name);
        Assert.True(denominator > 0, $"{name}: nothing to count");
        Assert.Equal((name, (decimal)numerator, (decimal)denominator), (name, indicator.GetProperty("numerator").GetDecimal(), indicator.GetProperty("denominator").GetDecimal()));
        Assert.NotEqual(JsonValueKind.Null, indicator.GetProperty("value").ValueKind);
    }
}

public sealed class DemoHistoryOnSqlite(DemoHistorySqliteApp app) : DemoHistoryTests(app), IClassFixture<DemoHistorySqliteApp>;

public sealed class DemoHistoryOnPostgres(DemoHistoryPostgresApp app) : DemoHistoryTests(app), IClassFixture<DemoHistoryPostgresApp>;
