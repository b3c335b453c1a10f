using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Organisation;
using Tongban.Domain.Primitives;
using Tongban.Modules.Organisation.Features.Shared;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Organisation.Features.AddRegion;

public sealed record AddRegion(RegionCode Code, string? Name);

/// <summary>Adds a region under an existing one in the administrator's scope; codes are unique.</summary>
public sealed class AddRegionHandler(TongbanDbContext db, OrganisationScope scope, AuditTrail audit)
{
    public async Task<Result<RegionCode>> HandleAsync(AddRegion request, CancellationToken cancellationToken)
    {
        if (request.Code.Parent is not { } parentCode)
        {
            return new Invalid("region.parent-required") { Field = nameof(Region.Code) };
        }

        if (await scope.FindRegionAsync(parentCode, cancellationToken) is null)
        {
            return new Invalid("region.parent-not-found", parentCode.Value) { Field = nameof(Region.Code) };
        }

        if (await db.Set<Region>().AnyAsync(r => r.Code == request.Code, cancellationToken))
        {
            return new Conflict("region.code-taken", request.Code.Value) { Field = nameof(Region.Code) };
        }

        if (!Region.Create(request.Code, request.Name ?? "").TryGet(out var region, out var error))
        {
            return error;
        }

        db.Add(region);
        audit.Record("region.create", nameof(Region), region.Code.Value, after: RegionSnapshot.Of(region));
        await db.SaveChangesAsync(cancellationToken);
        return region.Code;
    }
}
