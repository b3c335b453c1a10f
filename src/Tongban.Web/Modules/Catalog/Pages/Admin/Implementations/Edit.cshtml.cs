using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tongban.Domain.Primitives;
using Tongban.Modules.Catalog.Features.EditDraft;
using Tongban.Modules.Catalog.Features.ShowImplementation;
using Tongban.Modules.Identity;
using Tongban.Platform.Http;
using Tongban.Platform.Web;

namespace Tongban.Modules.Catalog.Pages.Admin.Implementations;

/// <summary>基本要素: the scalar elements in one form, saved against the version shown; input that does not read saves nothing.</summary>
[Authorize(Policy = Policies.StaffAdmin)]
public sealed class EditModel(ShowImplementationHandler show, EditDraftHandler edit, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public ElementsForm Elements { get; set; } = new();

    public ImplementationView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        (Elements, Version) = (ElementsForm.From(View.Draft), View.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        foreach (var error in Elements.Check())
        {
            ModelState.AddError(error, nameof(Elements));
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var edited = await edit.HandleAsync(id, Elements.ApplyTo, Version, cancellationToken);
        if (edited.IsSuccess)
        {
            TempData.Notice(t["已保存基本要素。"]);
            return Redirect($"/admin/catalog/implementations/{id}");
        }

        if (edited.Error is NotFound)
        {
            return NotFound();
        }

        ModelState.AddError(edited.Error, nameof(Elements));
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!(await show.HandleAsync(id, cancellationToken)).TryGet(out var view, out _) || !view.CanEdit)
        {
            return false;
        }

        View = view;
        return true;
    }
}
