using System.Text;

namespace Tongban.Domain.Catalog.Search;

/// <summary>
/// Text made comparable for search: full-width forms folded (ＥＴＣ → etc), lower case, and every
/// run of punctuation or spaces turned into one space. Queries and indexed text go through the same
/// function, so "  营业执照，变更 " and "营业执照 变更" are the same query.
/// </summary>
public static class SearchText
{
    public static string Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        var gap = false;
        foreach (var rune in text.Normalize(NormalizationForm.FormKC).EnumerateRunes())
        {
            if (!Rune.IsLetterOrDigit(rune))
            {
                gap = true;
                continue;
            }

            if (gap && builder.Length > 0)
            {
                builder.Append(' ');
            }

            gap = false;
            builder.Append(Rune.ToLowerInvariant(rune).ToString());
        }

        return builder.ToString();
    }

    /// <summary>Letters a-z and digits only: typed as pinyin or pinyin initials (or a Latin keyword).</summary>
    public static bool IsLatin(string term) => term.Length > 0 && term.All(char.IsAsciiLetterOrDigit);
}
