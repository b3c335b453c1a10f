using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Modules.Catalog.Features.ListForReview;
using Tongban.Modules.Identity;

namespace Tongban.Modules.Catalog.Pages.Admin;

/// <summary>审核: the implementations waiting for review in the reviewer's region, oldest first.</summary>
[Authorize(Policy = Policies.OrganisationAdmin)]
public sealed class ReviewModel(ListForReviewHandler queue) : PageModel
{
    public ReviewQueue Queue { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!(await queue.HandleAsync(cancellationToken)).TryGet(out var waiting, out _))
        {
            return Forbid();
        }

        Queue = waiting;
        return Page();
    }
}
