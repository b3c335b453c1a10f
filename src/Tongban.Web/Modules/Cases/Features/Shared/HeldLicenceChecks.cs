using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using Tongban.Modules.Licences;

namespace Tongban.Modules.Cases.Features.Shared;

/// <summary>
/// What a clerk sees of each material a held licence satisfied: the licence as it stands today, its
/// signature checked. A licence that is gone (or whose record no longer verifies) shows as such.
/// </summary>
public sealed class HeldLicenceChecks(ILicences licences)
{
    public async Task<IReadOnlyDictionary<string, HeldLicence?>> OfAsync(Case c, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(c);
        var checks = new Dictionary<string, HeldLicence?>(StringComparer.Ordinal);
        foreach (var material in c.Materials.Where(m => m.Route == MaterialRoute.HeldLicence))
        {
            checks[material.Key] = LicenceIdentifier.Parse(material.LicenceId).TryGet(out var identifier, out _)
                ? await licences.FindAsync(identifier, cancellationToken)
                : null;
        }

        return checks;
    }
}
