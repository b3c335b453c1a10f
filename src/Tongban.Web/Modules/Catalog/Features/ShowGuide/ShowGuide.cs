using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives;
using Tongban.Modules.Catalog.Features.Shared;
using Tongban.Modules.Catalog.Persistence;
using Tongban.Modules.Organisation;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Catalog.Features.ShowGuide;

/// <summary>办事指南: the current published version of an implementation with everything a person needs to read it.</summary>
public sealed record Guide(
    BasicItemCode Code,
    ImplementationCode ImplementationCode,
    int Version,
    DateTimeOffset PublishedAt,
    ItemType ItemType,
    string LegalBasis,
    string Department,
    RegionCode Region,
    string RegionName,
    ImplementationContent Content)
{
    /// <summary>How much shorter the promised limit is than the statutory one (0.75 = 75% shorter).</summary>
    public double Compression => CatalogRules.CompressionRatio(Content);
}

/// <summary>
/// Reads the guide of a published implementation. Public information: anyone may read it, nothing is
/// audited. Unknown or unpublished codes (and malformed ones) are simply not found.
/// </summary>
public sealed class ShowGuideHandler(TongbanDbContext db, IOrganisationDirectory organisation)
{
    public async Task<Result<Guide>> HandleAsync(string implementationCode, CancellationToken cancellationToken)
    {
        if (!ImplementationCode.Parse(implementationCode).TryGet(out var code, out _))
        {
            return CatalogAccess.ImplementationNotFound;
        }

        // The search row names the current published version (it is rewritten at every publish).
        var entry = await db.Set<CatalogSearchEntry>().AsNoTracking().FirstOrDefaultAsync(e => e.Code == code, cancellationToken);
        if (entry is null)
        {
            return CatalogAccess.ImplementationNotFound;
        }

        var version = await db.Set<ImplementationVersion>().AsNoTracking()
            .FirstAsync(v => v.ImplementationId == entry.ImplementationId && v.Number == entry.VersionNumber, cancellationToken);
        var legalBasis = await db.Set<CatalogItem>().Where(i => i.Code == entry.BasicCode).Select(i => i.LegalBasis).FirstAsync(cancellationToken);
        var region = await organisation.FindRegionAsync(entry.RegionCode, cancellationToken);
        return new Guide(
            entry.BasicCode, entry.Code, version.Number, version.PublishedAt, entry.ItemType, legalBasis,
            entry.DepartmentName, entry.RegionCode, region?.Name ?? entry.RegionCode.Value, version.Content);
    }
}
