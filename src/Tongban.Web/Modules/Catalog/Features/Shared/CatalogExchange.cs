using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Catalog;
using Tongban.Domain.Catalog.Transfer;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Catalog.Features.Shared;

/// <summary>An implementation as the exchange format carries it: its latest published version if it has one, otherwise its draft.</summary>
internal sealed record ExchangedImplementation(Implementation Implementation, DocumentStatus Status, string ContentJson)
{
    public ImplementationContent Content => CatalogJson.Deserialize(ContentJson);
}

/// <summary>What export writes and import compares against: the same view of an implementation both ways.</summary>
internal static class CatalogExchange
{
    /// <summary>The implementations of <paramref name="implementations"/> (tracked or not, as the query says), in code order.</summary>
    public static async Task<List<ExchangedImplementation>> LoadAsync(TongbanDbContext db, IQueryable<Implementation> implementations, CancellationToken cancellationToken)
    {
        var loaded = await implementations.ToListAsync(cancellationToken);
        var published = await db.Set<ImplementationVersion>().AsNoTracking()
            .Where(v => implementations.Any(i => i.Id == v.ImplementationId && i.PublishedVersion == v.Number))
            .Select(v => new { v.ImplementationId, v.ContentJson })
            .ToDictionaryAsync(v => v.ImplementationId, v => v.ContentJson, cancellationToken);
        return [.. loaded
            .OrderBy(i => i.Code.Value, StringComparer.Ordinal)
            .Select(i => published.TryGetValue(i.Id, out var json)
                ? new ExchangedImplementation(i, DocumentStatus.Published, json)
                : new ExchangedImplementation(i, DocumentStatus.Draft, i.DraftJson))];
    }
}

/// <summary>The two exchange forms: the whole catalog as <c>tongban-catalog/1</c> JSON, or the spreadsheet of implementations.</summary>
public enum CatalogFileFormat
{
    Json,
    Csv,
}

public static class CatalogFileFormats
{
    /// <summary>"json" (also when nothing is said) or "csv", in any case; null for anything else.</summary>
    public static CatalogFileFormat? Parse(string? text) => text?.ToUpperInvariant() switch
    {
        null or "" or "JSON" => CatalogFileFormat.Json,
        "CSV" => CatalogFileFormat.Csv,
        _ => null,
    };
}
