using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Domain.Catalog;
using Tongban.Modules.Catalog.Features.ShowImplementation;
using Tongban.Modules.Catalog.Features.VersionHistory;
using Tongban.Modules.Identity;

namespace Tongban.Modules.Catalog.Pages.Admin.Implementations;

/// <summary>
/// 版本与差异: the published versions (number, when, by whom) and the element-by-element difference
/// between any two of them or the current draft (<c>?from=1&amp;to=draft</c>). Without a choice it
/// compares the draft with the version in force, or the last two versions.
/// </summary>
[Authorize(Policy = Policies.StaffAdmin)]
public sealed class VersionsModel(ShowImplementationHandler show, VersionHistoryHandler history) : PageModel
{
    public const string Draft = "draft";

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public ImplementationView View { get; private set; } = null!;

    public IReadOnlyList<VersionEntry> Versions { get; private set; } = [];

    /// <summary>The compared pair's changes; null when there is nothing to compare yet.</summary>
    public IReadOnlyList<ElementChange>? Changes { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!(await show.HandleAsync(id, cancellationToken)).TryGet(out var view, out _)
            || !(await history.VersionsAsync(id, cancellationToken)).TryGet(out var versions, out _))
        {
            return NotFound();
        }

        (View, Versions) = (view, versions);
        var (from, to) = Defaults();
        (From, To) = (From ?? from, To ?? to);
        if (From is null || To is null)
        {
            return Page();
        }

        if (!(await history.CompareAsync(id, Number(From), Number(To), cancellationToken)).TryGet(out var changes, out _))
        {
            return NotFound();
        }

        Changes = changes;
        return Page();
    }

    public static bool IsDraft(string? choice) => string.Equals(choice, Draft, StringComparison.Ordinal);

    private static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);

    /// <summary>A version number, null for the draft; anything else is no version (-1), which is not found.</summary>
    private static int? Number(string choice) =>
        IsDraft(choice) ? null : int.TryParse(choice, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : -1;

    /// <summary>The draft against the version in force while it is being changed; otherwise the last two versions.</summary>
    private (string? From, string? To) Defaults() =>
        View.PublishedVersion is not { } current ? (null, null)
        : View.Status != ImplementationStatus.Published ? (Text(current), Draft)
        : current > 1 ? (Text(current - 1), Text(current))
        : (null, null);
}
