using Microsoft.AspNetCore.Mvc;
using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives;
using Tongban.Platform.Http;

namespace Tongban.Modules.Catalog.Pages.Admin.Implementations;

/// <summary>
/// A list element of an implementation (materials, situations, handling variants, fees, form fields)
/// edited without JavaScript: the entries in a table, each with its own 删除 post, and one form that
/// adds an entry or, when the key is already there, replaces it (<c>?edit=key</c> fills it from the entry).
/// Every post carries the version shown, so a stale page changes nothing.
/// </summary>
public abstract class ElementListModel<TItem>(DraftEditing editing) : DraftPageModel(editing)
{
    /// <summary>The key of the entry whose values fill the form.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Edit { get; set; }

    public IReadOnlyList<TItem> Entries => EntriesOf(View.Draft);

    /// <summary>The tab's path suffix, e.g. "/materials".</summary>
    public abstract string Tab { get; }

    public abstract string KeyOf(TItem entry);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Version = View.Version;
        if (Edit is { } key && Entries.FirstOrDefault(e => KeyOf(e) == key) is { } entry)
        {
            Fill(entry);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var errors = new List<Error>();
        var entry = Read(errors);
        foreach (var error in errors)
        {
            ModelState.AddError(error);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var key = KeyOf(entry);
        return await ChangeAsync(
            id,
            entries => entries.Any(e => KeyOf(e) == key) ? [.. entries.Select(e => KeyOf(e) == key ? entry : e)] : [.. entries, entry],
            Localizer["已保存“{0}”。", key],
            cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, string key, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken)
            ? await ChangeAsync(id, entries => [.. entries.Where(e => KeyOf(e) != key)], Localizer["已删除“{0}”。", key], cancellationToken)
            : NotFound();

    protected abstract IReadOnlyList<TItem> EntriesOf(ImplementationContent content);

    protected abstract ImplementationContent With(ImplementationContent content, IReadOnlyList<TItem> entries);

    /// <summary>The entry the form describes; what does not read goes to <paramref name="errors"/>, tied to its field.</summary>
    protected abstract TItem Read(List<Error> errors);

    /// <summary>Fills the form from an entry, to change it.</summary>
    protected abstract void Fill(TItem entry);

    private Task<IActionResult> ChangeAsync(Guid id, Func<IReadOnlyList<TItem>, IReadOnlyList<TItem>> change, string notice, CancellationToken cancellationToken) =>
        SaveAsync(id, content => With(content, change(EntriesOf(content))), notice, Tab, null, cancellationToken);
}
