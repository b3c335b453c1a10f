using System.Globalization;
using System.Text;

namespace Tongban.Domain.Catalog.Search;

/// <summary>
/// What people say (办执照, 上户口, 买房) mapped to the words item names use (营业执照, 户口登记,
/// 不动产). The curated list is Data/synonyms.txt, one <c>colloquial=standard</c> a line.
/// </summary>
public sealed class Synonyms
{
    private readonly IReadOnlyList<(string Colloquial, string Standard)> _pairs;

    private Synonyms(IReadOnlyList<(string Colloquial, string Standard)> pairs) => _pairs = pairs;

    /// <summary>The curated list embedded in the build.</summary>
    public static Synonyms Default { get; } = LoadEmbedded();

    public IReadOnlyList<(string Colloquial, string Standard)> Pairs => _pairs;

    /// <summary>
    /// Reads <c>colloquial=standard</c> lines; blank lines and lines starting with # are skipped. Both
    /// sides are normalised and must be one word each.
    /// </summary>
    /// <exception cref="FormatException">a line is not of that form (the file is build data, so this is a defect).</exception>
    public static Synonyms Parse(IEnumerable<string> lines)
    {
        var pairs = new List<(string, string)>();
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('=');
            var colloquial = parts.Length == 2 ? SearchText.Normalise(parts[0]) : "";
            var standard = parts.Length == 2 ? SearchText.Normalise(parts[1]) : "";
            if (colloquial.Length == 0 || standard.Length == 0 || colloquial.Contains(' ', StringComparison.Ordinal) || standard.Contains(' ', StringComparison.Ordinal))
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"synonyms line {number} is not 'colloquial=standard': {line}"));
            }

            if (!pairs.Contains((colloquial, standard)))
            {
                pairs.Add((colloquial, standard));
            }
        }

        return new Synonyms(pairs);
    }

    /// <summary>The standard terms for every colloquial phrase found in <paramref name="normalisedWord"/>.</summary>
    public IEnumerable<string> StandardTermsIn(string normalisedWord) =>
        _pairs.Where(p => normalisedWord.Contains(p.Colloquial, StringComparison.Ordinal))
            .Select(p => p.Standard)
            .Where(s => !string.Equals(s, normalisedWord, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal);

    private static Synonyms LoadEmbedded()
    {
        using var stream = typeof(Synonyms).Assembly.GetManifestResourceStream("Tongban.Search.synonyms.txt")
            ?? throw new InvalidOperationException("synonyms list missing from the build");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader.ReadToEnd().Split('\n'));
    }
}
