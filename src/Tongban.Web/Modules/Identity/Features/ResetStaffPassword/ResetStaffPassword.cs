using Microsoft.AspNetCore.Identity;
using Tongban.Domain.Identity;
using Tongban.Domain.Primitives;
using Tongban.Modules.Identity.Features.StaffAdministration;

namespace Tongban.Modules.Identity.Features.ResetStaffPassword;

public sealed record ResetStaffPasswordRequest(Guid AccountId, string? Password);

/// <summary>重置密码: the old password, every session and every token stop working at once.</summary>
public sealed class ResetStaffPasswordHandler(StaffAccounts staff, IPasswordHasher<Account> hasher)
{
    public Task<Result> HandleAsync(ResetStaffPasswordRequest request, CancellationToken cancellationToken) =>
        staff.ChangeAsync(
            request.AccountId, "staff.password-reset", account => account.ResetPassword(staff.Administrator, request.Password, hasher.HashPassword), cancellationToken);
}
