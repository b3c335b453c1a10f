using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Organisation;
using Tongban.Domain.Primitives;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Organisation.Features.Shared;

/// <summary>Looks up the department chosen as 上级部门 and the chain above it, for the domain's placement rules.</summary>
public sealed class DepartmentParents(TongbanDbContext db, OrganisationScope scope)
{
    /// <summary>A department chain is short (city, county, office); a longer one means damaged data.</summary>
    private const int MaxDepth = 32;

    /// <param name="parentId">The chosen parent, or null for none.</param>
    /// <param name="keptParentId">
    /// The parent the department already has. Keeping it is allowed even when it lies outside the
    /// caller's scope (a county office under a city bureau); choosing a new one needs it in scope.
    /// </param>
    public async Task<Result<DepartmentParent?>> ResolveAsync(Guid? parentId, Guid? keptParentId, CancellationToken cancellationToken)
    {
        if (parentId is not { } id)
        {
            return Result<DepartmentParent?>.Success(null);
        }

        var parent = await db.Set<Department>().AsNoTracking()
            .Where(d => d.Id == id)
            .Select(d => new { d.Id, d.RegionCode, d.ParentId })
            .FirstOrDefaultAsync(cancellationToken);
        if (parent is null || (id != keptParentId && !scope.Covers(parent.RegionCode)))
        {
            return new Invalid("department.parent-not-found") { Field = nameof(Department.ParentId) };
        }

        var ancestors = new List<Guid>();
        var next = parent.ParentId;
        while (next is { } ancestorId && ancestorId != id && !ancestors.Contains(ancestorId) && ancestors.Count < MaxDepth)
        {
            ancestors.Add(ancestorId);
            next = await db.Set<Department>().AsNoTracking()
                .Where(d => d.Id == ancestorId)
                .Select(d => d.ParentId)
                .FirstOrDefaultAsync(cancellationToken);
        }

        return new DepartmentParent(parent.Id, parent.RegionCode, ancestors);
    }
}
