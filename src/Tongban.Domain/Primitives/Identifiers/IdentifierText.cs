using System.Globalization;

namespace Tongban.Domain.Primitives;

/// <summary>Text handling shared by the identifier parsers, so they all normalise and read dates alike.</summary>
internal static class IdentifierText
{
    /// <summary>
    /// Trims and upper-cases the input; null when nothing is left. People paste codes with stray
    /// spaces and type lower-case letters, neither of which changes which code they mean.
    /// </summary>
    public static string? Normalise(string? input) =>
        string.IsNullOrWhiteSpace(input) ? null : input.Trim().ToUpperInvariant();

    public static bool IsDigits(ReadOnlySpan<char> text) => !text.ContainsAnyExceptInRange('0', '9');

    public static bool IsUpperAlphanumeric(char c) => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c);

    /// <summary>Reads digits already checked by <see cref="IsDigits"/>.</summary>
    public static int ToNumber(ReadOnlySpan<char> digits) =>
        int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>Reads yyyyMMdd; false unless it is a real calendar date.</summary>
    public static bool TryParseCompactDate(ReadOnlySpan<char> text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static string ToCompactDate(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>ISO form for messages and API output: culture-dependent date formats would vary by server.</summary>
    public static string ToIsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
