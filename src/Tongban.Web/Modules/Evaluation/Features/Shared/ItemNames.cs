using Tongban.Domain.Primitives;
using Tongban.Modules.Catalog;

namespace Tongban.Modules.Evaluation.Features.Shared;

/// <summary>The published item names of the implementation codes a rating's scope carries, in one catalog read.</summary>
public static class ItemNames
{
    public static async Task<IReadOnlyDictionary<string, string>> ItemNamesAsync(this ICatalog catalog, IEnumerable<string> codes, CancellationToken cancellationToken)
    {
        var parsed = codes.Distinct(StringComparer.Ordinal)
            .Select(c => ImplementationCode.Parse(c).TryGet(out var code, out _) ? code : (ImplementationCode?)null)
            .OfType<ImplementationCode>().ToList();
        return (await catalog.NamesOfAsync(parsed, cancellationToken)).ToDictionary(n => n.Key.Value, n => n.Value, StringComparer.Ordinal);
    }
}
