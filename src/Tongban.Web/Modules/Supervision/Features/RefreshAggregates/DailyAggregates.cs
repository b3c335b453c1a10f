using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Domain.Cases;
using Tongban.Domain.Evaluation;
using Tongban.Domain.Primitives;
using Tongban.Domain.Primitives.Calendar;
using Tongban.Modules.Cases;
using Tongban.Modules.Evaluation;
using Tongban.Modules.Supervision.Persistence;
using Tongban.Platform;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Supervision.Features.RefreshAggregates;

/// <summary>
/// Recomputes the daily pre-aggregates of a city date from the cases (and ratings) as they stand: each
/// event counts on the day it happened (filed, accepted, finished, rated). One day is one transaction that
/// deletes the day's rows and inserts them again, so a refresh run twice gives the same rows. Two nodes
/// refreshing the same day queue on a PostgreSQL advisory lock (SQLite has one writer anyway).
/// </summary>
public sealed partial class DailyAggregates(IServiceScopeFactory scopes, CityClock clock, ILogger<DailyAggregates> logger)
{
    /// <summary>The advisory lock's first key: "supervision" in the application's lock space; the second is the day.</summary>
    private const int LockSpace = 0x5355_5056;

    /// <summary>Refreshes every day of [<paramref name="from"/>, <paramref name="to"/>], oldest first.</summary>
    public async Task RefreshAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            await RefreshDayAsync(day, cancellationToken);
        }
    }

    /// <summary>What the job does: yesterday (events late in the night), today, and every day a write marked as changed.</summary>
    public async Task RefreshChangedAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        List<DateOnly> dirty;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TongbanDbContext>();
            dirty = await db.Set<DirtyDay>().AsNoTracking().Select(d => d.Day).Distinct().ToListAsync(cancellationToken);
        }

        foreach (var day in dirty.Where(d => d < today.AddDays(-1)).Order())
        {
            await RefreshDayAsync(day, cancellationToken);
        }

        await RefreshAsync(today.AddDays(-1), today, cancellationToken);
    }

    private async Task RefreshDayAsync(DateOnly day, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TongbanDbContext>();
        var startedAt = clock.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Provider == DatabaseProvider.Postgres)
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockSpace}, {day.DayNumber})", cancellationToken);
        }

        var (start, end) = (clock.StartOf(day), clock.StartOf(day.AddDays(1)));
        var counts = new Dictionary<Key, DailyCounts>();
        var handling = new Dictionary<(Key, int), DailyHandlingTimes>();
        DailyCounts Row(Key key)
        {
            if (!counts.TryGetValue(key, out var row))
            {
                counts[key] = row = key.Counts(day);
            }

            return row;
        }

        var cases = scope.ServiceProvider.GetRequiredService<ICaseOversight>();
        foreach (var c in await cases.FiledBetweenAsync(start, end, cancellationToken))
        {
            var row = Row(Key.Of(c.Dimensions));
            row.Filed++;
            row.FiledOnline += c.Dimensions.Channel == CaseChannel.Window ? 0 : 1;
            row.FiledAtWindow += c.Dimensions.Channel == CaseChannel.Window ? 1 : 0;
            row.FiledAtComprehensiveWindow += c.Dimensions.Channel == CaseChannel.Window && c.IntakeWindowKind == WindowKind.Comprehensive ? 1 : 0;
        }

        foreach (var c in await cases.AcceptedBetweenAsync(start, end, cancellationToken))
        {
            var row = Row(Key.Of(c.Dimensions));
            row.Accepted++;
            row.AcceptedWithDeficiency += c.AcceptedAs == AcceptanceKind.WithDeficiency ? 1 : 0;
            row.AcceptedUnderCommitment += c.AcceptedAs == AcceptanceKind.UnderCommitment ? 1 : 0;
        }

        await foreach (var c in cases.FinishedBetweenAsync(start, end, cancellationToken))
        {
            var key = Key.Of(c.Dimensions);
            var figures = c.Figures;
            var row = Row(key);
            row.Finished++;
            row.FinishedFullyOnline += figures.FullyOnline ? 1 : 0;
            row.FinishedWithAtMostOneVisit += figures.Visits <= 1 ? 1 : 0;
            row.FinishedWithZeroVisits += figures.Visits == 0 ? 1 : 0;
            row.FinishedOnTime += figures.OnTime ? 1 : 0;
            row.FinishedLate += figures.OnTime ? 0 : 1;
            if (!handling.TryGetValue((key, figures.HandlingDays), out var times))
            {
                handling[(key, figures.HandlingDays)] = times = key.HandlingTimes(day, figures.HandlingDays);
            }

            times.Cases++;
        }

        // 好差评 rows carry no channel: a rating is not given through the case's channel.
        var evaluation = scope.ServiceProvider.GetRequiredService<IEvaluationFigures>();
        foreach (var invited in await evaluation.InvitationsSentAsync(start, end, cancellationToken))
        {
            Row(Key.Of(invited)).RatingInvitations++;
        }

        foreach (var rating in await evaluation.CaseRatingsGivenAsync(start, end, cancellationToken))
        {
            var row = Row(Key.Of(rating.Scope));
            if (rating.Defaulted)
            {
                row.DefaultedRatings++;
                continue;
            }

            if (rating.Excluded)
            {
                continue;
            }

            row.ActiveRatings++;
            row.AnsweredInvitations += rating.AnswersInvitationInTime ? 1 : 0;
            row.GoodRatings += rating.Level >= RatingLevel.FairlySatisfied ? 1 : 0;
            row.BadRatings += rating.Level <= RatingLevel.Dissatisfied ? 1 : 0;
            row.RectificationsClosed += rating.RectificationClosed ? 1 : 0;
        }

        // Each region's roll-up of the day, which is what a region's indicators read.
        var regionCounts = new Dictionary<string, RegionDailyCounts>(StringComparer.Ordinal);
        foreach (var row in counts.Values)
        {
            if (!regionCounts.TryGetValue(row.RegionCode, out var region))
            {
                regionCounts[row.RegionCode] = region = new RegionDailyCounts { Day = day, RegionCode = row.RegionCode };
            }

            region.Add(row);
        }

        var regionHandling = handling.Values.GroupBy(h => (h.RegionCode, h.WorkingDays))
            .Select(g => new RegionDailyHandlingTimes { Day = day, RegionCode = g.Key.RegionCode, WorkingDays = g.Key.WorkingDays, Cases = g.Sum(h => h.Cases) });

        await db.Set<DailyCounts>().Where(r => r.Day == day).ExecuteDeleteAsync(cancellationToken);
        await db.Set<DailyHandlingTimes>().Where(r => r.Day == day).ExecuteDeleteAsync(cancellationToken);
        await db.Set<RegionDailyCounts>().Where(r => r.Day == day).ExecuteDeleteAsync(cancellationToken);
        await db.Set<RegionDailyHandlingTimes>().Where(r => r.Day == day).ExecuteDeleteAsync(cancellationToken);
        await db.Set<DayRefresh>().Where(r => r.Day == day).ExecuteDeleteAsync(cancellationToken);
        // A mark made after this refresh started may concern data it did not see: it stays for the next run.
        await db.Set<DirtyDay>().Where(d => d.Day == day && d.MarkedAt <= startedAt).ExecuteDeleteAsync(cancellationToken);
        db.AddRange(counts.Values);
        db.AddRange(handling.Values);
        db.AddRange(regionCounts.Values);
        db.AddRange(regionHandling);
        db.Add(new DayRefresh { Day = day, RefreshedAt = clock.UtcNow });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogRefreshed(logger, day, counts.Count);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "效能监管 aggregates of {Day} refreshed: {Rows} rows")]
    private static partial void LogRefreshed(ILogger logger, DateOnly day, int rows);

    /// <summary>The dimensions of one row, "none" written as empty.</summary>
    private readonly record struct Key(string Region, Guid Department, string Implementation, Guid Hall, string Channel)
    {
        public static Key Of(RatingScope s) =>
            new(s.Region.Value, s.ResponsibleDepartmentId, s.ImplementationCode ?? "", s.HallId ?? Guid.Empty, "");

        public static Key Of(CaseDimensions d) =>
            new(d.Region.Value, d.DepartmentId, d.ImplementationCode, d.IntakeHallId ?? Guid.Empty, d.Channel.ToString());

        public DailyCounts Counts(DateOnly day) =>
            new() { Day = day, RegionCode = Region, DepartmentId = Department, ImplementationCode = Implementation, HallId = Hall, Channel = Channel };

        public DailyHandlingTimes HandlingTimes(DateOnly day, int workingDays) =>
            new() { Day = day, RegionCode = Region, DepartmentId = Department, ImplementationCode = Implementation, HallId = Hall, Channel = Channel, WorkingDays = workingDays };
    }
}

/// <summary>Tongban:Supervision.</summary>
public sealed class SupervisionOptions
{
    public const string Section = "Tongban:Supervision";

    /// <summary>How often the job recomputes today, yesterday and the days marked changed.</summary>
    public int RefreshMinutes { get; set; } = 5;

    /// <summary>Off on a node that should not run the job (it is safe on several nodes at once).</summary>
    public bool RefreshEnabled { get; set; } = true;

    /// <summary>The city's minimum per indicator (a share 0..1; 0 for none). 遂宁: 主动评价率 ≥ 90%.</summary>
    public Dictionary<string, decimal> Targets { get; set; } = new(StringComparer.Ordinal) { ["activeRatingRate"] = 0.90m };
}

/// <summary>Runs <see cref="DailyAggregates.RefreshChangedAsync"/> every Tongban:Supervision:RefreshMinutes on the injected clock.</summary>
internal sealed partial class AggregatesRefreshService(DailyAggregates aggregates, IOptions<SupervisionOptions> options, TimeProvider time, ILogger<AggregatesRefreshService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RefreshEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, options.Value.RefreshMinutes)), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await aggregates.RefreshChangedAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One failed refresh (database away) must not stop the next ones.
                LogFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "效能监管 refresh failed; retrying at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
