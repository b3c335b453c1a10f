using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives;
using Tongban.Modules.Catalog.Features.Shared;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Catalog.Features.EditDraft;

/// <summary>Saves a new draft of the elements; the version the editor saw guards against lost updates.</summary>
public sealed class EditDraftHandler(TongbanDbContext db, CatalogAccess access, AuditTrail audit)
{
    /// <summary>Applies <paramref name="change"/> to the draft as stored: the scalar elements, one material, one situation ...</summary>
    public async Task<Result<Implementation>> HandleAsync(Guid implementationId, Func<ImplementationContent, ImplementationContent> change, int expectedVersion, CancellationToken cancellationToken)
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

        var before = implementation.Draft;
        var content = change(before);
        var changes = ContentDiff.Between(before, content);
        if (changes.Count == 0 && implementation.Status != ImplementationStatus.Submitted)
        {
            // Saving what is already there neither reopens a published item nor writes an audit record.
            return implementation;
        }

        var edited = implementation.Edit(content);
        if (!edited.IsSuccess)
        {
            return edited.Error;
        }

        audit.Record("catalog.draft-edit", nameof(Implementation), implementation.Code.Value,
            before: changes.Select(c => new { c.Path, c.Before }),
            after: changes.Select(c => new { c.Path, c.After }));
        await db.SaveChangesAsync(cancellationToken);
        return implementation;
    }
}
