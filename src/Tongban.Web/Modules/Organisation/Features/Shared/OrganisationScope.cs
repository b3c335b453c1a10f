using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Organisation;
using Tongban.Domain.Primitives;
using Tongban.Platform.Persistence;
using Tongban.Platform.Security;

namespace Tongban.Modules.Organisation.Features.Shared;

/// <summary>A line of the region tree: depth 0 is the top of what the administrator may see.</summary>
public sealed record RegionNode(RegionCode Code, string Name, RegionLevel Level, int Depth);

/// <summary>A department as offered in a choice list (上级部门, 专窗所属部门).</summary>
public sealed record DepartmentOption(Guid Id, string Name, string RegionName);

/// <summary>
/// The organisation records the signed-in administrator may see and change: their region and
/// everything under it; platform administrators see all. Every list, choice and lookup of this
/// module goes through here, so a record outside the caller's scope is never found (and answers 404).
/// </summary>
public sealed class OrganisationScope(TongbanDbContext db, CurrentUser me)
{
    public bool Covers(RegionCode region) => me.CanSeeRegion(region);

    public IQueryable<Region> Regions => InScope(db.Set<Region>(), r => r.Code);

    public IQueryable<Department> Departments => InScope(db.Set<Department>(), d => d.RegionCode);

    public IQueryable<ServiceHall> Halls => InScope(db.Set<ServiceHall>(), h => h.RegionCode);

    /// <summary>Regions in scope in tree order: 12-digit codes sort parent-first, so ordering by code walks the tree.</summary>
    public async Task<IReadOnlyList<RegionNode>> RegionTreeAsync(CancellationToken cancellationToken)
    {
        var regions = await Regions.AsNoTracking().OrderBy(r => r.Code).ToListAsync(cancellationToken);
        if (regions.Count == 0)
        {
            return [];
        }

        var top = regions.Min(r => r.Level);
        return [.. regions.Select(r => new RegionNode(r.Code, r.Name, r.Level, r.Level - top))];
    }

    public async Task<IReadOnlyList<DepartmentOption>> DepartmentOptionsAsync(CancellationToken cancellationToken) =>
        await (from d in Departments.AsNoTracking()
               join r in db.Set<Region>() on d.RegionCode equals r.Code
               orderby d.RegionCode, d.Name
               select new DepartmentOption(d.Id, d.Name, r.Name))
            .ToListAsync(cancellationToken);

    /// <summary>The region, when it exists and lies in scope.</summary>
    public async Task<Region?> FindRegionAsync(RegionCode code, CancellationToken cancellationToken) =>
        Covers(code) ? await db.Set<Region>().FirstOrDefaultAsync(r => r.Code == code, cancellationToken) : null;

    /// <summary>The name of a region already known to exist (a record's own region).</summary>
    public Task<string> RegionNameAsync(RegionCode code, CancellationToken cancellationToken) =>
        db.Set<Region>().Where(r => r.Code == code).Select(r => r.Name).FirstAsync(cancellationToken);

    /// <summary>The department (tracked), when it exists and lies in scope.</summary>
    public async Task<Department?> FindDepartmentAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Set<Department>().FirstOrDefaultAsync(d => d.Id == id, cancellationToken) is { } department && Covers(department.RegionCode)
            ? department
            : null;

    /// <summary>The hall with its windows (tracked), when it exists and lies in scope.</summary>
    public async Task<ServiceHall?> FindHallAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Set<ServiceHall>().Include(h => h.Windows).FirstOrDefaultAsync(h => h.Id == id, cancellationToken) is { } hall && Covers(hall.RegionCode)
            ? hall
            : null;

    private IQueryable<T> InScope<T>(IQueryable<T> source, Expression<Func<T, RegionCode>> region) =>
        me.IsPlatformAdmin ? source
        : me.Scope is { } scope ? source.Within(region, scope.Region)
        : source.Where(_ => false);
}
