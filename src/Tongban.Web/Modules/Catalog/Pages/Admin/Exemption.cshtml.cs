using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tongban.Domain.Primitives;
using Tongban.Modules.Catalog.Features.FileClaimExemption;
using Tongban.Modules.Identity;
using Tongban.Platform.Http;
using Tongban.Platform.Web;

namespace Tongban.Modules.Catalog.Pages.Admin;

/// <summary>无需认领备案 of one item for the administrator's region: the reason and the lead department.</summary>
[Authorize(Policy = Policies.OrganisationAdmin)]
public sealed class ExemptionModel(FileClaimExemptionHandler exemption, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public Guid? LeadDepartmentId { get; set; }

    public ExemptionForm Form { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken) =>
        await LoadAsync(code, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, cancellationToken) is { } refused)
        {
            return refused;
        }

        var filed = await exemption.HandleAsync(new FileClaimExemptionRequest(code, Reason, LeadDepartmentId), cancellationToken);
        if (filed.IsSuccess)
        {
            TempData.Notice(t["已将“{0}”备案为本级无需认领。", Form.Item.Name]);
            return Redirect("/admin/catalog");
        }

        ModelState.AddError(filed.Error);
        return Page();
    }

    /// <summary>Null when the form can be shown; otherwise the answer instead (an unknown item is 404).</summary>
    private async Task<IActionResult?> LoadAsync(string code, CancellationToken cancellationToken)
    {
        var form = await exemption.FormAsync(code, cancellationToken);
        if (form.TryGet(out var value, out var error))
        {
            Form = value;
            return null;
        }

        return error switch
        {
            Domain.Primitives.NotFound => NotFound(),
            Forbidden => Forbid(),
            _ => RedirectWithNotice(error),
        };
    }

    private RedirectResult RedirectWithNotice(Error error)
    {
        TempData.Notice(error.Message);
        return Redirect("/admin/catalog");
    }
}
