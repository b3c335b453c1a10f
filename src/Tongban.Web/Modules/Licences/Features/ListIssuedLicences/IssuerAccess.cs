using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Identity;
using Tongban.Domain.Licences;
using Tongban.Domain.Primitives;
using Tongban.Modules.Organisation;
using Tongban.Platform;
using Tongban.Platform.Persistence;
using Tongban.Platform.Security;

namespace Tongban.Modules.Licences.Features.ListIssuedLicences;

/// <summary>
/// Who may handle a department's issued licences: its approvers and department admins (and platform
/// admins), with the department's region and the department in their scope. A licence outside the
/// caller's reach is answered as not found, so identifiers of other departments are not confirmed.
/// </summary>
public sealed class IssuerAccess(TongbanDbContext db, CurrentUser user, IOrganisationDirectory organisation, CityClock clock, AuditTrail audit)
{
    public static readonly NotFound LicenceNotFound = new("licences.not-found");

    public CurrentUser User => user;
    public CityClock Clock => clock;
    public AuditTrail Audit => audit;
    public TongbanDbContext Db => db;

    /// <summary>Approvers and department admins handle licences; platform admins everything.</summary>
    public bool HasIssuerRole => user.IsStaff && (user.IsPlatformAdmin || user.HasAnyRole(Role.Approver, Role.DepartmentAdmin));

    public async Task<bool> MayActForAsync(Guid departmentId, CancellationToken cancellationToken)
    {
        if (!HasIssuerRole)
        {
            return false;
        }

        if (user.IsPlatformAdmin)
        {
            return true;
        }

        var department = await organisation.FindDepartmentAsync(departmentId, cancellationToken);
        return department is not null && user.CanActOn(department.Region, department.Id);
    }

    /// <summary>The departments whose issued licences the caller handles: their own department (all for a platform admin: null).</summary>
    public Guid[]? DepartmentsInReach() => user.IsPlatformAdmin ? null : user.Scope?.DepartmentId is { } own ? [own] : [];

    /// <summary>Loads a licence (tracked) the caller may act on.</summary>
    public async Task<Result<Licence>> LoadAsync(string? identifier, CancellationToken cancellationToken)
    {
        if (!LicenceIdentifier.Parse(identifier).TryGet(out var id, out _))
        {
            return LicenceNotFound;
        }

        var licence = await db.Set<Licence>().FirstOrDefaultAsync(l => l.Identifier == id, cancellationToken);
        if (licence is null || !await MayActForAsync(licence.IssuerDepartmentId, cancellationToken))
        {
            return LicenceNotFound;
        }

        return licence;
    }
}
