using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.ListLeadBundleCases;
using Tongban.Modules.Identity;
using Tongban.Platform.Http;

namespace Tongban.Modules.Cases.Pages.LeadBundles;

/// <summary>牵头部门跟踪: the bundle cases the caller's department leads, filtered by status and overdue.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class BundlesModel(ListLeadBundleCasesHandler list) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Overdue { get; set; }

    public LeadBundleCaseList Cases { get; private set; } = new([], false);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var listed = await list.HandleAsync(Status, Overdue, cancellationToken);
        if (listed.TryGet(out var cases, out var error))
        {
            Cases = cases;
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
