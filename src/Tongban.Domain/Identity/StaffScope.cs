using Tongban.Domain.Primitives;

namespace Tongban.Domain.Identity;

/// <summary>
/// Where a staff member may act: a region (and everything under it) and, for department-bound
/// roles, one department. A county clerk's scope is the county; a city supervisor's the city.
/// </summary>
public sealed record StaffScope(RegionCode Region, Guid? DepartmentId)
{
    public bool CoversRegion(RegionCode region) => Region.Contains(region);

    public bool Covers(RegionCode region, Guid? departmentId) =>
        CoversRegion(region) && (DepartmentId is null || departmentId == DepartmentId);
}
