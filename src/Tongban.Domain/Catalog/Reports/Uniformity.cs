using Tongban.Domain.Primitives;

namespace Tongban.Domain.Catalog.Reports;

/// <summary>One implementation of a basic item as the uniformity comparison sees it: where, and its published content.</summary>
public sealed record UniformityEntry(ImplementationCode Implementation, RegionCode Region, ImplementationContent Content);

/// <summary>What a region's value was compared against.</summary>
public enum ReferenceBasis
{
    /// <summary>The implementation exercised at city level (or above): the standard the counties follow.</summary>
    MunicipalImplementation,

    /// <summary>No city-level implementation: the value most implementations share.</summary>
    Majority,

    /// <summary>No city-level implementation and no value shared by more implementations than any other.</summary>
    NoMajority,
}

/// <summary>One implementation whose element differs from the reference: its value and, for lists, what it adds or lacks.</summary>
public sealed record DivergentValue(ImplementationCode Implementation, RegionCode Region, string Value, string? Difference);

/// <summary>One element of one basic item that is not the same everywhere.</summary>
public sealed record Divergence(string Element, string ElementName, string? Reference, ReferenceBasis Basis, IReadOnlyList<DivergentValue> Differing);

/// <summary>
/// 六统一: every implementation of one basic item must share its name, code, type, basis, elements and
/// process. 事项编码, 事项类型 and 设定依据 live once on the <see cref="CatalogItem"/> that every
/// implementation references by its 基本编码, so they are uniform by construction; what each region
/// keeps in its own content, and can therefore drift, is compared here: the name, the statutory and
/// promised limits (amount and unit), the materials (name and necessity), the fee items with their
/// charging basis, and the process steps.
/// <para>
/// The reference is the city-level implementation's value when exactly one implementation is exercised
/// at city level or above (the city sets the standard its counties follow); otherwise the value most
/// implementations share. With neither, there is no reference and every implementation's value is listed.
/// </para>
/// </summary>
public static class Uniformity
{
    private const string Separator = "；";
    private const string Nothing = "（无）";

    private static readonly UniformElement[] Elements =
    [
        new(nameof(ImplementationContent.Name), c => [c.Name.Trim()], IsList: false),
        new(nameof(ImplementationContent.StatutoryLimit), c => [CatalogRules.Describe(c.StatutoryLimit)], IsList: false),
        new(nameof(ImplementationContent.PromisedLimit), c => [CatalogRules.Describe(c.PromisedLimit)], IsList: false),
        new(nameof(ImplementationContent.Materials), c => c.Materials.Select(m => $"{m.Name.Trim()}（{NecessityName(m.Necessity)}）"), IsList: true),
        new(nameof(ImplementationContent.Fees), c => c.Fees.Select(f => $"{f.Name.Trim()}：{f.Standard.Trim()}（依据：{f.Basis.Trim()}）"), IsList: true),
        new(nameof(ImplementationContent.Process), c => [string.Join(" → ", c.Process.Select(p => p.Name.Trim()))], IsList: false),
    ];

    /// <summary>The divergences among the implementations of one basic item, element by element, in a fixed element order.</summary>
    public static IReadOnlyList<Divergence> Compare(IReadOnlyList<UniformityEntry> implementations)
    {
        if (implementations.Count < 2)
        {
            return [];
        }

        var municipal = implementations.Where(i => i.Implementation.ExerciseLevel <= ExerciseLevel.Municipal).ToList();
        var divergences = new List<Divergence>();
        foreach (var element in Elements)
        {
            var values = implementations.Select(i => (Entry: i, Parts: element.Parts(i.Content))).ToList();
            if (values.Select(v => v.Parts.Text).Distinct(StringComparer.Ordinal).Count() == 1)
            {
                continue;
            }

            var (reference, basis) = municipal.Count == 1
                ? (element.Parts(municipal[0].Content), ReferenceBasis.MunicipalImplementation)
                : MostShared(values.Select(v => v.Parts));
            var differing = values
                .Where(v => reference is null || !string.Equals(v.Parts.Text, reference.Text, StringComparison.Ordinal))
                .Select(v => new DivergentValue(v.Entry.Implementation, v.Entry.Region, v.Parts.Text, element.IsList && reference is not null ? Difference(v.Parts, reference) : null))
                .ToList();
            divergences.Add(new Divergence(element.Key, ElementNames.Of(element.Key), reference?.Text, basis, differing));
        }

        return divergences;
    }

    private static (Parts? Reference, ReferenceBasis Basis) MostShared(IEnumerable<Parts> values)
    {
        var counted = values.GroupBy(v => v.Text, StringComparer.Ordinal)
            .Select(g => (Value: g.First(), Count: g.Count()))
            .OrderByDescending(g => g.Count)
            .ToList();
        return counted[0].Count > counted[1].Count ? (counted[0].Value, ReferenceBasis.Majority) : (null, ReferenceBasis.NoMajority);
    }

    /// <summary>For list elements: what the region has that the reference lacks, and the reverse.</summary>
    private static string Difference(Parts value, Parts reference)
    {
        var extra = value.Items.Except(reference.Items, StringComparer.Ordinal).ToList();
        var missing = reference.Items.Except(value.Items, StringComparer.Ordinal).ToList();
        return string.Join(Separator, new[]
        {
            extra.Count > 0 ? "多出：" + string.Join("、", extra) : null,
            missing.Count > 0 ? "缺少：" + string.Join("、", missing) : null,
        }.OfType<string>());
    }

    private static string NecessityName(MaterialNecessity necessity) => necessity switch
    {
        MaterialNecessity.Required => "必要",
        MaterialNecessity.Optional => "非必要",
    };

    /// <summary>An element's value as sorted parts (lists compare regardless of order) and as the text shown.</summary>
    private sealed record Parts(IReadOnlyList<string> Items)
    {
        public string Text { get; } = Items.Count == 0 || (Items.Count == 1 && Items[0].Length == 0) ? Nothing : string.Join(Separator, Items);
    }

    private sealed record UniformElement(string Key, Func<ImplementationContent, IEnumerable<string>> Values, bool IsList)
    {
        public Parts Parts(ImplementationContent content) => new([.. IsList ? Values(content).Order(StringComparer.Ordinal) : Values(content)]);
    }
}
