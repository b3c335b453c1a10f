using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Organisation;
using Tongban.Domain.Primitives;
using Tongban.Modules.Organisation.Features.Shared;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Organisation.Features.CreateDepartment;

public sealed record CreateDepartment(Uscc Uscc, string? Name, RegionCode Region, Guid? ParentId);

/// <summary>Registers a department in a region of the administrator's scope; a USCC belongs to one department only.</summary>
public sealed class CreateDepartmentHandler(TongbanDbContext db, OrganisationScope scope, DepartmentParents parents, AuditTrail audit)
{
    public async Task<Result<Guid>> HandleAsync(CreateDepartment request, CancellationToken cancellationToken)
    {
        if (await scope.FindRegionAsync(request.Region, cancellationToken) is null)
        {
            return new Invalid("region.not-found", request.Region.Value) { Field = nameof(Department.RegionCode) };
        }

        if (await db.Set<Department>().AnyAsync(d => d.Uscc == request.Uscc, cancellationToken))
        {
            return new Conflict("department.uscc-taken", request.Uscc.Value) { Field = nameof(Department.Uscc) };
        }

        if (!(await parents.ResolveAsync(request.ParentId, keptParentId: null, cancellationToken)).TryGet(out var parent, out var parentError))
        {
            return parentError;
        }

        if (!Department.Create(Guid.CreateVersion7(), request.Uscc, request.Name ?? "", request.Region, parent).TryGet(out var department, out var error))
        {
            return error;
        }

        db.Add(department);
        audit.Record("department.create", nameof(Department), department.Id.ToString(), after: DepartmentSnapshot.Of(department));
        await db.SaveChangesAsync(cancellationToken);
        return department.Id;
    }
}
