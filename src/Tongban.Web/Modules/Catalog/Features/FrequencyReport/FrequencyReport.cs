using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tongban.Domain.Catalog.Reports;
using Tongban.Domain.Primitives;
using Tongban.Modules.Catalog.Features.Shared;
using Tongban.Modules.Catalog.Persistence;
using Tongban.Modules.Organisation;
using Tongban.Platform;
using Tongban.Platform.Documents;
using Tongban.Platform.Persistence;
using Tongban.Platform.Security;
using Tongban.Platform.Web;

namespace Tongban.Modules.Catalog.Features.FrequencyReport;

/// <summary>Which class to list (null = every class) and, after the first page, the cursor of the next one.</summary>
public sealed record FrequencyRequest(FrequencyClass? Class, string? After);

public sealed record FrequencyRow(ImplementationCode Code, string Name, string DepartmentName, string RegionName, int Cases, FrequencyClass Class);

/// <summary>One page of implementations, busiest first; the number in each class; and the window and threshold the classes used.</summary>
public sealed record FrequencyReport(
    IReadOnlyList<FrequencyRow> Rows,
    string? Next,
    IReadOnlyDictionary<FrequencyClass, int> Counts,
    DateOnly FirstMonth,
    DateOnly LastMonth,
    int HighFrequencyMinimumCases);

/// <summary>
/// 高频 / 低频 / 僵尸事项: every published implementation in the reader's reach with the cases started
/// in the last 12 months (<see cref="FrequencyPolicy.WindowEnding"/>), summed from the monthly
/// <see cref="ImplementationUsage"/> counters in one GROUP BY joined to the published list; the class
/// ranges of <see cref="FrequencyPolicy"/> filter and count in the database. Pages are keyset-paged
/// on (cases descending, implementation code).
/// </summary>
public sealed class FrequencyReportHandler(TongbanDbContext db, IOrganisationDirectory organisation, CurrentUser me, CityClock clock, IOptions<FrequencyPolicy> options)
{
    public const int PageSize = 100;

    private FrequencyPolicy Policy => options.Value;

    public async Task<Result<FrequencyReport>> HandleAsync(FrequencyRequest request, CancellationToken cancellationToken)
    {
        if (!ReportReach.Of(me).TryGet(out var reach, out var forbidden))
        {
            return forbidden;
        }

        var (first, last) = FrequencyPolicy.WindowEnding(clock.Today);
        var all = Totals(reach, first, last);
        var listed = Of(all, request.Class);
        if (request.After is { Length: > 0 } after)
        {
            if (!TryParseCursor(after, out var cases, out var code))
            {
                return new Invalid("catalog.report-cursor-invalid");
            }

            listed = listed.Where(r => r.Cases < cases || (r.Cases == cases && string.Compare((string)(object)r.Code, code) > 0));
        }

        var rows = await listed.OrderByDescending(r => r.Cases).ThenBy(r => r.Code).Take(PageSize + 1).ToListAsync(cancellationToken);
        var next = rows.Count > PageSize ? Cursor(rows[PageSize - 1]) : null;
        var (high, low, zombie) = (Policy.RangeOf(FrequencyClass.High), Policy.RangeOf(FrequencyClass.Low), Policy.RangeOf(FrequencyClass.Zombie));
        var counts = await all.GroupBy(_ => 1)
            .Select(g => new
            {
                High = g.Count(r => r.Cases >= high.Minimum && r.Cases < high.Below),
                Low = g.Count(r => r.Cases >= low.Minimum && r.Cases < low.Below),
                Zombie = g.Count(r => r.Cases >= zombie.Minimum && r.Cases < zombie.Below),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return new FrequencyReport(
            await RowsAsync([.. rows.Take(PageSize)], cancellationToken),
            next,
            new Dictionary<FrequencyClass, int>
            {
                [FrequencyClass.High] = counts?.High ?? 0,
                [FrequencyClass.Low] = counts?.Low ?? 0,
                [FrequencyClass.Zombie] = counts?.Zombie ?? 0,
            },
            first,
            last,
            Policy.HighFrequencyMinimumCases);
    }

    /// <summary>Every implementation of the class (or all), busiest first, as CSV.</summary>
    public async Task<Result<byte[]>> ExportAsync(FrequencyClass? frequency, IStringLocalizer<SharedResource> t, CancellationToken cancellationToken)
    {
        if (!ReportReach.Of(me).TryGet(out var reach, out var forbidden))
        {
            return forbidden;
        }

        var (first, last) = FrequencyPolicy.WindowEnding(clock.Today);
        var totals = await Of(Totals(reach, first, last), frequency).OrderByDescending(r => r.Cases).ThenBy(r => r.Code).ToListAsync(cancellationToken);
        var rows = await RowsAsync(totals, cancellationToken);
        return CsvFile.Write(
            [t["事项名称"], t["实施编码"], t["实施部门"], t["地区"], t["近12个月办件量"], t["频度分类"]],
            rows.Select(r => (IReadOnlyList<string>)[r.Name, r.Code.Value, r.DepartmentName, r.RegionName, r.Cases.ToString(CultureInfo.InvariantCulture), ClassName(r.Class, t)]));
    }

    public static string ClassName(FrequencyClass frequency, IStringLocalizer<SharedResource> t) => frequency switch
    {
        FrequencyClass.High => t["高频事项"],
        FrequencyClass.Low => t["低频事项"],
        FrequencyClass.Zombie => t["僵尸事项"],
    };

    /// <summary>Published implementations in reach with their cases in the window: one LEFT JOIN to the usage counters grouped per implementation.</summary>
    private IQueryable<Total> Totals(ReportReach reach, DateOnly first, DateOnly last)
    {
        var usage =
            from u in db.Set<ImplementationUsage>()
            where u.Month >= first && u.Month <= last
            group u by u.ImplementationId into g
            select new { ImplementationId = g.Key, Cases = g.Sum(u => u.Cases) };
        return
            from e in reach.Apply(db.Set<CatalogSearchEntry>().AsNoTracking())
            join u in usage on e.ImplementationId equals u.ImplementationId into counted
            from u in counted.DefaultIfEmpty()
            select new Total { Code = e.Code, Name = e.Name, DepartmentName = e.DepartmentName, Region = e.RegionCode, Cases = (int?)u.Cases ?? 0 };
    }

    private IQueryable<Total> Of(IQueryable<Total> totals, FrequencyClass? frequency)
    {
        if (frequency is not { } wanted)
        {
            return totals;
        }

        var range = Policy.RangeOf(wanted);
        return totals.Where(r => r.Cases >= range.Minimum && r.Cases < range.Below);
    }

    private async Task<IReadOnlyList<FrequencyRow>> RowsAsync(IReadOnlyCollection<Total> totals, CancellationToken cancellationToken)
    {
        var regions = await RegionNames.OfAsync(organisation, totals.Select(r => r.Region), cancellationToken);
        return [.. totals.Select(r => new FrequencyRow(r.Code, r.Name, r.DepartmentName, regions[r.Region], r.Cases, Policy.Classify(r.Cases)))];
    }

    private static string Cursor(Total row) => string.Create(CultureInfo.InvariantCulture, $"{row.Cases}-{row.Code.Value}");

    private static bool TryParseCursor(string cursor, out int cases, out string code)
    {
        var dash = cursor.IndexOf('-', StringComparison.Ordinal);
        code = dash < 0 ? "" : cursor[(dash + 1)..];
        return int.TryParse(cursor.AsSpan(0, Math.Max(dash, 0)), NumberStyles.None, CultureInfo.InvariantCulture, out cases)
            && ImplementationCode.Parse(code).IsSuccess;
    }

    /// <summary>Built with an initialiser (not a constructor) so EF can filter and sort on its members.</summary>
    private sealed class Total
    {
        public ImplementationCode Code { get; init; }
        public string Name { get; init; } = "";
        public string DepartmentName { get; init; } = "";
        public RegionCode Region { get; init; }
        public int Cases { get; init; }
    }
}
