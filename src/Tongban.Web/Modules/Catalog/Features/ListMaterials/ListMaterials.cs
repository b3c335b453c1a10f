using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives;
using Tongban.Modules.Catalog.Features.Shared;

namespace Tongban.Modules.Catalog.Features.ListMaterials;

/// <summary>The exact materials for the applicant's situation answers, from the current published version.</summary>
public sealed record MaterialListResult(ImplementationCode ImplementationCode, int Version, IReadOnlyList<MaterialRequirement> Materials);

/// <summary>
/// 材料清单: answers to the 办理情形 questions (situation key → answer key) in, the materials to
/// bring out (<see cref="MaterialList.For"/>). Public information: anonymous, not audited.
/// </summary>
public sealed class ListMaterialsHandler(ICatalog catalog)
{
    public async Task<Result<MaterialListResult>> HandleAsync(string implementationCode, IReadOnlyDictionary<string, string> answers, CancellationToken cancellationToken)
    {
        if (!ImplementationCode.Parse(implementationCode).TryGet(out var code, out _)
            || await catalog.FindPublishedAsync(code, null, cancellationToken) is not { } published)
        {
            return CatalogAccess.ImplementationNotFound;
        }

        return MaterialList.For(published.Content, answers).Map(materials => new MaterialListResult(published.Code, published.Version, materials));
    }
}
