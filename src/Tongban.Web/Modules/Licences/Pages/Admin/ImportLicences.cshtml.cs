using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tongban.Domain.Primitives;
using Tongban.Modules.Identity;
using Tongban.Modules.Licences.Features.ImportLicences;
using Tongban.Modules.Organisation;
using Tongban.Platform.Http;
using Tongban.Platform.Web;

namespace Tongban.Modules.Licences.Pages.Admin;

/// <summary>
/// 导入存量证照: choose the type (and, for a platform admin, the issuing department), download its
/// template, upload the CSV file; see the identifiers of what was imported, or every problem by row
/// with nothing imported.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ImportLicencesModel(ImportLicencesHandler import, IStringLocalizer<SharedResource> t) : PageModel
{
    /// <summary>How many identifiers the page lists after an import (the API answers all of them).</summary>
    public const int ListedIdentifiers = 100;

    private const string ResultKey = "licences.import-result";

    private static readonly Dictionary<string, string> FieldNames = new(StringComparer.Ordinal)
    {
        ["type"] = nameof(TypeCode),
        ["issuer"] = nameof(Issuer),
        ["file"] = nameof(Upload),
    };

    [BindProperty(SupportsGet = true, Name = "type")]
    public string? TypeCode { get; set; }

    [BindProperty(Name = "issuer")]
    public Guid? Issuer { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<ImportableType> Types { get; private set; } = [];

    /// <summary>A platform admin picks the issuing department; a department admin imports for their own.</summary>
    public bool ChoosesIssuer => import.ChoosesIssuer;

    public IReadOnlyList<DepartmentSummary> IssuerChoices => [.. Types.SelectMany(i => i.Issuers).DistinctBy(d => d.Id).OrderBy(d => d.Name, StringComparer.Ordinal)];

    public IReadOnlyList<ImportRowProblem> Problems { get; private set; } = [];

    public ImportResult? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!import.MayImport)
        {
            return Forbid();
        }

        if (TempData[ResultKey] is string result)
        {
            Result = JsonSerializer.Deserialize<ImportResult>(result);
        }

        Types = await import.ImportableAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken cancellationToken)
    {
        var template = await import.TemplateAsync(TypeCode, cancellationToken);
        return template.TryGet(out var file, out _) ? File(file.Content, LicenceCsv.ContentType, file.FileName) : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!import.MayImport)
        {
            return Forbid();
        }

        Types = await import.ImportableAsync(cancellationToken);
        var outcome = await ImportAsync(cancellationToken);
        if (!outcome.TryGet(out var done, out var error))
        {
            ModelState.AddError(error with { Field = error.Field is { } f ? FieldNames.GetValueOrDefault(f, f) : null });
            return Page();
        }

        if (!done.Imported)
        {
            Problems = done.Problems;
            ModelState.AddError(new Invalid("licences.import-rejected", Problems.Count) { Field = nameof(Upload) });
            return Page();
        }

        var typeName = Types.FirstOrDefault(i => i.Type.Code.Value == TypeCode?.Trim())?.Type.Name ?? TypeCode ?? "";
        TempData[ResultKey] = JsonSerializer.Serialize(new ImportResult(done.Licences.Count, typeName, [.. done.Licences.Take(ListedIdentifiers).Select(l => l.Identifier)]));
        return Redirect("/admin/licences/import");
    }

    /// <summary>The column as the spreadsheet names it, with the field's label for the type's own columns.</summary>
    public string FieldName(ImportRowProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (problem.Field.Length == 0)
        {
            return t["整行"];
        }

        var label = Types.FirstOrDefault(i => i.Type.Code.Value == TypeCode?.Trim())?.Type.Fields.FirstOrDefault(f => f.Key == problem.Field)?.Label;
        return label is null ? problem.Field : $"{problem.Field}（{label}）";
    }

    private async Task<Result<ImportLicencesOutcome>> ImportAsync(CancellationToken cancellationToken)
    {
        if (Upload is not { Length: > 0 } upload)
        {
            return string.IsNullOrWhiteSpace(TypeCode)
                ? new Invalid("licences.import-type-required") { Field = "type" }
                : new Invalid("licences.import-file-required") { Field = "file" };
        }

        if (upload.Length > ImportLicencesHandler.MaxBytes)
        {
            return new Invalid("licences.import-too-large", ImportLicencesHandler.MaxBytes / 1024 / 1024) { Field = "file" };
        }

        using var content = new MemoryStream();
        await upload.CopyToAsync(content, cancellationToken);
        return await import.HandleAsync(new ImportLicencesRequest(TypeCode, ChoosesIssuer ? Issuer : null, content.ToArray()), cancellationToken);
    }
}

/// <summary>What the page shows after an import (post-redirect-get).</summary>
public sealed record ImportResult(int Count, string TypeName, IReadOnlyList<string> Identifiers);
