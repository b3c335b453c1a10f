using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives;
using Tongban.Modules.Catalog.Persistence;
using Tongban.Platform;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Catalog.Features.Shared;

/// <summary>The reviewer who publishes: the account id the domain rules compare, and the name people read in the history.</summary>
public sealed record Reviewer(string Id, string Name);

/// <summary>
/// Publishing a submitted implementation, for every path that publishes (审核, import): the domain
/// freezes the draft as the next version (the reviewer may not be the submitter), and here the version
/// is stored with the reviewer's name and the implementation's search row is written. The caller
/// audits and saves.
/// </summary>
public sealed class ImplementationPublisher(TongbanDbContext db, CityClock clock)
{
    public async Task<Result<ImplementationVersion>> PublishAsync(Implementation implementation, ItemType itemType, string departmentName, Reviewer reviewer, CancellationToken cancellationToken)
    {
        var published = implementation.Publish(reviewer.Id, clock.UtcNow);
        if (!published.IsSuccess)
        {
            return published.Error;
        }

        var version = published.Value;
        db.Add(version).Property(ImplementationVersionConfiguration.PublishedByName).CurrentValue = reviewer.Name;
        var entry = SearchIndex.EntryFor(implementation, version, itemType, departmentName);
        var existing = await db.Set<CatalogSearchEntry>().FirstOrDefaultAsync(e => e.ImplementationId == implementation.Id, cancellationToken);
        if (existing is null)
        {
            db.Add(entry);
        }
        else
        {
            db.Entry(existing).CurrentValues.SetValues(entry);
        }

        return version;
    }
}
