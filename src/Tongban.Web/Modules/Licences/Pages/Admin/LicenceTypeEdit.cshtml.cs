using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Licences;
using Tongban.Domain.Primitives;
using Tongban.Modules.Identity;
using Tongban.Modules.Licences.Features.DefineLicenceType;
using Tongban.Platform.Http;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Licences.Pages.Admin;

/// <summary>
/// New (<c>/admin/licence-types/new</c>) and edit: one form, fields as lines of text; on any error the
/// error summary lists it and nothing is saved.
/// </summary>
[Authorize(Policy = LicencesModule.TypeAdminPolicy)]
public sealed class LicenceTypeEditModel(LicenceTypeAdmin admin, TongbanDbContext db) : PageModel
{
    private static readonly Dictionary<string, string> FieldNames = new(StringComparer.Ordinal)
    {
        ["code"] = "Code",
        ["name"] = "Name",
        ["fields"] = Features.DefineLicenceType.FieldLines.Field,
        ["validityYears"] = "ValidityYears",
        ["title"] = "Title",
        ["fieldOrder"] = "FieldOrder",
        ["issuers"] = "Issuers",
    };

    [BindProperty(SupportsGet = true, Name = "reference")]
    public string RouteCode { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? FieldLines { get; set; }

    [BindProperty]
    public int? ValidityYears { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Subtitle { get; set; }

    [BindProperty]
    public string? Footer { get; set; }

    [BindProperty]
    public string? FieldOrder { get; set; }

    [BindProperty]
    public List<Guid> Issuers { get; set; } = [];

    [BindProperty]
    public bool OnePerHolder { get; set; }

    public bool IsNew => RouteCode == "new";

    public LicenceTypeFormModel Form { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var type = IsNew ? null : await FindAsync(cancellationToken);
        if (!IsNew && type is null)
        {
            return NotFound();
        }

        if (type is not null)
        {
            var view = await admin.ViewOfAsync(type, cancellationToken);
            (Version, Code, Name, ValidityYears, Title, Subtitle, Footer, OnePerHolder) =
                (view.Version, view.Code, view.Name, view.ValidityYears, view.Title, view.Subtitle, view.Footer, view.OnePerHolder);
            FieldLines = Features.DefineLicenceType.FieldLines.Format(view.Fields);
            FieldOrder = string.Join(",", view.FieldOrder);
            Issuers = [.. view.Issuers.Select(i => i.Id)];
        }
        else if ((await admin.OwnDepartmentAsync(cancellationToken)) is { } own)
        {
            Code = own.Uscc.Value;
            Issuers = [own.Id];
        }

        await BuildFormAsync(type, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var type = IsNew ? null : await FindAsync(cancellationToken);
        if (!IsNew && type is null)
        {
            return NotFound();
        }

        var result = Features.DefineLicenceType.FieldLines.Parse(FieldLines).TryGet(out var fields, out var linesError)
            ? await SaveAsync(fields, cancellationToken)
            : linesError;
        if (result.TryGet(out var saved, out var error))
        {
            return Redirect($"/admin/licence-types/{saved.Code}?done=saved");
        }

        if (error is NotFound)
        {
            return NotFound();
        }

        ModelState.AddError(error with { Field = error.Field is { } f ? FieldNames.GetValueOrDefault(f, f) : null });
        await BuildFormAsync(type, cancellationToken);
        return Page();
    }

    private async Task<Result<LicenceTypeView>> SaveAsync(IReadOnlyList<LicenceFieldInput> fields, CancellationToken cancellationToken)
    {
        var order = (FieldOrder ?? "").Split([',', '，', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var input = new LicenceTypeInput(IsNew ? Code?.Trim() : RouteCode, Name, fields, ValidityYears, Title, Subtitle, Footer, order, Issuers, OnePerHolder, IsNew ? null : Version);
        return IsNew ? await admin.DefineAsync(input, cancellationToken) : await admin.EditAsync(RouteCode, input, cancellationToken);
    }

    private async Task<LicenceType?> FindAsync(CancellationToken cancellationToken)
    {
        if (!LicenceTypeCode.Parse(RouteCode).TryGet(out var code, out _))
        {
            return null;
        }

        var administered = await admin.AdministeredAsync(cancellationToken);
        return administered.FirstOrDefault(t => t.Code == code) is null ? null : await db.Set<LicenceType>().AsNoTracking().FirstAsync(t => t.Code == code, cancellationToken);
    }

    private async Task BuildFormAsync(LicenceType? type, CancellationToken cancellationToken)
    {
        var mayChange = await admin.MayChangeIssuersAsync(type, cancellationToken);
        var choices = await admin.IssuerChoicesAsync(cancellationToken);
        if (!mayChange && type is not null)
        {
            Issuers = [.. type.IssuerDepartmentIds];
        }

        Form = new LicenceTypeFormModel(IsNew, Version, Code, Name, FieldLines, ValidityYears, Title, Subtitle, Footer, FieldOrder, Issuers, OnePerHolder, mayChange, choices);
    }
}
