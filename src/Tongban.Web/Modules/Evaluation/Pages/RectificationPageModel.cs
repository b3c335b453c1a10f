using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Domain.Primitives;
using Tongban.Modules.Evaluation.Features.ListRectifications;
using Tongban.Modules.Evaluation.Features.Shared;
using Tongban.Platform.Http;
using Tongban.Platform.Web;

namespace Tongban.Modules.Evaluation.Pages;

/// <summary>
/// A list of work orders as one audience sees it (department, supervisor, rater), filtered by state.
/// Outside the audience's roles the page is forbidden.
/// </summary>
public abstract class RectificationListPageModel(ListRectificationsHandler list, RectificationReach reach) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    public RectificationList Orders { get; private set; } = new([], false);

    /// <summary>Where one order of the list opens.</summary>
    public abstract string DetailPath { get; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var listed = await list.HandleAsync(reach, State, cancellationToken);
        if (listed.TryGet(out var orders, out var error))
        {
            Orders = orders;
            return Page();
        }

        if (error is Forbidden)
        {
            return Forbid();
        }

        ModelState.AddError(error);
        return Page();
    }
}

/// <summary>
/// One work order as one audience sees it, with that audience's forms; each form carries the version the page
/// showed (a stale form gets a clear 'changed meanwhile') and redirects back after success (post-redirect-get).
/// </summary>
public abstract class RectificationPageModel(RectificationAccess access, RectificationReach reach) : PageModel
{
    [BindProperty] public int? ExpectedVersion { get; set; }
    [BindProperty] public string? Note { get; set; }

    public RectificationView View { get; private set; } = null!;

    /// <summary>The page's own path, to come back to after a form.</summary>
    public abstract string PathOf(Guid id);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    protected async Task<IActionResult> ActAsync(Guid id, Func<Task<Result<RectificationView>>> action, string done, CancellationToken cancellationToken)
    {
        var result = await action();
        if (result.IsSuccess)
        {
            TempData.Notice(done);
            return Redirect(PathOf(id));
        }

        if (await LoadAsync(id, cancellationToken) is { } missing)
        {
            return missing;
        }

        ModelState.AddError(result.Error!);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!(await access.ShowAsync(id, reach, cancellationToken)).TryGet(out var view, out _))
        {
            return NotFound();
        }

        View = view;
        return null;
    }
}
