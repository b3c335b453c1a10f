using Tongban.Domain.Primitives;
using Tongban.Modules.Organisation;

namespace Tongban.Modules.Catalog.Features.Shared;

/// <summary>Region names for report rows, asked of the organisation directory once per region.</summary>
internal static class RegionNames
{
    public static async Task<IReadOnlyDictionary<RegionCode, string>> OfAsync(IOrganisationDirectory organisation, IEnumerable<RegionCode> regions, CancellationToken cancellationToken)
    {
        var names = new Dictionary<RegionCode, string>();
        foreach (var region in regions.Distinct())
        {
            names[region] = (await organisation.FindRegionAsync(region, cancellationToken))?.Name ?? region.Value;
        }

        return names;
    }
}
