using Tongban.Modules.Organisation;

namespace Tongban.Modules.Catalog.Features.Shared;

/// <summary>The departments a catalog list mentions, asked of the organisation directory once per department.</summary>
internal static class DepartmentNames
{
    public static async Task<IReadOnlyDictionary<Guid, DepartmentSummary>> OfAsync(IOrganisationDirectory organisation, IEnumerable<Guid> departments, CancellationToken cancellationToken)
    {
        var found = new Dictionary<Guid, DepartmentSummary>();
        foreach (var id in departments.Distinct())
        {
            if (await organisation.FindDepartmentAsync(id, cancellationToken) is { } department)
            {
                found[id] = department;
            }
        }

        return found;
    }
}
