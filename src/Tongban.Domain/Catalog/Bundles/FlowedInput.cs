using Tongban.Domain.Primitives;

namespace Tongban.Domain.Catalog.Bundles;

/// <summary>What a finished member produced, as its dependants read it: its 办件编号 and, when it issued one, its e-licence.</summary>
public sealed record MemberResult(string CaseNumber, string? LicenceIdentifier, IReadOnlyDictionary<string, string?> LicenceData);

/// <summary>
/// What flows into a dependant's application: form values it is not asked for, and materials its
/// predecessors' licences satisfy (material key → licence identifier, used as a held licence, 免提交).
/// </summary>
public sealed record FlowedInput(IReadOnlyDictionary<string, string> FormValues, IReadOnlyDictionary<string, string> LicenceMaterials)
{
    /// <summary>The values the member's <see cref="DataFlow"/>s name, read from its predecessors' results.</summary>
    public static Result<FlowedInput> For(BundleMember member, IReadOnlyDictionary<string, MemberResult> results)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(results);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var materials = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var flow in member.Flows)
        {
            var value = results.TryGetValue(flow.From, out var result) ? ValueOf(flow, result) : null;
            if (string.IsNullOrWhiteSpace(value))
            {
                return new Conflict("bundle.flow-value-missing", member.Key, flow.From, flow.Source);
            }

            if (flow.MaterialKey is { } material)
            {
                materials[material] = value;
            }
            else
            {
                values[flow.Target] = value;
            }
        }

        return new FlowedInput(values, materials);
    }

    private static string? ValueOf(DataFlow flow, MemberResult result) => flow.Source switch
    {
        DataFlow.CaseNumber => result.CaseNumber,
        DataFlow.LicenceIdentifier => result.LicenceIdentifier,
        _ => result.LicenceData.GetValueOrDefault(flow.Source[DataFlow.LicenceFieldPrefix.Length..]),
    };
}
