using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Identity;
using Tongban.Domain.Primitives;
using Tongban.Modules.Identity.Features.StaffAdministration;

namespace Tongban.Modules.Identity.Features.ViewStaff;

public sealed record StaffDetails(
    Guid Id,
    string EmployeeId,
    string Name,
    IReadOnlyList<Role> Roles,
    RegionCode ScopeRegion,
    Guid? DepartmentId,
    AccountStatus Status,
    string? DisabledReason,
    DateTimeOffset? DisabledAt,
    DateTimeOffset CreatedAt,
    int Version,
    bool IsSelf,
    Error? ManageRefusal)
{
    public bool CanManage => ManageRefusal is null;
}

/// <summary>One staff account the administrator oversees, and whether they may change it.</summary>
public sealed class ViewStaffHandler(StaffAccounts staff)
{
    public async Task<Result<StaffDetails>> HandleAsync(Guid id, CancellationToken cancellationToken)
    {
        var account = await staff.Overseen().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (account is null)
        {
            return new NotFound("staff.not-found");
        }

        var administrator = staff.Administrator;
        return new StaffDetails(
            account.Id,
            account.LoginName,
            account.DisplayName,
            account.Roles,
            account.ScopeRegion!.Value,
            account.ScopeDepartmentId,
            account.Status,
            account.DisabledReason,
            account.DisabledAt,
            account.CreatedAt,
            account.Version,
            account.Id == administrator.AccountId,
            administrator.MayManage(account).Error);
    }
}
