using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tongban.Domain.Catalog.Reports;
using Tongban.Modules.Catalog.Features.FrequencyReport;
using Tongban.Modules.Catalog.Features.Shared;
using Tongban.Platform;
using Tongban.Platform.Documents;
using Tongban.Platform.Http;
using Tongban.Platform.Web;

namespace Tongban.Modules.Catalog.Pages.Reports;

/// <summary>高频 / 低频 / 僵尸事项: implementations by their cases in the last 12 months, filtered by class; <c>?format=csv</c> downloads the class.</summary>
[Authorize(Policy = CatalogModule.ReportsPolicy)]
public sealed class FrequencyModel(FrequencyReportHandler report, IStringLocalizer<SharedResource> t, CityClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public FrequencyClass? Class { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public FrequencyReport? Report { get; private set; }

    /// <summary>This page's address keeping the class filter, with <paramref name="more"/> (the export, the next page) added.</summary>
    public string Link(string more) => Class is { } wanted ? $"/admin/catalog/reports/frequency?class={wanted}&{more}" : $"/admin/catalog/reports/frequency?{more}";

    public async Task<IActionResult> OnGetAsync(string? format, CancellationToken cancellationToken)
    {
        if (string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
        {
            var export = await report.ExportAsync(Class, t, cancellationToken);
            if (export.TryGet(out var csv, out var refused))
            {
                return File(csv, CsvFile.ContentType, string.Create(CultureInfo.InvariantCulture, $"办件频度-{clock.Today:yyyyMMdd}.csv"));
            }

            ModelState.AddError(refused);
            return Page();
        }

        var result = await report.HandleAsync(new FrequencyRequest(Class, After), cancellationToken);
        if (!result.TryGet(out var page, out var error))
        {
            ModelState.AddError(error);
            return Page();
        }

        Report = page;
        return Page();
    }
}
