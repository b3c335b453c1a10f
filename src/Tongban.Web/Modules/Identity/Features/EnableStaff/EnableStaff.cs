using Tongban.Domain.Primitives;
using Tongban.Modules.Identity.Features.StaffAdministration;

namespace Tongban.Modules.Identity.Features.EnableStaff;

public sealed record EnableStaffRequest(Guid AccountId);

/// <summary>启用: a disabled staff member may sign in again (sessions ended by the disabling stay ended).</summary>
public sealed class EnableStaffHandler(StaffAccounts staff)
{
    public Task<Result> HandleAsync(EnableStaffRequest request, CancellationToken cancellationToken) =>
        staff.ChangeAsync(request.AccountId, "staff.enabled", account => account.Enable(staff.Administrator), cancellationToken);
}
