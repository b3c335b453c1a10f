using Tongban.Domain.Organisation;
using Tongban.Domain.Primitives;
using Tongban.Modules.Organisation.Features.Shared;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Organisation.Features.EditHall;

/// <param name="Version">The version the administrator saw; a newer stored one means someone else saved first.</param>
public sealed record EditHall(Guid Id, int Version, string? Name, string? Address, string? OpeningHours, decimal? Latitude, decimal? Longitude);

public sealed record HallDetails(Guid Id, string Name, string RegionName, string Address, string OpeningHours, decimal? Latitude, decimal? Longitude, int Version);

/// <summary>Changes a hall's name, address, opening hours and map position; its region stays.</summary>
public sealed class EditHallHandler(TongbanDbContext db, OrganisationScope scope, AuditTrail audit)
{
    public async Task<Result<HallDetails>> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await scope.FindHallAsync(id, cancellationToken) is not { } hall)
        {
            return new NotFound("hall.not-found");
        }

        var regionName = await scope.RegionNameAsync(hall.RegionCode, cancellationToken);
        return new HallDetails(hall.Id, hall.Name, regionName, hall.Address, hall.OpeningHours, hall.Latitude, hall.Longitude, hall.Version);
    }

    public async Task<Result> HandleAsync(EditHall request, CancellationToken cancellationToken)
    {
        if (await scope.FindHallAsync(request.Id, cancellationToken) is not { } hall)
        {
            return new NotFound("hall.not-found");
        }

        if (db.ExpectVersion(hall, request.Version).Error is { } stale)
        {
            return stale;
        }

        var before = HallSnapshot.Of(hall);
        var updated = hall.Update(request.Name ?? "", request.Address ?? "", request.OpeningHours ?? "", request.Latitude, request.Longitude);
        if (!updated.IsSuccess || HallSnapshot.Of(hall) == before)
        {
            return updated;
        }

        audit.Record("hall.update", nameof(ServiceHall), hall.Id.ToString(), before, HallSnapshot.Of(hall));
        return await db.SaveUnlessStaleAsync(cancellationToken);
    }
}
