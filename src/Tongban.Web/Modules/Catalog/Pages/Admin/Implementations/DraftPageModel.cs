using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives;
using Tongban.Modules.Catalog.Features.EditDraft;
using Tongban.Modules.Catalog.Features.ShowImplementation;
using Tongban.Modules.Identity;
using Tongban.Platform.Http;
using Tongban.Platform.Web;

namespace Tongban.Modules.Catalog.Pages.Admin.Implementations;

/// <summary>What every page that edits a draft uses, injected as one.</summary>
public sealed record DraftEditing(ShowImplementationHandler Show, EditDraftHandler Edit, IStringLocalizer<SharedResource> Localizer);

/// <summary>
/// A page that edits the draft of an implementation the user may edit (anything else is 404): it
/// shows the draft at a version and saves a change against that version, so a stale page changes nothing.
/// </summary>
[Authorize(Policy = Policies.StaffAdmin)]
public abstract class DraftPageModel(DraftEditing editing) : PageModel
{
    [BindProperty]
    public int Version { get; set; }

    public ImplementationView View { get; private set; } = null!;

    protected IStringLocalizer<SharedResource> Localizer => editing.Localizer;

    /// <summary>Reads the implementation; false when it is not there or not editable by the user.</summary>
    protected async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!(await editing.Show.HandleAsync(id, cancellationToken)).TryGet(out var view, out _) || !view.CanEdit)
        {
            return false;
        }

        View = view;
        return true;
    }

    /// <summary>Saves the change against <see cref="Version"/>, then redirects to the tab with a notice; errors go to the page (under <paramref name="prefix"/>).</summary>
    protected async Task<IActionResult> SaveAsync(
        Guid id, Func<ImplementationContent, ImplementationContent> change, string notice, string tab, string? prefix, CancellationToken cancellationToken)
    {
        var edited = await editing.Edit.HandleAsync(id, change, Version, cancellationToken);
        if (edited.IsSuccess)
        {
            TempData.Notice(notice);
            return Redirect($"/admin/catalog/implementations/{id}{tab}");
        }

        if (edited.Error is NotFound)
        {
            return NotFound();
        }

        ModelState.AddError(edited.Error, prefix);
        return Page();
    }

    /// <summary>Adds the rule a blank entry key breaks, tied to its field.</summary>
    protected static void RequireKey(List<Error> errors, string? key, string field)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            errors.Add(new Invalid("catalog.key-required") { Field = field });
        }
    }

    /// <summary>Adds the rule a blank element breaks, named in Chinese and tied to its field.</summary>
    protected void Require(List<Error> errors, string? value, string field, string element)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new Invalid("catalog.element-required", Localizer[element].Value) { Field = field });
        }
    }
}
