using Microsoft.AspNetCore.Identity;
using Tongban.Domain.Identity;
using Tongban.Domain.Primitives;
using Tongban.Modules.Identity.Features.StaffAdministration;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Identity.Features.CreateStaff;

/// <param name="ScopeRegion">12-digit (or 6-digit county and above) region code the staff member acts in.</param>
public sealed record CreateStaffRequest(
    string? EmployeeId, string? Name, string? Password, IReadOnlyCollection<Role> Roles, string? ScopeRegion, Guid? DepartmentId);

/// <summary>新增人员: a real-name staff account with roles and scope, within the administrator's own authority.</summary>
public sealed class CreateStaffHandler(
    TongbanDbContext db, StaffAccounts staff, IPasswordHasher<Account> hasher, AuditTrail audit, TimeProvider clock)
{
    public async Task<Result<Guid>> HandleAsync(CreateStaffRequest request, CancellationToken cancellationToken)
    {
        if (!(await staff.ResolveGrantAsync(request.Roles, request.ScopeRegion, request.DepartmentId, cancellationToken)).TryGet(out var grant, out var invalid))
        {
            return invalid;
        }

        if (await staff.IsEmployeeIdTakenAsync(request.EmployeeId, cancellationToken))
        {
            return new Conflict("staff.employee-id-taken", request.EmployeeId!.Trim()) { Field = nameof(request.EmployeeId) };
        }

        var enrolled = Account.EnrolStaff(
            staff.Administrator, Guid.CreateVersion7(), request.EmployeeId, request.Name, request.Password, hasher.HashPassword, grant, clock.GetUtcNow());
        if (!enrolled.TryGet(out var account, out var refused))
        {
            return refused;
        }

        db.Add(account);
        audit.Record("staff.created", nameof(Account), account.Id.ToString(), after: StaffAccounts.Snapshot(account));
        await db.SaveChangesAsync(cancellationToken);
        return account.Id;
    }
}
