using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tongban.Domain.Primitives;
using Tongban.Modules.Catalog.Features.ReviewImplementation;
using Tongban.Modules.Catalog.Features.ShowImplementation;
using Tongban.Modules.Catalog.Features.SubmitForReview;
using Tongban.Modules.Identity;
using Tongban.Platform.Http;
using Tongban.Platform.Web;

namespace Tongban.Modules.Catalog.Pages.Admin.Implementations;

/// <summary>
/// An implementation's overview: its elements and status, 提交审核 (every broken rule listed at once,
/// with the compression of the time limit), and for reviewers 发布 or 退回 with a reason.
/// </summary>
[Authorize(Policy = Policies.StaffAdmin)]
public sealed class ShowModel(
    ShowImplementationHandler show, SubmitForReviewHandler submit, ReviewImplementationHandler review, IStringLocalizer<SharedResource> t) : PageModel
{
    /// <summary>The version the page was read at (optimistic concurrency).</summary>
    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? ReturnReason { get; set; }

    public ImplementationView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken cancellationToken)
    {
        var submitted = await submit.HandleAsync(id, Version, cancellationToken);
        if (submitted.IsSuccess && submitted.Value.Count == 0)
        {
            TempData.Notice(t["已提交审核。审核结束前不能修改。"]);
            return Redirect($"/admin/catalog/implementations/{id}");
        }

        foreach (var broken in submitted.IsSuccess ? submitted.Value : [submitted.Error])
        {
            ModelState.AddError(broken);
        }

        return await ReloadAsync(id, submitted.Error, cancellationToken);
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken cancellationToken)
    {
        var published = await review.PublishAsync(id, Version, cancellationToken);
        if (published.IsSuccess)
        {
            TempData.Notice(t["已审核通过并发布第 {0} 版。", published.Value.Number]);
            return Redirect($"/admin/catalog/implementations/{id}");
        }

        ModelState.AddError(published.Error);
        return await ReloadAsync(id, published.Error, cancellationToken);
    }

    public async Task<IActionResult> OnPostReturnAsync(Guid id, CancellationToken cancellationToken)
    {
        var returned = await review.ReturnAsync(id, Version, ReturnReason ?? "", cancellationToken);
        if (returned.IsSuccess)
        {
            TempData.Notice(t["已退回修改。"]);
            return Redirect($"/admin/catalog/implementations/{id}");
        }

        ModelState.AddError(returned.Error);
        return await ReloadAsync(id, returned.Error, cancellationToken);
    }

    private async Task<IActionResult> ReloadAsync(Guid id, Error? error, CancellationToken cancellationToken) =>
        error is NotFound || !await LoadAsync(id, cancellationToken) ? NotFound() : Page();

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!(await show.HandleAsync(id, cancellationToken)).TryGet(out var view, out _))
        {
            return false;
        }

        View = view;
        // A stale post keeps the version it was made from, so a second try is refused too until the page is reloaded.
        Version = ModelState.ContainsKey(nameof(Version)) ? Version : view.Version;
        return true;
    }
}
