using System.Text.Json;
using Tongban.Domain.Primitives;

namespace Tongban.Domain.Catalog.Bundles;

/// <summary>A member as written in a bundle document: its implementation by 实施编码.</summary>
/// <param name="AtLeadWindow">true when the bundle is accepted once, at the lead department's window (written on each member so a bundle case's definition keeps it).</param>
public sealed record BundleMemberDocument(string Key, string Implementation, IReadOnlyList<string>? After = null, IReadOnlyList<DataFlow>? Flows = null, bool? AtLeadWindow = null);

/// <summary>
/// A bundle as data (the demo file, an import, the definition a bundle case keeps): the lead department
/// by its 统一社会信用代码, members by 实施编码. <see cref="Acceptance"/> <c>single</c>: accepted once at the
/// lead department's window (三窗合一); absent: each member at its own intake.
/// </summary>
public sealed record BundleDocument(
    string Code, string Name, string? LifeEvent, string? Description, string LeadDepartment, TimeLimit PromisedLimit,
    BundleDelivery Delivery, IReadOnlyList<BundleMemberDocument> Members, BundleAcceptance? Acceptance = null);

/// <summary>A file of bundle documents (<c>tongban-bundles/1</c>).</summary>
public sealed record BundleFile(string Format, IReadOnlyList<BundleDocument> Bundles)
{
    public const string CurrentFormat = "tongban-bundles/1";
}

/// <summary>The one JSON shape of bundles, in the catalog's JSON conventions.</summary>
public static class BundleJson
{
    public static BundleFile ReadFile(string json) =>
        JsonSerializer.Deserialize<BundleFile>(json, CatalogJson.Options) ?? throw new JsonException("empty bundle file");

    public static string WriteMembers(IReadOnlyList<BundleMember> members) =>
        JsonSerializer.Serialize(members.Select(Document).ToList(), CatalogJson.Options);

    public static IReadOnlyList<BundleMember> ReadMembers(string json) =>
        [.. (JsonSerializer.Deserialize<List<BundleMemberDocument>>(json, CatalogJson.Options) ?? [])
            .Select(m => new BundleMember(m.Key, ImplementationCode.FromTrusted(m.Implementation), m.After ?? [], m.Flows ?? []) { AtLeadWindow = m.AtLeadWindow == true })];

    public static string WriteLimit(TimeLimit limit) => JsonSerializer.Serialize(limit, CatalogJson.Options);

    public static TimeLimit ReadLimit(string json) => JsonSerializer.Deserialize<TimeLimit>(json, CatalogJson.Options) ?? throw new JsonException("empty limit");

    /// <summary>A document's members, each implementation code checked (<c>implementation-code.*</c> names the member).</summary>
    public static Result<IReadOnlyList<BundleMember>> MembersOf(BundleDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var members = new List<BundleMember>();
        foreach (var m in document.Members ?? [])
        {
            if (!ImplementationCode.Parse(m.Implementation).TryGet(out var code, out var error))
            {
                return error with { Field = "members" };
            }

            members.Add(new BundleMember(m.Key, code, m.After ?? [], m.Flows ?? []) { AtLeadWindow = document.Acceptance == BundleAcceptance.Single || m.AtLeadWindow == true });
        }

        return members;
    }

    private static BundleMemberDocument Document(BundleMember m) => new(m.Key, m.Implementation.Value, m.After, m.Flows, m.AtLeadWindow ? true : null);
}
