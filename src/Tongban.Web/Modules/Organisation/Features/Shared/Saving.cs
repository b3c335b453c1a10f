using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Primitives;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Organisation.Features.Shared;

internal static class Saving
{
    /// <summary>
    /// Saves the unit of work; when someone else saved the same aggregate first (its version moved),
    /// answers <paramref name="stale"/> instead: neither the change nor its audit entry is stored.
    /// </summary>
    public static async Task<Result> SaveUnlessStaleAsync(this TongbanDbContext db, Error stale, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Result.Success;
        }
        catch (DbUpdateConcurrencyException)
        {
            return stale;
        }
    }
}
