using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Organisation;
using Tongban.Domain.Primitives;
using Tongban.Modules.Organisation.Features.AddRegion;
using Tongban.Modules.Organisation.Features.CloseWindow;
using Tongban.Modules.Organisation.Features.CreateDepartment;
using Tongban.Modules.Organisation.Features.CreateHall;
using Tongban.Modules.Organisation.Features.EditDepartment;
using Tongban.Modules.Organisation.Features.EditHall;
using Tongban.Modules.Organisation.Features.ListDepartments;
using Tongban.Modules.Organisation.Features.ListHalls;
using Tongban.Modules.Organisation.Features.OpenWindow;
using Tongban.Modules.Organisation.Features.RenameRegion;
using Tongban.Modules.Organisation.Features.SeedDemo;
using Tongban.Modules.Organisation.Features.Shared;
using Tongban.Modules.Organisation.Features.ShowHall;
using Tongban.Platform.Demo;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Organisation;

/// <summary>
/// Organisation: regions, departments, service halls and windows. Other modules read it only through
/// <see cref="IOrganisationDirectory"/>.
/// </summary>
public static class OrganisationModule
{
    public static IServiceCollection AddOrganisationModule(this IServiceCollection services)
    {
        services.AddScoped<IOrganisationDirectory, OrganisationDirectory>();
        services.AddScoped<IDemoSeed, OrganisationDemoSeed>();

        // The administration pages (/admin/regions, /admin/departments, /admin/halls).
        services.AddScoped<OrganisationScope>();
        services.AddScoped<DepartmentParents>();
        services.AddScoped<AddRegionHandler>();
        services.AddScoped<RenameRegionHandler>();
        services.AddScoped<ListDepartmentsHandler>();
        services.AddScoped<CreateDepartmentHandler>();
        services.AddScoped<EditDepartmentHandler>();
        services.AddScoped<ListHallsHandler>();
        services.AddScoped<CreateHallHandler>();
        services.AddScoped<EditHallHandler>();
        services.AddScoped<ShowHallHandler>();
        services.AddScoped<OpenWindowHandler>();
        services.AddScoped<CloseWindowHandler>();
        return services;
    }
}

/// <summary>What other modules may ask of Organisation.</summary>
public interface IOrganisationDirectory
{
    Task<RegionSummary?> FindRegionAsync(RegionCode code, CancellationToken cancellationToken);

    /// <summary>Every region down to <paramref name="deepest"/> level, in code order (each region before the regions inside it).</summary>
    Task<IReadOnlyList<RegionSummary>> RegionsAsync(RegionLevel deepest, CancellationToken cancellationToken);

    Task<DepartmentSummary?> FindDepartmentAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The names of these departments in one read, for lists; an id no department has is left out.</summary>
    Task<IReadOnlyDictionary<Guid, string>> DepartmentNamesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    /// <summary>The department with this USCC: the first 18 characters of an implementation code name the implementing department.</summary>
    Task<DepartmentSummary?> FindDepartmentByUsccAsync(Uscc uscc, CancellationToken cancellationToken);

    /// <summary>Departments whose region lies inside <paramref name="scope"/>.</summary>
    Task<IReadOnlyList<DepartmentSummary>> DepartmentsInAsync(RegionCode scope, CancellationToken cancellationToken);

    /// <summary>"蓬溪县 · 县市场监管局" style description of a staff scope.</summary>
    Task<string> DescribeScopeAsync(RegionCode region, Guid? departmentId, CancellationToken cancellationToken);

    /// <summary>The service halls of exactly this region, by name (收受分离: where a window clerk receives).</summary>
    Task<IReadOnlyList<HallSummary>> HallsOfAsync(RegionCode region, CancellationToken cancellationToken);

    /// <summary>The windows of a hall, by number (窗口收件: which kind of window received a case).</summary>
    Task<IReadOnlyList<WindowSummary>> WindowsOfAsync(Guid hallId, CancellationToken cancellationToken);

    Task<HallSummary?> FindHallAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>A hall's window with its hall's region (好差评 of a window).</summary>
    Task<WindowSummary?> FindWindowAsync(Guid id, CancellationToken cancellationToken);
}

/// <param name="Region">The region of the window's hall.</param>
public sealed record WindowSummary(Guid Id, Guid HallId, string Number, string Name, WindowKind Kind, Guid? DepartmentId, RegionCode Region);

public sealed record HallSummary(Guid Id, string Name, RegionCode Region, string Address);

public sealed record RegionSummary(RegionCode Code, string Name, RegionLevel Level);

public sealed record DepartmentSummary(Guid Id, string Name, Uscc Uscc, RegionCode Region);

internal sealed class OrganisationDirectory(TongbanDbContext db) : IOrganisationDirectory
{
    public async Task<RegionSummary?> FindRegionAsync(RegionCode code, CancellationToken cancellationToken)
    {
        var region = await db.Set<Region>().AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, cancellationToken);
        return region is null ? null : new RegionSummary(region.Code, region.Name, region.Level);
    }

    public async Task<IReadOnlyList<RegionSummary>> RegionsAsync(RegionLevel deepest, CancellationToken cancellationToken)
    {
        var regions = await db.Set<Region>().AsNoTracking().OrderBy(r => r.Code).ToListAsync(cancellationToken);
        return [.. regions.Where(r => r.Level <= deepest).Select(r => new RegionSummary(r.Code, r.Name, r.Level))];
    }

    public Task<DepartmentSummary?> FindDepartmentAsync(Guid id, CancellationToken cancellationToken) =>
        db.Set<Department>().AsNoTracking()
            .Where(d => d.Id == id)
            .Select(d => new DepartmentSummary(d.Id, d.Name, d.Uscc, d.RegionCode))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<Guid, string>> DepartmentNamesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        ids.Count == 0
            ? new Dictionary<Guid, string>()
            : await db.Set<Department>().AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);

    public Task<DepartmentSummary?> FindDepartmentByUsccAsync(Uscc uscc, CancellationToken cancellationToken) =>
        db.Set<Department>().AsNoTracking()
            .Where(d => d.Uscc == uscc)
            .Select(d => new DepartmentSummary(d.Id, d.Name, d.Uscc, d.RegionCode))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<DepartmentSummary>> DepartmentsInAsync(RegionCode scope, CancellationToken cancellationToken) =>
        await db.Set<Department>().AsNoTracking()
            .Within(d => d.RegionCode, scope)
            .OrderBy(d => d.RegionCode).ThenBy(d => d.Name)
            .Select(d => new DepartmentSummary(d.Id, d.Name, d.Uscc, d.RegionCode))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<HallSummary>> HallsOfAsync(RegionCode region, CancellationToken cancellationToken) =>
        await db.Set<ServiceHall>().AsNoTracking()
            .Where(h => h.RegionCode == region)
            .OrderBy(h => h.Name)
            .Select(h => new HallSummary(h.Id, h.Name, h.RegionCode, h.Address))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<WindowSummary>> WindowsOfAsync(Guid hallId, CancellationToken cancellationToken) =>
        (await db.Set<ServiceHall>().AsNoTracking().Include(h => h.Windows).FirstOrDefaultAsync(h => h.Id == hallId, cancellationToken)) is { } hall
            ? [.. hall.Windows.OrderBy(w => w.Number, StringComparer.Ordinal).Select(w => Summary(w, hall))]
            : [];

    public Task<HallSummary?> FindHallAsync(Guid id, CancellationToken cancellationToken) =>
        db.Set<ServiceHall>().AsNoTracking()
            .Where(h => h.Id == id)
            .Select(h => new HallSummary(h.Id, h.Name, h.RegionCode, h.Address))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<WindowSummary?> FindWindowAsync(Guid id, CancellationToken cancellationToken)
    {
        var hall = await db.Set<ServiceHall>().AsNoTracking().Include(h => h.Windows).FirstOrDefaultAsync(h => h.Windows.Any(w => w.Id == id), cancellationToken);
        return hall?.Windows.Where(w => w.Id == id).Select(w => Summary(w, hall)).FirstOrDefault();
    }

    private static WindowSummary Summary(ServiceWindow window, ServiceHall hall) =>
        new(window.Id, hall.Id, window.Number, window.Name, window.Kind, window.DepartmentId, hall.RegionCode);

    public async Task<string> DescribeScopeAsync(RegionCode region, Guid? departmentId, CancellationToken cancellationToken)
    {
        var regionName = (await FindRegionAsync(region, cancellationToken))?.Name ?? region.Value;
        if (departmentId is not { } id)
        {
            return regionName;
        }

        var department = await FindDepartmentAsync(id, cancellationToken);
        return department is null ? regionName : $"{regionName} · {department.Name}";
    }
}
