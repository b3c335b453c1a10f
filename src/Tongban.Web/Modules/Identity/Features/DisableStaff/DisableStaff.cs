using Tongban.Domain.Primitives;
using Tongban.Modules.Identity.Features.StaffAdministration;

namespace Tongban.Modules.Identity.Features.DisableStaff;

/// <param name="Reason">离岗、退休、调离 ...: required, kept on the account and in the audit trail.</param>
public sealed record DisableStaffRequest(Guid AccountId, string? Reason);

/// <summary>停用: sessions and bearer tokens end at once (the security stamp rotates); sign-in is refused until enabled.</summary>
public sealed class DisableStaffHandler(StaffAccounts staff, TimeProvider clock)
{
    public Task<Result> HandleAsync(DisableStaffRequest request, CancellationToken cancellationToken) =>
        staff.ChangeAsync(
            request.AccountId, "staff.disabled", account => account.Disable(staff.Administrator, request.Reason, clock.GetUtcNow()), cancellationToken);
}
