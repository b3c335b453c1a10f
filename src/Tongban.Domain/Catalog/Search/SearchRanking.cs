namespace Tongban.Domain.Catalog.Search;

/// <summary>How well an item matches a query, best last: results are ordered by this, then by name.</summary>
public enum SearchMatch
{
    None,

    /// <summary>A keyword, life event, department or result name contains the word.</summary>
    Related,

    /// <summary>The name's pinyin contains the word, or its initials contain or abbreviate it.</summary>
    Pinyin,
    NameContains,
    NamePrefix,
    ExactName,
}

/// <summary>The searchable text of one item. <see cref="Key"/> breaks ties between equal names.</summary>
public sealed record SearchDocument(string Name, string Pinyin, string Initials, string Terms, string Key);

/// <summary>
/// Relevance: exact name > name prefix > name contains > pinyin or initials > keyword, life event or
/// department; equal matches in the order of the name's pinyin (音序), then by key. Every word of
/// the query must match; an item ranks by its weakest word.
/// </summary>
public static class SearchRanking
{
    /// <summary>Initials abbreviations (jdcdj for 机动车注册登记) need at least this many letters.</summary>
    public const int MinAbbreviationLength = 3;

    public static IReadOnlyList<T> Rank<T>(IEnumerable<T> candidates, SearchQuery query, Func<T, SearchDocument> document) =>
        [.. candidates
            .Select(c => (Item: c, Document: document(c)))
            .Select(c => (c.Item, c.Document, Match: Match(query, c.Document)))
            .Where(c => query.IsEmpty || c.Match != SearchMatch.None)
            .OrderByDescending(c => c.Match)
            .ThenBy(c => c.Document.Pinyin, StringComparer.Ordinal)
            .ThenBy(c => c.Document.Key, StringComparer.Ordinal)
            .Select(c => c.Item)];

    public static SearchMatch Match(SearchQuery query, SearchDocument document)
    {
        if (query.IsEmpty)
        {
            return SearchMatch.None;
        }

        var name = SearchText.Normalise(document.Name);
        var terms = SearchText.Normalise(document.Terms);
        var weakest = SearchMatch.ExactName;
        foreach (var term in query.Terms)
        {
            var best = term.Alternatives.Max(word => MatchWord(word, query.Terms.Count == 1, name, terms, document));
            if (best < weakest)
            {
                weakest = best;
            }
        }

        return weakest;
    }

    /// <summary>
    /// True when <paramref name="latin"/> starts the initials and its letters follow in order:
    /// jdcdj abbreviates jdczcdj (机动车注册登记).
    /// </summary>
    public static bool IsAbbreviation(string latin, string initials)
    {
        if (latin.Length < MinAbbreviationLength || initials.Length == 0 || initials[0] != latin[0])
        {
            return false;
        }

        var at = 0;
        foreach (var letter in latin)
        {
            at = initials.IndexOf(letter, at);
            if (at < 0)
            {
                return false;
            }

            at++;
        }

        return true;
    }

    private static SearchMatch MatchWord(string word, bool wholeQuery, string name, string terms, SearchDocument document)
    {
        if (wholeQuery && string.Equals(name, word, StringComparison.Ordinal))
        {
            return SearchMatch.ExactName;
        }

        if (name.StartsWith(word, StringComparison.Ordinal))
        {
            return SearchMatch.NamePrefix;
        }

        if (name.Contains(word, StringComparison.Ordinal))
        {
            return SearchMatch.NameContains;
        }

        if (SearchText.IsLatin(word)
            && (document.Pinyin.Contains(word, StringComparison.Ordinal)
                || document.Initials.Contains(word, StringComparison.Ordinal)
                || IsAbbreviation(word, document.Initials)))
        {
            return SearchMatch.Pinyin;
        }

        return terms.Contains(word, StringComparison.Ordinal) ? SearchMatch.Related : SearchMatch.None;
    }
}
