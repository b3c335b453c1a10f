using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives;
using Tongban.Modules.Catalog.Features.Shared;
using Tongban.Modules.Organisation;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Catalog.Features.ReviewImplementation;

/// <summary>审核: publish the submitted draft as a new immutable version, or return it with reasons.</summary>
public sealed class ReviewImplementationHandler(TongbanDbContext db, IOrganisationDirectory organisation, CatalogAccess access, ImplementationPublisher publisher, AuditTrail audit)
{
    public async Task<Result<ImplementationVersion>> PublishAsync(Guid implementationId, int expectedVersion, CancellationToken cancellationToken)
    {
        var implementation = await LoadAsync(implementationId, cancellationToken);
        if (implementation is null)
        {
            return CatalogAccess.ImplementationNotFound;
        }

        if (db.ExpectVersion(implementation, expectedVersion).Error is { } stale)
        {
            return stale;
        }

        var item = await db.Set<CatalogItem>().AsNoTracking().FirstAsync(i => i.Code == implementation.BasicCode, cancellationToken);
        var department = await organisation.FindDepartmentAsync(implementation.DepartmentId, cancellationToken);
        var published = await publisher.PublishAsync(implementation, item.Type, department?.Name ?? "", new Reviewer(access.ActorId, access.ActorName), cancellationToken);
        if (!published.IsSuccess)
        {
            return published.Error;
        }

        var version = published.Value;
        audit.Record("catalog.publish", nameof(Implementation), implementation.Code.Value, after: new { version = version.Number });
        await db.SaveChangesAsync(cancellationToken);
        return version;
    }

    public async Task<Result> ReturnAsync(Guid implementationId, int expectedVersion, string reason, CancellationToken cancellationToken)
    {
        var implementation = await LoadAsync(implementationId, cancellationToken);
        if (implementation is null)
        {
            return CatalogAccess.ImplementationNotFound;
        }

        if (db.ExpectVersion(implementation, expectedVersion).Error is { } stale)
        {
            return stale;
        }

        var returned = implementation.Return(reason, access.ActorId);
        if (!returned.IsSuccess)
        {
            return returned;
        }

        audit.Record("catalog.return", nameof(Implementation), implementation.Code.Value, after: new { reason });
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    private async Task<Implementation?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var implementation = await db.Set<Implementation>().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        return implementation is not null && access.CanReview(implementation) ? implementation : null;
    }
}
