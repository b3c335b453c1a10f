using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.DecideBundleAcceptance;
using Tongban.Modules.Cases.Features.RetryBundleMember;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Features.ShowLeadBundleCase;
using Tongban.Modules.Identity;
using Tongban.Platform.Http;
using Tongban.Platform.Web;

namespace Tongban.Modules.Cases.Pages.LeadBundles;

/// <summary>
/// One bundle case as its lead department follows it: every member with its department, case, status, what
/// it waits for and why it could not start; a button to file a failed member again; for a 三窗合一 bundle the
/// one intake decision (受理, 补正, 不予受理) at the lead department's window. Forms carry the version shown.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class BundleModel(ShowLeadBundleCaseHandler show, RetryBundleMemberHandler retry, DecideBundleAcceptanceHandler acceptance, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public int? ExpectedVersion { get; set; }
    [BindProperty] public string? MemberKey { get; set; }
    [BindProperty] public string? Decision { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Material { get; set; }

    public LeadBundleCaseView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken) =>
        await LoadAsync(number, cancellationToken) ?? Page();

    public Task<IActionResult> OnPostRetryAsync(string number, CancellationToken cancellationToken) =>
        ActAsync(number, () => retry.HandleAsync(number, MemberKey ?? "", new RetryBundleMemberRequest(ExpectedVersion), cancellationToken), t["已重新发起该事项。"], cancellationToken);

    public Task<IActionResult> OnPostAcceptanceAsync(string number, CancellationToken cancellationToken)
    {
        var items = string.IsNullOrWhiteSpace(Material) ? null : new[] { new BundleCorrectionLine(Material, Reason) };
        var done = Decision switch
        {
            "accept" => t["已一次受理，各部门并联办理。"],
            "correction" => t["已一次性告知补正。"],
            _ => t["已作出不予受理决定。"],
        };
        return ActAsync(number, () => acceptance.HandleAsync(number, new BundleAcceptanceRequest(Decision, Reason, items, ExpectedVersion), cancellationToken), done, cancellationToken);
    }

    private async Task<IActionResult> ActAsync(string number, Func<Task<Result<LeadBundleCaseView>>> action, string done, CancellationToken cancellationToken)
    {
        var result = await action();
        if (result.IsSuccess)
        {
            TempData.Notice(done);
            return Redirect($"/workbench/bundles/{number}");
        }

        if (await LoadAsync(number, cancellationToken) is { } missing)
        {
            return missing;
        }

        ModelState.AddError(result.Error!);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string number, CancellationToken cancellationToken)
    {
        if (!(await show.HandleAsync(number, cancellationToken)).TryGet(out var view, out _))
        {
            return NotFound();
        }

        View = view;
        return null;
    }
}
