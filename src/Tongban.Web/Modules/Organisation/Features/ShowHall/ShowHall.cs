using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Organisation;
using Tongban.Domain.Primitives;
using Tongban.Modules.Organisation.Features.Shared;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Organisation.Features.ShowHall;

public sealed record WindowRow(Guid Id, string Number, string Name, WindowKind Kind, string? DepartmentName);

public sealed record HallView(Guid Id, string Name, string RegionName, string Address, string OpeningHours, decimal? Latitude, decimal? Longitude, IReadOnlyList<WindowRow> Windows);

/// <summary>A hall with its windows, each 专窗 with the department it serves.</summary>
public sealed class ShowHallHandler(TongbanDbContext db, OrganisationScope scope)
{
    public async Task<Result<HallView>> HandleAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await scope.FindHallAsync(id, cancellationToken) is not { } hall)
        {
            return new NotFound("hall.not-found");
        }

        var regionName = await scope.RegionNameAsync(hall.RegionCode, cancellationToken);
        var departmentIds = hall.Windows.Select(w => w.DepartmentId).OfType<Guid>().Distinct().ToList();
        var departmentNames = await db.Set<Department>().AsNoTracking()
            .Where(d => departmentIds.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
        var windows = hall.Windows
            .OrderBy(w => w.Number, StringComparer.OrdinalIgnoreCase)
            .Select(w => new WindowRow(w.Id, w.Number, w.Name, w.Kind, w.DepartmentId is { } d ? departmentNames.GetValueOrDefault(d) : null))
            .ToList();
        return new HallView(hall.Id, hall.Name, regionName, hall.Address, hall.OpeningHours, hall.Latitude, hall.Longitude, windows);
    }
}
