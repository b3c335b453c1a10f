using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Domain.Primitives;
using Tongban.Modules.Supervision.Features.ShowIndicators;
using Tongban.Platform;
using Tongban.Platform.Http;

namespace Tongban.Modules.Supervision.Pages;

/// <summary>
/// 效能监管大屏: the scope's headline indicators over the last twelve months, rankings of its counties and
/// departments, the monthly trend, each row a drill-down (county → its departments → their overdue
/// cases). The tables are the dashboard; the charts drawn over them refresh from <see cref="OnGetDataAsync"/>.
/// </summary>
[Authorize(Policy = SupervisionModule.ReadersPolicy)]
public sealed class DashboardModel(IndicatorReader reader, CityClock clock) : PageModel
{
    /// <summary>The headline tiles, in the order shown.</summary>
    public static readonly string[] Headline =
        ["onTimeRate", "overdueRate", "fullyOnlineCaseRate", "atMostOneVisitRate", "onlineApplicationShare", "averageHandlingDays", "activeRatingRate", "goodRatingRate"];

    public const int RefreshSeconds = 60;

    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    public IndicatorsAnswer? Overview { get; private set; }

    public BreakdownAnswer? Regions { get; private set; }

    public BreakdownAnswer? Departments { get; private set; }

    public BreakdownAnswer? Months { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) is { } failed ? Failed(failed, showOnPage: true) : Page();

    /// <summary>The charts' figures as JSON, for the page's live refresh.</summary>
    public async Task<IActionResult> OnGetDataAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) is { } failed ? Failed(failed, showOnPage: false) : new JsonResult(ChartData());

    /// <summary>The figures the charts draw: the same rows as the tables, with the links the tables follow.</summary>
    public object ChartData() => new
    {
        refreshedAt = Overview?.RefreshedAt is { } at ? Platform.Web.Formats.Minute(at, clock) : null,
        regions = Rows(Regions, row => RegionLink(row.Key)),
        departments = Rows(Departments, row => OverdueLink(Overview!.Scope.Region, row.Key)),
        months = (Months?.Rows ?? []).Select(row => new
        {
            name = row.Name,
            applications = Of(row, "onlineApplicationShare")?.Denominator,
            finished = Of(row, "onTimeRate")?.Denominator,
            onTimeRate = Of(row, "onTimeRate")?.Value,
        }),
    };

    public static IndicatorValue? Of(BreakdownRow row, string name) => row.Indicators.FirstOrDefault(i => i.Name == name);

    public IEnumerable<IndicatorValue> HeadlineIndicators =>
        Headline.Select(name => Overview!.Indicators.First(i => i.Name == name));

    public static string RegionLink(string region) => "/supervision/dashboard?region=" + Uri.EscapeDataString(region);

    /// <summary>The 预警 board's red list: the overdue cases of a region, or of one department in it.</summary>
    public static string OverdueLink(string region, string? department = null) =>
        "/supervision/warnings?level=red&region=" + Uri.EscapeDataString(region) + (department is null ? "" : "&department=" + Uri.EscapeDataString(department));

    /// <summary>Overdue cases (finished late or open past the deadline) in a row: the numerator of 超期率.</summary>
    public static decimal Overdue(IReadOnlyList<IndicatorValue> indicators) => indicators.First(i => i.Name == "overdueRate").Numerator;

    public string DataSource => "/supervision/dashboard?handler=data" + (string.IsNullOrEmpty(Region) ? "" : "&region=" + Uri.EscapeDataString(Region));

    private static IEnumerable<object> Rows(BreakdownAnswer? answer, Func<BreakdownRow, string> link) =>
        (answer?.Rows ?? []).Select(row => new { key = row.Key, name = row.Name, value = Of(row, "onTimeRate")?.Value, href = link(row) });

    private async Task<Error?> LoadAsync(CancellationToken cancellationToken)
    {
        // The last twelve months: from the first day of the month eleven months back to today.
        var today = clock.Today;
        var from = new DateOnly(today.Year, today.Month, 1).AddMonths(-11);
        var query = new IndicatorQuery(Region: Region, From: from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), To: today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (!(await reader.HandleAsync(query, cancellationToken)).TryGet(out var overview, out var error))
        {
            return error;
        }

        Overview = overview;
        Regions = (await reader.BreakdownAsync("region", query, cancellationToken)).Value;
        Departments = (await reader.BreakdownAsync("department", query, cancellationToken)).Value;
        Months = (await reader.BreakdownAsync("month", query, cancellationToken)).Value;
        return null;
    }

    private IActionResult Failed(Error error, bool showOnPage)
    {
        if (error is NotFound)
        {
            return NotFound();
        }

        if (error is Forbidden)
        {
            return Forbid();
        }

        if (!showOnPage)
        {
            return BadRequest();
        }

        ModelState.AddError(error);
        return Page();
    }
}
