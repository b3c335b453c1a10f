using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Organisation;
using Tongban.Domain.Primitives;
using Tongban.Modules.Organisation.Features.Shared;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Organisation.Features.ListDepartments;

public sealed record DepartmentRow(Guid Id, string Name, Uscc Uscc, RegionCode Region, string RegionName, string? ParentName);

/// <summary>The departments in the administrator's scope, by region then name.</summary>
public sealed class ListDepartmentsHandler(TongbanDbContext db, OrganisationScope scope)
{
    public async Task<IReadOnlyList<DepartmentRow>> HandleAsync(CancellationToken cancellationToken) =>
        await (from d in scope.Departments.AsNoTracking()
               join r in db.Set<Region>() on d.RegionCode equals r.Code
               join p in db.Set<Department>() on d.ParentId equals p.Id into parents
               from p in parents.DefaultIfEmpty()
               orderby d.RegionCode, d.Name
               select new DepartmentRow(d.Id, d.Name, d.Uscc, d.RegionCode, r.Name, p == null ? null : p.Name))
            .ToListAsync(cancellationToken);
}
