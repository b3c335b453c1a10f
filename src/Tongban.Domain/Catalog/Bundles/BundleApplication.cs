using Tongban.Domain.Primitives;

namespace Tongban.Domain.Catalog.Bundles;

/// <summary>A form field the bundle asks once, and the members whose applications it fills.</summary>
public sealed record BundleField(FormField Field, IReadOnlyList<string> Members);

/// <summary>One member's material that a merged material stands for.</summary>
public sealed record BundleMaterialUse(string Member, string MaterialKey);

/// <summary>A material the bundle asks once: the strictest of its uses, with every use's ways to satisfy it.</summary>
public sealed record BundleMaterial(string Key, MaterialRequirement Requirement, IReadOnlyList<BundleMaterialUse> Uses);

/// <summary>A situation question the bundle asks once, and the members it concerns.</summary>
public sealed record BundleSituation(Situation Situation, IReadOnlyList<string> Members);

/// <summary>
/// What the applicant fills in for a bundle: one merged form (a field asked once even if three members
/// need it; filled by data flowing from a predecessor's result, it is not asked at all), one set of
/// situation questions, and one de-duplicated material list. Materials are the same when their names are
/// (ignoring spaces and the width of brackets), since each department keys its own; the merged one is
/// required when any use is, allows 容缺 only when every use does, and may be satisfied by any use's
/// exemption (免提交 applies across members). A material a predecessor's licence satisfies is not asked.
/// </summary>
public sealed class BundleApplication
{
    private BundleApplication(Bundle bundle, IReadOnlyDictionary<string, ImplementationContent> contents,
        IReadOnlyList<BundleField> fields, IReadOnlyList<BundleSituation> situations)
    {
        Bundle = bundle;
        Contents = contents;
        Fields = fields;
        Situations = situations;
    }

    public Bundle Bundle { get; }

    /// <summary>Each member's implementation content, by member key.</summary>
    public IReadOnlyDictionary<string, ImplementationContent> Contents { get; }

    public IReadOnlyList<BundleField> Fields { get; }
    public IReadOnlyList<BundleSituation> Situations { get; }

    /// <param name="contents">the published content of each member's implementation, by member key.</param>
    public static Result<BundleApplication> Merge(Bundle bundle, IReadOnlyDictionary<string, ImplementationContent> contents)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(contents);
        if (bundle.Members.FirstOrDefault(m => !contents.ContainsKey(m.Key)) is { } missing)
        {
            return new NotFound("bundle.member-not-published", missing.Key, missing.Implementation.Value);
        }

        var fields = new List<(FormField Field, List<string> Members)>();
        var situations = new List<(Situation Situation, List<string> Members)>();
        foreach (var member in bundle.Members)
        {
            var flowed = member.Flows.Select(f => f.FieldKey).OfType<string>().ToHashSet(StringComparer.Ordinal);
            foreach (var field in contents[member.Key].Form.Where(f => !flowed.Contains(f.Key)))
            {
                var index = fields.FindIndex(f => f.Field.Key == field.Key);
                if (index < 0)
                {
                    fields.Add((field, [member.Key]));
                    continue;
                }

                var (asked, users) = fields[index];
                if (asked.Type != field.Type)
                {
                    return new Invalid("bundle.form-field-conflict", field.Key, users[0], member.Key) { Field = field.Key };
                }

                fields[index] = (asked with { Required = asked.Required || field.Required, MaxLength = Min(asked.MaxLength, field.MaxLength) }, [.. users, member.Key]);
            }

            foreach (var situation in contents[member.Key].Situations)
            {
                var index = situations.FindIndex(s => s.Situation.Key == situation.Key);
                if (index < 0)
                {
                    situations.Add((situation, [member.Key]));
                    continue;
                }

                var (asked, users) = situations[index];
                if (!asked.Answers.Select(a => a.Key).SequenceEqual(situation.Answers.Select(a => a.Key), StringComparer.Ordinal))
                {
                    return new Invalid("bundle.situation-conflict", situation.Key, users[0], member.Key) { Field = situation.Key };
                }

                situations[index] = (asked, [.. users, member.Key]);
            }
        }

        return new BundleApplication(bundle, contents,
            [.. fields.Select(f => new BundleField(f.Field, f.Members))],
            [.. situations.Select(s => new BundleSituation(s.Situation, s.Members))]);
    }

    /// <summary>The merged materials for the situation answers given (situation key → answer key).</summary>
    public Result<IReadOnlyList<BundleMaterial>> MaterialsFor(IReadOnlyDictionary<string, string> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (answers.Keys.FirstOrDefault(k => Situations.All(s => s.Situation.Key != k)) is { } unknown)
        {
            return new Invalid("catalog.situation-unknown", unknown) { Field = unknown };
        }

        var merged = new List<(string Key, MaterialRequirement Requirement, List<BundleMaterialUse> Uses)>();
        foreach (var member in Bundle.Members)
        {
            var content = Contents[member.Key];
            var own = answers.Where(a => content.Situations.Any(s => s.Key == a.Key)).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
            if (!MaterialList.For(content, own).TryGet(out var materials, out var error))
            {
                return error;
            }

            var supplied = member.Flows.Select(f => f.MaterialKey).OfType<string>().ToHashSet(StringComparer.Ordinal);
            foreach (var material in materials.Where(m => !supplied.Contains(m.Key)))
            {
                var use = new BundleMaterialUse(member.Key, material.Key);
                var index = merged.FindIndex(m => SameName(m.Requirement.Name, material.Name));
                if (index < 0)
                {
                    var key = merged.Any(m => m.Key == material.Key) ? $"{member.Key}.{material.Key}" : material.Key;
                    merged.Add((key, material with { Key = key, Conditional = false }, [use]));
                    continue;
                }

                var (mergedKey, asked, uses) = merged[index];
                merged[index] = (mergedKey, Strictest(asked, material), [.. uses, use]);
            }
        }

        return Result<IReadOnlyList<BundleMaterial>>.Success([.. merged.Select(m => new BundleMaterial(m.Key, m.Requirement, m.Uses))]);
    }

    private static MaterialRequirement Strictest(MaterialRequirement asked, MaterialRequirement other) => asked with
    {
        Necessity = (MaterialNecessity)Math.Min((int)asked.Necessity, (int)other.Necessity),
        Copies = Math.Max(asked.Copies, other.Copies),
        DeficiencyAllowed = asked.DeficiencyAllowed && other.DeficiencyAllowed,
        Exemptions = [.. asked.Exemptions.Concat(other.Exemptions).Distinct()],
        AcceptanceCriteria = asked.AcceptanceCriteria.Length > 0 ? asked.AcceptanceCriteria : other.AcceptanceCriteria,
    };

    private static int? Min(int? a, int? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

    private static bool SameName(string a, string b) => string.Equals(NameKey(a), NameKey(b), StringComparison.Ordinal);

    /// <summary>What makes two materials the same across members: the name without spaces, brackets of either width alike.</summary>
    public static string NameKey(string name) =>
        string.Concat(name.Where(c => !char.IsWhiteSpace(c))).Replace('（', '(').Replace('）', ')');
}
