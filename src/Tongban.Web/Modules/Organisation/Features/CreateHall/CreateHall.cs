using Tongban.Domain.Organisation;
using Tongban.Domain.Primitives;
using Tongban.Modules.Organisation.Features.Shared;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Organisation.Features.CreateHall;

public sealed record CreateHall(RegionCode Region, string? Name, string? Address, string? OpeningHours, decimal? Latitude, decimal? Longitude);

/// <summary>Registers a service hall (政务服务中心) in a region of the administrator's scope.</summary>
public sealed class CreateHallHandler(TongbanDbContext db, OrganisationScope scope, AuditTrail audit)
{
    public async Task<Result<Guid>> HandleAsync(CreateHall request, CancellationToken cancellationToken)
    {
        if (await scope.FindRegionAsync(request.Region, cancellationToken) is null)
        {
            return new Invalid("region.not-found", request.Region.Value) { Field = nameof(ServiceHall.RegionCode) };
        }

        var created = ServiceHall.Create(Guid.CreateVersion7(), request.Name ?? "", request.Region, request.Address ?? "", request.OpeningHours ?? "", request.Latitude, request.Longitude);
        if (!created.TryGet(out var hall, out var error))
        {
            return error;
        }

        db.Add(hall);
        audit.Record("hall.create", nameof(ServiceHall), hall.Id.ToString(), after: HallSnapshot.Of(hall));
        await db.SaveChangesAsync(cancellationToken);
        return hall.Id;
    }
}
