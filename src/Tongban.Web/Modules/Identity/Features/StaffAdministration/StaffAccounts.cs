using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Identity;
using Tongban.Domain.Primitives;
using Tongban.Modules.Identity.Features.Listing;
using Tongban.Modules.Organisation;
using Tongban.Platform.Persistence;
using Tongban.Platform.Security;

namespace Tongban.Modules.Identity.Features.StaffAdministration;

/// <summary>The choices on the staff form; a department admin is offered only their own department.</summary>
public sealed record StaffFormOptions(IReadOnlyList<Role> GrantableRoles, IReadOnlyList<DepartmentSummary> Departments, bool DepartmentRequired);

/// <summary>
/// What every staff-administration use case shares: the caller as a <see cref="StaffAdministrator"/>,
/// the staff accounts they oversee (as a query and one by one), turning form input into a
/// <see cref="StaffGrant"/> through the organisation directory, and the audit snapshot of an account.
/// </summary>
public sealed class StaffAccounts(TongbanDbContext db, IOrganisationDirectory directory, CurrentUser me, AuditTrail audit)
{
    public StaffAdministrator Administrator { get; } = new(me.AccountId ?? Guid.Empty, me.Roles, me.Scope);

    /// <summary>Staff accounts inside the administrator's oversight, shaped for the (scope_region, kind) index.</summary>
    public IQueryable<Account> Overseen()
    {
        var oversight = Administrator.Oversight;
        var staff = db.Set<Account>().AsNoTracking().Where(a => a.Kind == AccountKind.Staff && a.ScopeRegion != null);
        if (oversight.Reach is OversightReach.Nobody)
        {
            return staff.Where(_ => false);
        }

        if (oversight.Region is not { } region)
        {
            return staff;
        }

        staff = staff.Within(a => a.ScopeRegion, region);
        return oversight.DepartmentId is { } department ? staff.Where(a => a.ScopeDepartmentId == department) : staff;
    }

    /// <summary>One staff account for a change, tracked; outside the oversight it does not exist.</summary>
    public async Task<Result<Account>> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var account = await db.Set<Account>().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        return account is not null && Administrator.Oversees(account) ? account : new NotFound("staff.not-found");
    }

    /// <summary>
    /// Applies one change to an overseen account and stores it with its audit record (before and
    /// after). With <paramref name="expectedVersion"/>, a change based on a stale page is refused.
    /// </summary>
    public async Task<Result> ChangeAsync(Guid id, string auditAction, Func<Account, Result> change, CancellationToken cancellationToken, int? expectedVersion = null)
    {
        if (!(await FindAsync(id, cancellationToken)).TryGet(out var account, out var notFound))
        {
            return notFound;
        }

        if (expectedVersion is { } version && db.ExpectVersion(account, version, new Conflict("staff.version-stale")).Error is { } stale)
        {
            return stale;
        }

        var before = Snapshot(account);
        var changed = change(account);
        if (!changed.IsSuccess)
        {
            return changed;
        }

        audit.Record(auditAction, nameof(Account), account.Id.ToString(), before, Snapshot(account));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    public Task<bool> IsEmployeeIdTakenAsync(string? employeeId, CancellationToken cancellationToken)
    {
        var loginName = employeeId?.Trim().ToUpperInvariant();
        return string.IsNullOrEmpty(loginName)
            ? Task.FromResult(false)
            : db.Set<Account>().AnyAsync(a => a.LoginName == loginName, cancellationToken);
    }

    /// <summary>Reads the region and department a form names; whether the administrator may grant them is the domain's call.</summary>
    public async Task<Result<StaffGrant>> ResolveGrantAsync(IReadOnlyCollection<Role> roles, string? scopeRegion, Guid? departmentId, CancellationToken cancellationToken)
    {
        if (!RegionCode.Parse(scopeRegion).TryGet(out var region, out var invalid))
        {
            return invalid with { Field = nameof(Account.ScopeRegion) };
        }

        if (await directory.FindRegionAsync(region, cancellationToken) is null)
        {
            return new Invalid("staff.region-unknown", region.Value) { Field = nameof(Account.ScopeRegion) };
        }

        GrantedDepartment? granted = null;
        if (departmentId is { } id)
        {
            if (await directory.FindDepartmentAsync(id, cancellationToken) is not { } department)
            {
                return new Invalid("staff.department-unknown") { Field = nameof(Account.ScopeDepartmentId) };
            }

            granted = new GrantedDepartment(department.Id, department.Region);
        }

        return new StaffGrant(roles, region, granted);
    }

    /// <summary>What the staff form offers this administrator: the roles they may grant and the departments they may choose.</summary>
    public async Task<StaffFormOptions> FormOptionsAsync(CancellationToken cancellationToken)
    {
        var oversight = Administrator.Oversight;
        if ((oversight.Region ?? ProvinceOf(me.Scope?.Region)) is not { } within)
        {
            return new StaffFormOptions([], [], DepartmentRequired: true);
        }

        var departments = await directory.DepartmentsInAsync(within, cancellationToken);
        return new StaffFormOptions(
            Administrator.GrantableRoles,
            oversight.DepartmentId is { } own ? [.. departments.Where(d => d.Id == own)] : departments,
            DepartmentRequired: oversight.Reach == OversightReach.Department);
    }

    /// <summary>An account as the audit trail records it (staff accounts carry no ID numbers).</summary>
    public static object Snapshot(Account account) => new
    {
        account.EmployeeId,
        account.DisplayName,
        Roles = account.Roles.Select(r => r.ToString()).ToArray(),
        ScopeRegion = account.ScopeRegion?.Value,
        account.ScopeDepartmentId,
        Status = account.Status.ToString(),
        account.DisabledReason,
    };

    // A platform admin's choices are every department of the province their own account sits in.
    private static RegionCode? ProvinceOf(RegionCode? region)
    {
        while (region?.Parent is { } parent)
        {
            region = parent;
        }

        return region;
    }
}
