using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Organisation;
using Tongban.Domain.Primitives;
using Tongban.Modules.Organisation.Features.Shared;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Organisation.Features.EditDepartment;

/// <param name="Version">The version the administrator saw; a newer stored one means someone else saved first.</param>
public sealed record EditDepartment(Guid Id, int Version, string? Name, RegionCode Region, Guid? ParentId);

public sealed record DepartmentDetails(Guid Id, Uscc Uscc, string Name, RegionCode Region, DepartmentOption? Parent, int Version);

/// <summary>Renames or moves a department in the administrator's scope, refusing an edit based on a stale version.</summary>
public sealed class EditDepartmentHandler(TongbanDbContext db, OrganisationScope scope, DepartmentParents parents, AuditTrail audit)
{
    public async Task<Result<DepartmentDetails>> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await scope.FindDepartmentAsync(id, cancellationToken) is not { } department)
        {
            return new NotFound("department.not-found");
        }

        // The parent is shown even when it lies outside the scope (a county office under a city bureau).
        var parent = department.ParentId is { } parentId
            ? await (from p in db.Set<Department>()
                     join r in db.Set<Region>() on p.RegionCode equals r.Code
                     where p.Id == parentId
                     select new DepartmentOption(p.Id, p.Name, r.Name)).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new DepartmentDetails(department.Id, department.Uscc, department.Name, department.RegionCode, parent, department.Version);
    }

    public async Task<Result> HandleAsync(EditDepartment request, CancellationToken cancellationToken)
    {
        if (await scope.FindDepartmentAsync(request.Id, cancellationToken) is not { } department)
        {
            return new NotFound("department.not-found");
        }

        if (db.ExpectVersion(department, request.Version).Error is { } stale)
        {
            return stale;
        }

        if (request.Region != department.RegionCode && await scope.FindRegionAsync(request.Region, cancellationToken) is null)
        {
            return new Invalid("region.not-found", request.Region.Value) { Field = nameof(Department.RegionCode) };
        }

        if (!(await parents.ResolveAsync(request.ParentId, department.ParentId, cancellationToken)).TryGet(out var parent, out var parentError))
        {
            return parentError;
        }

        var childRegions = await db.Set<Department>().AsNoTracking()
            .Where(d => d.ParentId == department.Id)
            .Select(d => d.RegionCode)
            .ToListAsync(cancellationToken);
        var before = DepartmentSnapshot.Of(department);
        var updated = department.Update(request.Name ?? "", request.Region, parent, childRegions);
        if (!updated.IsSuccess || DepartmentSnapshot.Of(department) == before)
        {
            return updated;
        }

        audit.Record("department.update", nameof(Department), department.Id.ToString(), before, DepartmentSnapshot.Of(department));
        return await db.SaveUnlessStaleAsync(cancellationToken);
    }
}
