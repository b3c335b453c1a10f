using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Domain.Primitives;
using Tongban.Modules.Organisation;
using Tongban.Modules.Supervision.Features.ShowIndicators;
using Tongban.Platform.Http;
using Tongban.Platform.Security;

namespace Tongban.Modules.Supervision.Pages;

/// <summary>效能监管指标: the filter form, every indicator with its formula, and the breakdowns by child region and by department (GET only: no form to protect).</summary>
[Authorize(Policy = SupervisionModule.ReadersPolicy)]
public sealed class IndicatorsModel(IndicatorReader reader, IOrganisationDirectory organisation, CurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Department { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Channel { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public IndicatorsAnswer? Answer { get; private set; }

    public BreakdownAnswer? ByRegion { get; private set; }

    public BreakdownAnswer? ByDepartment { get; private set; }

    /// <summary>The regions the caller may choose: their scope region and every region inside it, down to townships.</summary>
    public IReadOnlyList<RegionSummary> Regions { get; private set; } = [];

    public IReadOnlyList<DepartmentSummary> Departments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var query = new IndicatorQuery(Region, Department, null, null, Channel, From, To);
        var answer = await reader.HandleAsync(query, cancellationToken);
        if (!answer.TryGet(out var found, out var error))
        {
            if (error is NotFound)
            {
                return NotFound();
            }

            ModelState.AddError(error);
            return Page();
        }

        Answer = found;
        var region = RegionCode.FromTrusted(found.Scope.Region);
        Regions = [.. (await organisation.RegionsAsync(RegionLevel.Township, cancellationToken)).Where(r => user.CanSeeRegion(r.Code))];
        Departments = await organisation.DepartmentsInAsync(region, cancellationToken);
        // The breakdowns keep the period and channel; a department filter keeps its own row only.
        var period = query with { Region = found.Scope.Region, From = Day(found.From), To = Day(found.To) };
        ByRegion = (await reader.BreakdownAsync("region", period, cancellationToken)).TryGet(out var regions, out _) ? regions : null;
        ByDepartment = (await reader.BreakdownAsync("department", period, cancellationToken)).TryGet(out var departments, out _) ? departments : null;
        return Page();
    }

    /// <summary>This page filtered to a child region, keeping the period and channel.</summary>
    public string RegionLink(string region) =>
        $"/supervision/indicators?region={Uri.EscapeDataString(region)}&from={Day(Answer!.From)}&to={Day(Answer.To)}{(Channel is null ? "" : "&channel=" + Uri.EscapeDataString(Channel))}";

    public string ReportLink(string format) =>
        $"/api/v1/supervision/reports/monthly?month={Answer!.To.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)}&region={Answer.Scope.Region}"
        + (Answer.Scope.Department is { } department ? $"&department={department}" : "") + $"&format={format}";

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
