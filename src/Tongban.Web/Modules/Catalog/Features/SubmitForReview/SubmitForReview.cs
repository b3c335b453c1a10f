using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives;
using Tongban.Modules.Catalog.Features.Shared;
using Tongban.Platform;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Catalog.Features.SubmitForReview;

/// <summary>
/// 提交审核: checks every rule and either submits or answers all broken rules at once (an editor fixes
/// them in one pass rather than one by one).
/// </summary>
public sealed class SubmitForReviewHandler(TongbanDbContext db, CatalogAccess access, AuditTrail audit, CityClock clock, IOptions<CatalogPolicy> policy)
{
    public async Task<Result<IReadOnlyList<Error>>> HandleAsync(Guid implementationId, int expectedVersion, CancellationToken cancellationToken)
    {
        var implementation = await db.Set<Implementation>().FirstOrDefaultAsync(i => i.Id == implementationId, cancellationToken);
        if (implementation is null || !access.CanEdit(implementation))
        {
            return CatalogAccess.ImplementationNotFound;
        }

        if (db.ExpectVersion(implementation, expectedVersion).Error is { } stale)
        {
            return stale;
        }

        var result = implementation.Submit(policy.Value, access.ActorId, clock.UtcNow);
        if (!result.IsSuccess || result.Value.Count > 0)
        {
            return result;
        }

        audit.Record("catalog.submit", nameof(Implementation), implementation.Code.Value, after: new { status = implementation.Status.ToString() });
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }
}
