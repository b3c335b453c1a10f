using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tongban.Domain.Catalog.Transfer;
using Tongban.Domain.Primitives;
using Tongban.Modules.Catalog.Features.ExportCatalog;
using Tongban.Modules.Catalog.Features.ImportCatalog;
using Tongban.Modules.Catalog.Features.Shared;
using Tongban.Modules.Identity;
using Tongban.Platform.Http;
using Tongban.Platform.Web;

namespace Tongban.Modules.Catalog.Pages.Admin;

/// <summary>事项目录导入导出: download the catalog as JSON or CSV; upload a file, see every problem in it or what was imported.</summary>
[Authorize(Policy = Policies.OrganisationAdmin)]
public sealed class ImportExportModel(ImportCatalogHandler import, ExportCatalogHandler export, CatalogAccess access, IStringLocalizer<SharedResource> t) : PageModel
{
    private const string SummaryKey = "catalog.import-summary";

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>Exporting is for every platform and region admin; importing for platform and city region admins.</summary>
    public bool CanImport => access.CanIssueItems;

    public IReadOnlyList<TransferProblem> Problems { get; private set; } = [];

    public ImportSummary? Summary { get; private set; }

    public void OnGet()
    {
        if (TempData[SummaryKey] is string summary)
        {
            Summary = JsonSerializer.Deserialize<ImportSummary>(summary);
        }
    }

    public async Task<IActionResult> OnGetDownloadAsync(string? format, CancellationToken cancellationToken)
    {
        if (CatalogFileFormats.Parse(format) is not { } chosen)
        {
            return NotFound();
        }

        var exported = await export.HandleAsync(chosen, cancellationToken);
        return exported.IsSuccess ? File(exported.Value.Content, exported.Value.ContentType, exported.Value.FileName) : Forbid();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is not { Length: > 0 } upload)
        {
            ModelState.AddError(new Invalid("catalog-file.required") { Field = nameof(Upload) });
            return Page();
        }

        var format = Path.GetExtension(upload.FileName).Equals(".csv", StringComparison.OrdinalIgnoreCase) ? CatalogFileFormat.Csv : CatalogFileFormat.Json;
        string text;
        using (var reader = new StreamReader(upload.OpenReadStream(), Encoding.UTF8))
        {
            text = await reader.ReadToEndAsync(cancellationToken);
        }

        var result = await import.HandleAsync(new ImportCatalogRequest(text, format), cancellationToken);
        if (!result.TryGet(out var outcome, out _))
        {
            return Forbid();
        }

        if (!outcome.Imported)
        {
            Problems = outcome.Problems;
            ModelState.AddError(new Invalid("catalog.import-rejected", Problems.Count) { Field = nameof(Upload) });
            return Page();
        }

        TempData[SummaryKey] = JsonSerializer.Serialize(outcome.Summary);
        return Redirect("/admin/catalog/transfer");
    }

    /// <summary>"第 5 行第 12 列（承诺时限）" for a spreadsheet, the member path for a JSON document.</summary>
    public string Where(TransferLocation location) => (location.Line, location.Column) switch
    {
        (null, _) => location.Path,
        ({ } line, null) => t["第 {0} 行", line],
        ({ } line, { } column) => t["第 {0} 行第 {1} 列（{2}）", line, column, location.Path],
    };
}
