using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Modules.Cases.Features.ListIntakeQueue;
using Tongban.Modules.Identity;

namespace Tongban.Modules.Cases.Pages.Intake;

/// <summary>综合窗口受理队列: what waits for intake in the clerk's region, oldest first, and what waits for the applicant's correction.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class QueueModel(ListIntakeQueueHandler queue) : PageModel
{
    public IntakeQueue Queue { get; private set; } = null!;

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
