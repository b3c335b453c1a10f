using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives;
using Tongban.Modules.Catalog.Features.Shared;
using Tongban.Modules.Catalog.Persistence;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Catalog.Features.VersionHistory;

public sealed record VersionEntry(int Number, DateTimeOffset PublishedAt, string PublishedBy);

/// <summary>The published versions of an implementation, newest first, and the difference between any two of them or the draft.</summary>
public sealed class VersionHistoryHandler(TongbanDbContext db, CatalogAccess access)
{
    public async Task<Result<IReadOnlyList<VersionEntry>>> VersionsAsync(Guid implementationId, CancellationToken cancellationToken)
    {
        if (await FindAsync(implementationId, cancellationToken) is null)
        {
            return CatalogAccess.ImplementationNotFound;
        }

        return await db.Set<ImplementationVersion>().AsNoTracking()
            .Where(v => v.ImplementationId == implementationId)
            .OrderByDescending(v => v.Number)
            .Select(v => new VersionEntry(v.Number, v.PublishedAt, EF.Property<string?>(v, ImplementationVersionConfiguration.PublishedByName) ?? v.PublishedBy))
            .ToListAsync(cancellationToken);
    }

    /// <param name="from">A version number, or null for the current draft.</param>
    /// <param name="to">A version number, or null for the current draft.</param>
    public async Task<Result<IReadOnlyList<ElementChange>>> CompareAsync(Guid implementationId, int? from, int? to, CancellationToken cancellationToken)
    {
        if (await FindAsync(implementationId, cancellationToken) is not { } implementation)
        {
            return CatalogAccess.ImplementationNotFound;
        }

        if (!(await ContentAsync(implementation, from, cancellationToken)).TryGet(out var before, out var error)
            || !(await ContentAsync(implementation, to, cancellationToken)).TryGet(out var after, out error))
        {
            return error;
        }

        return Result<IReadOnlyList<ElementChange>>.Success(ContentDiff.Between(before, after));
    }

    private async Task<Result<ImplementationContent>> ContentAsync(Implementation implementation, int? number, CancellationToken cancellationToken)
    {
        if (number is null)
        {
            return implementation.Draft;
        }

        var json = await db.Set<ImplementationVersion>().AsNoTracking()
            .Where(v => v.ImplementationId == implementation.Id && v.Number == number)
            .Select(v => v.ContentJson)
            .FirstOrDefaultAsync(cancellationToken);
        return json is null ? new NotFound("catalog.version-not-found", number) : CatalogJson.Deserialize(json);
    }

    private async Task<Implementation?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Set<Implementation>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken) is { } implementation && access.CanSee(implementation)
            ? implementation
            : null;
}
