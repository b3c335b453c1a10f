using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Domain.Primitives;
using Tongban.Modules.Identity;
using Tongban.Modules.Supervision.Features.Oversight;
using Tongban.Modules.Supervision.Features.Warnings;
using Tongban.Platform.Http;
using Tongban.Platform.Security;

namespace Tongban.Modules.Supervision.Pages;

/// <summary>预警: counts per department and the yellow and red cases; supervisors issue 督办 from here; the caller's notices are dismissed here.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class WarningsModel(ListWarningsHandler list, SupervisionOrders orders, IStaffWarningNotices notices, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Department { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Level { get; set; }

    public WarningBoard Board { get; private set; } = new([], [], false);

    public WarningNoticeCounts Notices { get; private set; } = new(0, 0);

    public int DefaultAnswerWorkingDays => orders.DefaultAnswerWorkingDays;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var listed = await list.HandleAsync(Region, Department, Level, cancellationToken);
        if (!listed.TryGet(out var board, out var error))
        {
            return error switch
            {
                Forbidden => Forbid(),
                Domain.Primitives.NotFound => NotFound(),
                _ => ShowError(error),
            };
        }

        Board = board;
        Notices = await notices.UnreadAsync(me.AccountId!.Value, cancellationToken);
        return Page();
    }

    /// <summary>督办 on one case (caseNumber) or on a department's overdue list (departmentId).</summary>
    public async Task<IActionResult> OnPostIssueAsync(string? caseNumber, Guid? departmentId, string? message, int? answerWorkingDays, CancellationToken cancellationToken)
    {
        var issued = await orders.IssueAsync(new IssueOrderRequest(caseNumber, departmentId, message, answerWorkingDays), cancellationToken);
        if (issued.TryGet(out var order, out var error))
        {
            return Redirect($"/supervision/orders?issued={order.Id}");
        }

        return error switch
        {
            Forbidden => Forbid(),
            Domain.Primitives.NotFound => NotFound(),
            _ => await ReshowAsync(error, cancellationToken),
        };
    }

    public async Task<IActionResult> OnPostReadAsync(CancellationToken cancellationToken)
    {
        await notices.MarkReadAsync(me.AccountId!.Value, cancellationToken);
        return Redirect("/supervision/warnings");
    }

    private async Task<IActionResult> ReshowAsync(Error error, CancellationToken cancellationToken)
    {
        await OnGetAsync(cancellationToken);
        return ShowError(error);
    }

    private PageResult ShowError(Error error)
    {
        ModelState.AddError(error);
        return Page();
    }
}
