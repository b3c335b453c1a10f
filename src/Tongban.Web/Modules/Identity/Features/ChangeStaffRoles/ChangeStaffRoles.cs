using Tongban.Domain.Identity;
using Tongban.Domain.Primitives;
using Tongban.Modules.Identity.Features.StaffAdministration;

namespace Tongban.Modules.Identity.Features.ChangeStaffRoles;

/// <param name="Version">The version the administrator saw; a change made meanwhile by someone else refuses this one.</param>
public sealed record ChangeStaffRolesRequest(Guid AccountId, int Version, IReadOnlyCollection<Role> Roles, string? ScopeRegion, Guid? DepartmentId);

/// <summary>调整角色与管辖范围: the staff member's sessions end, so the new roles apply from their next sign-in.</summary>
public sealed class ChangeStaffRolesHandler(StaffAccounts staff)
{
    public async Task<Result> HandleAsync(ChangeStaffRolesRequest request, CancellationToken cancellationToken)
    {
        if (!(await staff.ResolveGrantAsync(request.Roles, request.ScopeRegion, request.DepartmentId, cancellationToken)).TryGet(out var grant, out var invalid))
        {
            return invalid;
        }

        return await staff.ChangeAsync(
            request.AccountId, "staff.roles-changed", account => account.ChangeRoles(staff.Administrator, grant), cancellationToken, request.Version);
    }
}
