using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tongban.Modules.Catalog.Features.Shared;
using Tongban.Modules.Catalog.Features.UniformityReport;
using Tongban.Platform;
using Tongban.Platform.Documents;
using Tongban.Platform.Http;
using Tongban.Platform.Web;

namespace Tongban.Modules.Catalog.Pages.Reports;

/// <summary>六统一比对: the divergences among implementations of the same basic item; <c>?format=csv</c> downloads them.</summary>
[Authorize(Policy = CatalogModule.ReportsPolicy)]
public sealed class UniformityModel(UniformityReportHandler report, IStringLocalizer<SharedResource> t, CityClock clock) : PageModel
{
    public UniformityReport Report { get; private set; } = new([], 0);

    public async Task<IActionResult> OnGetAsync(string? format, CancellationToken cancellationToken)
    {
        var result = await report.HandleAsync(cancellationToken);
        if (!result.TryGet(out var found, out var error))
        {
            ModelState.AddError(error);
            return Page();
        }

        if (string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
        {
            return File(UniformityReportHandler.ToCsv(found, t), CsvFile.ContentType, string.Create(CultureInfo.InvariantCulture, $"六统一比对-{clock.Today:yyyyMMdd}.csv"));
        }

        Report = found;
        return Page();
    }
}
