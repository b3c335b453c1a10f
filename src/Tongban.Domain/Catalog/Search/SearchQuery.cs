namespace Tongban.Domain.Catalog.Search;

/// <summary>
/// One word of a query with the other words it may be found by: itself first, then the standard
/// terms of any colloquial phrase in it (办执照 → 营业执照).
/// </summary>
public sealed record SearchTerm(string Text, IReadOnlyList<string> Alternatives);

/// <summary>
/// A parsed search: normalised words, each of which must be found (in the name, its pinyin or
/// initials, or the keywords, life events and department). Pinyin typed with spaces
/// ("ji dong che") is one word.
/// </summary>
public sealed class SearchQuery
{
    /// <summary>Longest query accepted, in characters.</summary>
    public const int MaxLength = 100;

    /// <summary>Words beyond this many are ignored.</summary>
    public const int MaxTerms = 5;

    private SearchQuery(string text, IReadOnlyList<SearchTerm> terms)
    {
        Text = text;
        Terms = terms;
    }

    public static SearchQuery Empty { get; } = new("", []);

    /// <summary>The normalised query.</summary>
    public string Text { get; }

    public IReadOnlyList<SearchTerm> Terms { get; }

    public bool IsEmpty => Terms.Count == 0;

    public static SearchQuery Parse(string? text, Synonyms synonyms)
    {
        var normalised = SearchText.Normalise(text);
        if (normalised.Length == 0)
        {
            return Empty;
        }

        var words = normalised.Split(' ');
        if (words.All(SearchText.IsLatin))
        {
            words = [string.Concat(words)];
        }

        var terms = words.Distinct(StringComparer.Ordinal).Take(MaxTerms)
            .Select(word => new SearchTerm(word, [word, .. synonyms.StandardTermsIn(word)]))
            .ToList();
        return new SearchQuery(normalised, terms);
    }
}
