using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives;
using Tongban.Modules.Catalog.Features.Shared;
using Tongban.Modules.Organisation;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Catalog.Features.ShowImplementation;

/// <summary>
/// An implementation as its editors and reviewers see it: the draft's elements, where it stands in
/// the workflow, what the caller may do with it, and how far its promised limit compresses the statutory one.
/// </summary>
public sealed record ImplementationView(
    Guid Id,
    ImplementationCode Code,
    CatalogItem Item,
    string DepartmentName,
    string RegionName,
    ImplementationStatus Status,
    string? ReturnReason,
    int? PublishedVersion,
    int Version,
    ImplementationContent Draft,
    DateTimeOffset ClaimedAt,
    DateTimeOffset? SubmittedAt,
    bool CanEdit,
    bool CanReview,
    bool SubmittedByCaller,
    double CompressionRatio,
    double CompressionTarget)
{
    /// <summary>A submitted draft is locked until the review ends.</summary>
    public bool Editable => CanEdit && Status != ImplementationStatus.Submitted;

    public bool MeetsCompressionTarget => CompressionRatio >= CompressionTarget;
}

public sealed class ShowImplementationHandler(TongbanDbContext db, IOrganisationDirectory organisation, CatalogAccess access, IOptions<CatalogPolicy> policy)
{
    public async Task<Result<ImplementationView>> HandleAsync(Guid implementationId, CancellationToken cancellationToken)
    {
        var implementation = await db.Set<Implementation>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == implementationId, cancellationToken);
        if (implementation is null || !access.CanSee(implementation))
        {
            return CatalogAccess.ImplementationNotFound;
        }

        var item = await db.Set<CatalogItem>().AsNoTracking().FirstAsync(i => i.Code == implementation.BasicCode, cancellationToken);
        var department = await organisation.FindDepartmentAsync(implementation.DepartmentId, cancellationToken);
        var region = await organisation.FindRegionAsync(implementation.RegionCode, cancellationToken);
        var draft = implementation.Draft;
        return new ImplementationView(
            implementation.Id,
            implementation.Code,
            item,
            department?.Name ?? "",
            region?.Name ?? implementation.RegionCode.Value,
            implementation.Status,
            implementation.ReturnReason,
            implementation.PublishedVersion,
            implementation.Version,
            draft,
            implementation.ClaimedAt,
            implementation.SubmittedAt,
            access.CanEdit(implementation),
            access.CanReview(implementation),
            string.Equals(implementation.SubmittedBy, access.ActorId, StringComparison.Ordinal),
            CatalogRules.CompressionRatio(draft),
            policy.Value.CompressionTarget);
    }
}
