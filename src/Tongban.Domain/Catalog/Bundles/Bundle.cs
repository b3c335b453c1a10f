using Tongban.Domain.Primitives;
using Tongban.Domain.Primitives.Calendar;

namespace Tongban.Domain.Catalog.Bundles;

/// <summary>When a bundle's results reach the applicant: all together, or each as it is ready.</summary>
public enum BundleDelivery
{
    Together,
    AsReady,
}

/// <summary>
/// How a bundle is accepted: each member at its own intake (<see cref="PerMember"/>), or once for all at the
/// lead department's window (<see cref="Single"/>, 一窗受理 / 不动产登记“三窗合一”): one decision recorded on
/// every member, on behalf of each department, after which the departments work their members in parallel.
/// </summary>
public enum BundleAcceptance
{
    PerMember,
    Single,
}

/// <summary>
/// Data that flows from a finished member into a dependant's application. <see cref="Source"/> names
/// what the predecessor produced: <c>case.number</c> (its 办件编号), <c>licence.identifier</c> (the
/// identifier of the e-licence it issued) or <c>licence:&lt;key&gt;</c> (a field of that licence).
/// <see cref="Target"/> is a form field key of the dependant, or <c>material:&lt;key&gt;</c>: the issued
/// licence satisfies that material (免提交), so the applicant is never asked for it.
/// </summary>
public sealed record DataFlow(string From, string Source, string Target)
{
    public const string CaseNumber = "case.number";
    public const string LicenceIdentifier = "licence.identifier";
    public const string LicenceFieldPrefix = "licence:";
    public const string MaterialPrefix = "material:";

    public bool IsValidSource => Source is CaseNumber or LicenceIdentifier
        || (Source.StartsWith(LicenceFieldPrefix, StringComparison.Ordinal) && Source.Length > LicenceFieldPrefix.Length);

    /// <summary>The material the flow satisfies, when its target is one.</summary>
    public string? MaterialKey => Target.StartsWith(MaterialPrefix, StringComparison.Ordinal) ? Target[MaterialPrefix.Length..] : null;

    /// <summary>The form field the flow fills, when its target is one.</summary>
    public string? FieldKey => MaterialKey is null ? Target : null;
}

/// <summary>
/// One member item of a bundle: its implementation, the members whose results it waits for
/// (<see cref="After"/>; none means it starts at submission, in parallel with the others) and the data
/// that flows into its application from them.
/// </summary>
public sealed record BundleMember(string Key, ImplementationCode Implementation, IReadOnlyList<string> After, IReadOnlyList<DataFlow> Flows)
{
    public BundleMember(string key, ImplementationCode implementation)
        : this(key, implementation, [], [])
    {
    }

    /// <summary>Accepted at the lead department's window together with the bundle's other members (<see cref="BundleAcceptance.Single"/>).</summary>
    public bool AtLeadWindow { get; init; }
}

/// <summary>
/// 一件事: several items done as one life event, defined as data. The member graph is checked once,
/// when the bundle is defined (<see cref="Define"/>): keys unique, waits only on members of the bundle,
/// no cycle, data flowing only from members the receiver waits for (directly or through others).
/// </summary>
public sealed class Bundle : IVersioned
{
    public const int MinMembers = 2;
    public const int MaxMembers = 20;

    private Bundle()
    {
    }

    public Guid Id { get; private init; }
    public BundleCode Code { get; private init; }
    public string Name { get; private set; } = "";
    public string Description { get; private set; } = "";

    /// <summary>The life event the portal lists it under (出生, 开办企业, 身后 ...).</summary>
    public string LifeEvent { get; private set; } = "";

    /// <summary>The lead department (牵头部门): it answers for the bundle's limit and its one notice.</summary>
    public Guid LeadDepartmentId { get; private set; }

    /// <summary>The bundle-level promised limit, counted from acceptance of the bundle.</summary>
    public TimeLimit PromisedLimit { get; private set; } = new(1, TimeLimitUnit.WorkingDays);

    public BundleDelivery Delivery { get; private set; }
    public IReadOnlyList<BundleMember> Members { get; private set; } = [];

    /// <summary>One acceptance for the whole bundle when every member is accepted at the lead department's window.</summary>
    public BundleAcceptance Acceptance => Members.Count > 0 && Members.All(m => m.AtLeadWindow) ? BundleAcceptance.Single : BundleAcceptance.PerMember;
    public int Version { get; set; }

    public static Result<Bundle> Define(BundleCode code, string? name, string? lifeEvent, Guid leadDepartmentId, TimeLimit promisedLimit,
        BundleDelivery delivery, IReadOnlyList<BundleMember> members, string? description = null)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return new Invalid("bundle.name-required") { Field = "name" };
        }

        if (leadDepartmentId == Guid.Empty)
        {
            return new Invalid("bundle.lead-required") { Field = "leadDepartmentId" };
        }

        if (promisedLimit.Amount <= 0)
        {
            return new Invalid("bundle.limit-positive") { Field = "promisedLimit" };
        }

        if (CheckMembers(members) is { IsSuccess: false } broken)
        {
            return broken.Error!;
        }

        return new Bundle
        {
            Id = Guid.NewGuid(),
            Code = code,
            Name = name.Trim(),
            Description = description?.Trim() ?? "",
            LifeEvent = lifeEvent?.Trim() ?? "",
            LeadDepartmentId = leadDepartmentId,
            PromisedLimit = promisedLimit,
            Delivery = delivery,
            Members = [.. members],
        };
    }

    public BundleMember? Member(string key) => Members.FirstOrDefault(m => m.Key == key);

    /// <summary>The members that start at submission: those that wait for nobody.</summary>
    public IEnumerable<BundleMember> Starting => Members.Where(m => m.After.Count == 0);

    /// <summary>Every member <paramref name="key"/> waits for, directly or through others.</summary>
    public IReadOnlySet<string> PredecessorsOf(string key) => Waits.PredecessorsOf(Graph(Members), key);

    /// <summary>Each member's key with the keys it waits for.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> WaitGraph => Graph(Members);

    private static Result CheckMembers(IReadOnlyList<BundleMember> members)
    {
        if (members.Count is < MinMembers or > MaxMembers)
        {
            return new Invalid("bundle.members-count", MinMembers, MaxMembers) { Field = "members" };
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in members)
        {
            if (string.IsNullOrWhiteSpace(member.Key) || !keys.Add(member.Key))
            {
                return new Invalid("bundle.member-key", member.Key) { Field = "members" };
            }
        }

        foreach (var member in members)
        {
            if (member.After.FirstOrDefault(a => !keys.Contains(a) || a == member.Key) is { } unknown)
            {
                return new Invalid("bundle.member-after-unknown", member.Key, unknown) { Field = "members" };
            }
        }

        // One acceptance covers the members that start at submission: all of them, and none waits for another.
        if (members.Any(m => m.AtLeadWindow) && members.FirstOrDefault(m => !m.AtLeadWindow || m.After.Count > 0) is { } apart)
        {
            return new Invalid("bundle.single-acceptance-parallel", apart.Key) { Field = "acceptance" };
        }

        var graph = Graph(members);
        foreach (var member in members)
        {
            var before = Waits.PredecessorsOf(graph, member.Key);
            if (before.Contains(member.Key))
            {
                return new Invalid("bundle.member-cycle", member.Key) { Field = "members" };
            }

            foreach (var flow in member.Flows)
            {
                if (!before.Contains(flow.From))
                {
                    return new Invalid("bundle.flow-not-after", member.Key, flow.From) { Field = "members" };
                }

                if (!flow.IsValidSource || string.IsNullOrWhiteSpace(flow.Target) || flow.MaterialKey is "")
                {
                    return new Invalid("bundle.flow-shape", member.Key, flow.Source, flow.Target) { Field = "members" };
                }
            }
        }

        return Result.Success;
    }

    private static Dictionary<string, IReadOnlyList<string>> Graph(IReadOnlyList<BundleMember> members) =>
        members.ToDictionary(m => m.Key, m => m.After, StringComparer.Ordinal);
}
