using Microsoft.AspNetCore.Mvc;
using Tongban.Platform.Http;

namespace Tongban.Modules.Catalog.Pages.Admin.Implementations;

/// <summary>基本要素: the scalar elements in one form, saved against the version shown; input that does not read saves nothing.</summary>
public sealed class EditModel(DraftEditing editing) : DraftPageModel(editing)
{
    [BindProperty]
    public ElementsForm Elements { get; set; } = new();

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

        return await SaveAsync(id, Elements.ApplyTo, Localizer["已保存基本要素。"], "", nameof(Elements), cancellationToken);
    }
}
