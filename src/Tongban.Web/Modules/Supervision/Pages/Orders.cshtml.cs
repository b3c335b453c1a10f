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

/// <summary>督办单: the orders in the caller's scope; the department answers here, the supervisor closes here.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class OrdersModel(SupervisionOrders orders, CurrentUser me) : PageModel
{
    public IReadOnlyList<OrderView> Orders { get; private set; } = [];

    /// <summary>Supervises: may close; otherwise the department, which answers.</summary>
    public bool Oversees { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (SupervisionAccess.Of(me) is not { } access)
        {
            return Forbid();
        }

        Oversees = access.Oversees;
        if ((await orders.ListAsync(openOnly: false, caseNumber: null, cancellationToken)).TryGet(out var listed, out var error))
        {
            Orders = listed;
        }
        else
        {
            ModelState.AddError(error);
        }

        return Page();
    }

    public Task<IActionResult> OnPostAnswerAsync(Guid id, string? answer, int? version, CancellationToken cancellationToken) =>
        AfterAsync(orders.AnswerAsync(id, new AnswerOrderRequest(answer, version), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(Guid id, string? note, int? version, CancellationToken cancellationToken) =>
        AfterAsync(orders.CloseAsync(id, new CloseOrderRequest(note, version), cancellationToken), cancellationToken);

    private async Task<IActionResult> AfterAsync(Task<Result<OrderView>> change, CancellationToken cancellationToken)
    {
        var done = await change;
        if (done.TryGet(out var order, out var error))
        {
            return Redirect($"/supervision/orders?done={order.Id}");
        }

        if (error is Domain.Primitives.NotFound)
        {
            return NotFound();
        }

        await OnGetAsync(cancellationToken);
        ModelState.AddError(error);
        return Page();
    }
}
