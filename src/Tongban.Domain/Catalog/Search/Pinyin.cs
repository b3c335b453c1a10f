using System.Collections.Frozen;
using System.Text;

namespace Tongban.Domain.Catalog.Search;

/// <summary>
/// Toneless pinyin and pinyin initials of Chinese text, from a table generated out of Unicode's
/// Unihan kMandarin readings (tools/generate-pinyin.sh). 机动车登记 → jidongchedengji / jdcdj.
/// Letters and digits pass through in lower case; other characters are dropped.
/// </summary>
public static class Pinyin
{
    private static readonly FrozenDictionary<char, string> Readings = Load();

    public static (string Full, string Initials) Of(string text)
    {
        var full = new StringBuilder(text.Length * 4);
        var initials = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (Readings.TryGetValue(c, out var reading))
            {
                full.Append(reading);
                initials.Append(reading[0]);
            }
            else if (char.IsAsciiLetterOrDigit(c))
            {
                var lower = char.ToLowerInvariant(c);
                full.Append(lower);
                initials.Append(lower);
            }
        }

        return (full.ToString(), initials.ToString());
    }

    private static FrozenDictionary<char, string> Load()
    {
        using var stream = typeof(Pinyin).Assembly.GetManifestResourceStream("Tongban.Search.pinyin.txt")
            ?? throw new InvalidOperationException("pinyin table missing from the build");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var readings = new Dictionary<char, string>(27000);
        while (reader.ReadLine() is { Length: > 1 } line)
        {
            readings[line[0]] = line[1..];
        }

        return readings.ToFrozenDictionary();
    }
}
