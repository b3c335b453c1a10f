using Tongban.Domain.Organisation;
using Tongban.Domain.Primitives;
using Tongban.Modules.Organisation.Features.Shared;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Organisation.Features.RenameRegion;

public sealed record RenameRegion(RegionCode Code, string? Name);

public sealed record RegionDetails(RegionCode Code, string Name, RegionLevel Level);

/// <summary>Renames a region in the administrator's scope. The code never changes: other records refer to it.</summary>
public sealed class RenameRegionHandler(TongbanDbContext db, OrganisationScope scope, AuditTrail audit)
{
    public async Task<Result<RegionDetails>> GetAsync(RegionCode code, CancellationToken cancellationToken) =>
        await scope.FindRegionAsync(code, cancellationToken) is { } region
            ? new RegionDetails(region.Code, region.Name, region.Level)
            : new NotFound("region.not-found", code.Value);

    public async Task<Result> HandleAsync(RenameRegion request, CancellationToken cancellationToken)
    {
        if (await scope.FindRegionAsync(request.Code, cancellationToken) is not { } region)
        {
            return new NotFound("region.not-found", request.Code.Value);
        }

        var before = RegionSnapshot.Of(region);
        var renamed = region.Rename(request.Name ?? "");
        if (!renamed.IsSuccess || RegionSnapshot.Of(region) == before)
        {
            return renamed;
        }

        audit.Record("region.rename", nameof(Region), region.Code.Value, before, RegionSnapshot.Of(region));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }
}
