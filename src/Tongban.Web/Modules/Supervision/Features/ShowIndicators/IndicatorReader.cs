using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Domain.Cases;
using Tongban.Domain.Identity;
using Tongban.Domain.Primitives;
using Tongban.Domain.Primitives.Calendar;
using Tongban.Domain.Supervision;
using Tongban.Modules.Cases;
using Tongban.Modules.Catalog;
using Tongban.Modules.Organisation;
using Tongban.Modules.Supervision.Features.RefreshAggregates;
using Tongban.Modules.Supervision.Persistence;
using Tongban.Platform;
using Tongban.Platform.Persistence;
using Tongban.Platform.Security;

namespace Tongban.Modules.Supervision.Features.ShowIndicators;

/// <summary>The query string of the indicator endpoints and page, as sent.</summary>
public sealed record IndicatorQuery(string? Region = null, string? Department = null, string? Hall = null, string? Item = null, string? Channel = null, string? From = null, string? To = null);

/// <summary>The scope and period of an answer, parsed and checked against the caller's reach.</summary>
public sealed record IndicatorFilter(RegionCode Region, string RegionName, Guid? Department, string? DepartmentName, Guid? Hall, ImplementationCode? Item, CaseChannel? Channel, DateOnly From, DateOnly To);

public sealed record IndicatorScope(string Region, string RegionName, Guid? Department, string? DepartmentName, Guid? Hall, string? Item, string? Channel);

/// <summary>
/// One indicator as the API gives it; <see cref="Unit"/> is "%" for a share (value 0..1) or "工作日". <see cref="Target"/>
/// is the city's minimum for it (Tongban:Supervision:Targets), and <see cref="MeetsTarget"/> whether the value reaches it
/// (null without a target or a value).
/// </summary>
public sealed record IndicatorValue(string Name, string ChineseName, decimal? Value, decimal Numerator, decimal Denominator, string Formula, string Unit, decimal? Target, bool? MeetsTarget)
{
    public static IndicatorValue Of(Indicator i, IReadOnlyDictionary<string, decimal> targets)
    {
        ArgumentNullException.ThrowIfNull(i);
        ArgumentNullException.ThrowIfNull(targets);
        decimal? target = targets.TryGetValue(i.Name, out var t) && t > 0 ? t : null;
        return new(i.Name, i.ChineseName, i.Value, i.Numerator, i.Denominator, i.Formula, i.Unit == Indicator.WorkingDays ? "工作日" : "%",
            target, target is { } min && i.Value is { } value ? value >= min : null);
    }
}

public sealed record IndicatorsAnswer(IndicatorScope Scope, DateOnly From, DateOnly To, DateTimeOffset? RefreshedAt, IReadOnlyList<IndicatorValue> Indicators);

public sealed record BreakdownRow(string Key, string Name, IReadOnlyList<IndicatorValue> Indicators);

public sealed record BreakdownAnswer(string By, IReadOnlyList<BreakdownRow> Rows);

/// <summary>
/// 效能监管's indicators for a scope and period: the case and rating counters summed from the daily
/// pre-aggregates, the item counts from the catalog (<see cref="ICatalog.CountPublishedAsync"/>), and the
/// cases open and overdue counted live. Supervisors, region and platform admins, within their scope;
/// a region or department outside it is not found.
/// </summary>
public sealed class IndicatorReader(
    TongbanDbContext db, ICaseOversight cases, CurrentUser user, IOrganisationDirectory organisation, ICatalog catalog, CityClock clock, IOptions<SupervisionOptions> options)
{
    public const int MaxSpanYears = 3;

    public static readonly Role[] Readers = [Role.Supervisor, Role.RegionAdmin, Role.PlatformAdmin];

    public async Task<Result<IndicatorsAnswer>> HandleAsync(IndicatorQuery query, CancellationToken cancellationToken)
    {
        if (!(await FilterAsync(query, cancellationToken)).TryGet(out var filter, out var error))
        {
            return error;
        }

        return new IndicatorsAnswer(ScopeOf(filter), filter.From, filter.To, await RefreshedAtAsync(filter, cancellationToken), await IndicatorsAsync(filter, cancellationToken));
    }

    public async Task<Result<BreakdownAnswer>> BreakdownAsync(string? by, IndicatorQuery query, CancellationToken cancellationToken)
    {
        if (!(await FilterAsync(query, cancellationToken)).TryGet(out var filter, out var error))
        {
            return error;
        }

        var rows = new List<BreakdownRow>();
        switch (by?.Trim().ToLowerInvariant())
        {
            case "region":
                var children = (await organisation.RegionsAsync(filter.Region.Level + 1, cancellationToken))
                    .Where(r => r.Level == filter.Region.Level + 1 && filter.Region.Contains(r.Code));
                foreach (var child in children)
                {
                    rows.Add(new(child.Code.Value, child.Name, await IndicatorsAsync(filter with { Region = child.Code, RegionName = child.Name }, cancellationToken)));
                }

                break;
            case "department":
                // The scope region's own departments; a county's come with the county.
                var departments = (await organisation.DepartmentsInAsync(filter.Region, cancellationToken))
                    .Where(d => d.Region == filter.Region && (filter.Department is null || d.Id == filter.Department));
                foreach (var department in departments)
                {
                    rows.Add(new(department.Id.ToString(), department.Name, await IndicatorsAsync(filter with { Department = department.Id, DepartmentName = department.Name }, cancellationToken)));
                }

                break;
            case "month":
                for (var month = new DateOnly(filter.From.Year, filter.From.Month, 1); month <= filter.To; month = month.AddMonths(1))
                {
                    var period = filter with { From = Later(month, filter.From), To = Earlier(month.AddMonths(1).AddDays(-1), filter.To) };
                    rows.Add(new(month.ToString("yyyy-MM", CultureInfo.InvariantCulture), month.ToString("yyyy年M月", CultureInfo.InvariantCulture), await IndicatorsAsync(period, cancellationToken)));
                }

                break;
            default:
                return new BadQuery("supervision.breakdown-unknown") { Field = "by" };
        }

        return new BreakdownAnswer(by!.Trim().ToLowerInvariant(), rows);
    }

    /// <summary>Parses the query and checks it against the caller's role and scope.</summary>
    public async Task<Result<IndicatorFilter>> FilterAsync(IndicatorQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!user.IsStaff || !user.HasAnyRole(Readers) || (user.Scope is null && !user.IsPlatformAdmin))
        {
            return new Forbidden("supervision.readers-only");
        }

        // A platform admin without a scope reads the city.
        var home = user.Scope?.Region
            ?? (await organisation.RegionsAsync(RegionLevel.City, cancellationToken)).FirstOrDefault(r => r.Level == RegionLevel.City)?.Code;
        if (home is not { } region)
        {
            return new NotFound("supervision.scope-not-found");
        }

        if (!string.IsNullOrWhiteSpace(query.Region))
        {
            if (!RegionCode.Parse(query.Region.Trim()).TryGet(out var wanted, out _))
            {
                return new BadQuery("supervision.region-invalid") { Field = "region" };
            }

            region = wanted;
        }

        if (!Id(query.Department, "department").TryGet(out var wantedDepartment, out var departmentError))
        {
            return departmentError;
        }

        if (!Id(query.Hall, "hall").TryGet(out var hall, out var hallError))
        {
            return hallError;
        }

        var department = wantedDepartment ?? user.Scope?.DepartmentId;

        ImplementationCode? item = null;
        if (!string.IsNullOrWhiteSpace(query.Item))
        {
            if (!ImplementationCode.Parse(query.Item.Trim()).TryGet(out var code, out _))
            {
                return new BadQuery("supervision.item-invalid") { Field = "item" };
            }

            item = code;
        }

        CaseChannel? channel = null;
        if (!string.IsNullOrWhiteSpace(query.Channel))
        {
            if (!Enum.TryParse<CaseChannel>(query.Channel.Trim(), ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return new BadQuery("supervision.channel-invalid", string.Join(", ", Enum.GetNames<CaseChannel>())) { Field = "channel" };
            }

            channel = parsed;
        }

        var today = clock.Today;
        if (!CityPeriod.Parse(query.From, query.To, new DateOnly(today.Year, today.Month, 1), today, MaxSpanYears, "supervision").TryGet(out var period, out var periodError))
        {
            return periodError;
        }

        var (from, to) = (period.From, period.To);

        // Outside the caller's scope, or not a region or department at all: not found either way.
        if (!user.CanActOn(region, department) || await organisation.FindRegionAsync(region, cancellationToken) is not { } regionSummary)
        {
            return new NotFound("supervision.scope-not-found");
        }

        string? departmentName = null;
        if (department is { } id)
        {
            if (await organisation.FindDepartmentAsync(id, cancellationToken) is not { } found || !region.Contains(found.Region))
            {
                return new NotFound("supervision.scope-not-found");
            }

            departmentName = found.Name;
        }

        return new IndicatorFilter(region, regionSummary.Name, department, departmentName, hall, item, channel, from, to);
    }

    /// <summary>Every indicator for the filter's scope and period.</summary>
    public async Task<IReadOnlyList<IndicatorValue>> IndicatorsAsync(IndicatorFilter filter, CancellationToken cancellationToken) =>
        [.. Indicators.From(await CountsAsync(filter, cancellationToken)).Select(i => IndicatorValue.Of(i, options.Value.Targets))];

    public static IndicatorScope ScopeOf(IndicatorFilter f) =>
        new(f.Region.Value, f.RegionName, f.Department, f.DepartmentName, f.Hall, f.Item?.Value, f.Channel?.ToString());

    /// <summary>The oldest refresh among the period's days already refreshed: every figure is at least that fresh.</summary>
    public async Task<DateTimeOffset?> RefreshedAtAsync(IndicatorFilter filter, CancellationToken cancellationToken)
    {
        var instants = await db.Set<DayRefresh>().AsNoTracking().Where(r => r.Day >= filter.From && r.Day <= filter.To)
            .Select(r => r.RefreshedAt).ToListAsync(cancellationToken);
        return instants.Count == 0 ? null : instants.Min();
    }

    private async Task<IndicatorCounts> CountsAsync(IndicatorFilter f, CancellationToken cancellationToken)
    {
        // A region's period reads the regions' daily roll-ups (a row per region and day); a department, item,
        // hall or channel needs the rows of every dimension.
        var byRegion = f.Department is null && f.Item is null && f.Hall is null && f.Channel is null;
        var sums = byRegion
            ? await SumAsync(Period(db.Set<RegionDailyCounts>().AsNoTracking(), f), cancellationToken)
            : await SumAsync(Scoped(db.Set<DailyCounts>().AsNoTracking(), f), cancellationToken);
        var histogram = byRegion
            ? await HistogramAsync(Period(db.Set<RegionDailyHandlingTimes>().AsNoTracking(), f), cancellationToken)
            : await HistogramAsync(Scoped(db.Set<DailyHandlingTimes>().AsNoTracking(), f), cancellationToken);
        var handling = new long[histogram.Count == 0 ? 0 : histogram.Max(h => h.Days) + 1];
        foreach (var entry in histogram)
        {
            handling[entry.Days] = entry.Cases;
        }

        var items = await catalog.CountPublishedAsync(f.Region, f.Department, f.Item, cancellationToken);
        var (open, overdue) = await LiveAsync(f, cancellationToken);
        return new IndicatorCounts
        {
            Implementations = items.Implementations,
            OnlineImplementations = items.Online,
            FullyOnlineImplementations = items.FullyOnline,
            PromisedLimitDays = items.PromisedLimitDays,
            StatutoryLimitDays = items.StatutoryLimitDays,
            CasesFiled = sums?.Filed ?? 0,
            CasesFiledOnline = sums?.FiledOnline ?? 0,
            CasesFiledAtWindow = sums?.FiledAtWindow ?? 0,
            CasesFiledAtComprehensiveWindow = sums?.FiledAtComprehensiveWindow ?? 0,
            CasesAccepted = sums?.Accepted ?? 0,
            CasesAcceptedWithDeficiency = sums?.AcceptedWithDeficiency ?? 0,
            CasesAcceptedUnderCommitment = sums?.AcceptedUnderCommitment ?? 0,
            CasesFinished = sums?.Finished ?? 0,
            CasesFinishedFullyOnline = sums?.FinishedFullyOnline ?? 0,
            CasesFinishedWithAtMostOneVisit = sums?.FinishedWithAtMostOneVisit ?? 0,
            CasesFinishedWithZeroVisits = sums?.FinishedWithZeroVisits ?? 0,
            CasesFinishedOnTime = sums?.FinishedOnTime ?? 0,
            CasesOverdue = (sums?.FinishedLate ?? 0) + overdue,
            CasesOpen = open,
            HandlingDays = handling,
            RatingInvitations = sums?.RatingInvitations ?? 0,
            ActiveRatings = sums?.ActiveRatings ?? 0,
            AnsweredInvitations = sums?.AnsweredInvitations ?? 0,
            GoodRatings = sums?.GoodRatings ?? 0,
            DefaultedRatings = sums?.DefaultedRatings ?? 0,
            BadRatings = sums?.BadRatings ?? 0,
            RectificationsClosed = sums?.RectificationsClosed ?? 0,
        };
    }

    /// <summary>在办 and 在办已超期 now, in the scope, counted live by the Cases module.</summary>
    private Task<(long Open, long Overdue)> LiveAsync(IndicatorFilter f, CancellationToken cancellationToken) =>
        cases.OpenAndOverdueAsync(new CaseFilter(f.Region, f.Department, f.Item, f.Hall, f.Channel), cancellationToken);

    /// <summary>The counters of the rows summed in one query; null when there are none.</summary>
    private static Task<CountTotals?> SumAsync<T>(IQueryable<T> rows, CancellationToken cancellationToken)
        where T : CountColumns =>
        rows.GroupBy(_ => 1).Select(g => new CountTotals
        {
            Filed = g.Sum(r => r.Filed),
            FiledOnline = g.Sum(r => r.FiledOnline),
            FiledAtWindow = g.Sum(r => r.FiledAtWindow),
            FiledAtComprehensiveWindow = g.Sum(r => r.FiledAtComprehensiveWindow),
            Accepted = g.Sum(r => r.Accepted),
            AcceptedWithDeficiency = g.Sum(r => r.AcceptedWithDeficiency),
            AcceptedUnderCommitment = g.Sum(r => r.AcceptedUnderCommitment),
            Finished = g.Sum(r => r.Finished),
            FinishedFullyOnline = g.Sum(r => r.FinishedFullyOnline),
            FinishedWithAtMostOneVisit = g.Sum(r => r.FinishedWithAtMostOneVisit),
            FinishedWithZeroVisits = g.Sum(r => r.FinishedWithZeroVisits),
            FinishedOnTime = g.Sum(r => r.FinishedOnTime),
            FinishedLate = g.Sum(r => r.FinishedLate),
            RatingInvitations = g.Sum(r => r.RatingInvitations),
            ActiveRatings = g.Sum(r => r.ActiveRatings),
            AnsweredInvitations = g.Sum(r => r.AnsweredInvitations),
            GoodRatings = g.Sum(r => r.GoodRatings),
            DefaultedRatings = g.Sum(r => r.DefaultedRatings),
            BadRatings = g.Sum(r => r.BadRatings),
            RectificationsClosed = g.Sum(r => r.RectificationsClosed),
        }).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The cases per number of working days, summed over the rows.</summary>
    private static Task<List<HistogramEntry>> HistogramAsync<T>(IQueryable<T> rows, CancellationToken cancellationToken)
        where T : IHandlingTimes =>
        rows.GroupBy(h => h.WorkingDays).Select(g => new HistogramEntry(g.Key, g.Sum(h => h.Cases))).ToListAsync(cancellationToken);

    private sealed record HistogramEntry(int Days, long Cases);

    /// <summary>The rows of the filter's period within its region.</summary>
    private static IQueryable<T> Period<T>(IQueryable<T> rows, IndicatorFilter f)
        where T : class, IRegionDay =>
        rows.Where(r => r.Day >= f.From && r.Day <= f.To).StartingWith(r => r.RegionCode, f.Region.SignificantPrefix);

    private static IQueryable<T> Scoped<T>(IQueryable<T> rows, IndicatorFilter f)
        where T : class, IDailyDimensions
    {
        rows = Period(rows, f);
        if (f.Department is { } department)
        {
            rows = rows.Where(r => r.DepartmentId == department);
        }

        if (f.Item is { } item)
        {
            var code = item.Value;
            rows = rows.Where(r => r.ImplementationCode == code);
        }

        if (f.Hall is { } hall)
        {
            rows = rows.Where(r => r.HallId == hall);
        }

        if (f.Channel is { } channel)
        {
            var name = channel.ToString();
            rows = rows.Where(r => r.Channel == name);
        }

        return rows;
    }

    /// <summary>An optional id: null when absent, 400 when malformed.</summary>
    private static Result<Guid?> Id(string? text, string field) =>
        string.IsNullOrWhiteSpace(text) ? (Guid?)null
        : Guid.TryParse(text.Trim(), out var id) ? id
        : new BadQuery($"supervision.{field}-invalid") { Field = field };

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Earlier(DateOnly a, DateOnly b) => a < b ? a : b;
}
