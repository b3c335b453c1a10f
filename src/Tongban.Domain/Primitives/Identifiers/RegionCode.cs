namespace Tongban.Domain.Primitives;

public enum RegionLevel
{
    Province,
    City,
    County,
    Township,
    Village,
}

/// <summary>
/// 行政区划代码 (GB/T 2260 plus township and village): 12 digits, 2 province + 2 city + 2 county +
/// 3 township + 3 village; a zero part means "this level and below are not specified".
/// <c>default(RegionCode)</c> is not a valid code; obtain one from <see cref="Parse"/>.
/// </summary>
public readonly record struct RegionCode
{
    public const int Length = 12;

    /// <summary>Digits that identify a code at each <see cref="RegionLevel"/>, in enum order.</summary>
    private static readonly int[] PrefixLengths = [2, 4, 6, 9, 12];

    private RegionCode(string value, RegionLevel level)
    {
        Value = value;
        Level = level;
    }

    /// <summary>The canonical 12 digits.</summary>
    public string Value { get; }

    public RegionLevel Level { get; }

    public string Province => Value[..2];

    public string City => Value.Substring(2, 2);

    public string County => Value.Substring(4, 2);

    public string Township => Value.Substring(6, 3);

    public string Village => Value.Substring(9, 3);

    /// <summary>
    /// The digits that name the region at its level (the code without the trailing zero parts of the
    /// levels below it): every region inside it, and only those, has a code starting with them.
    /// </summary>
    public string SignificantPrefix => Value[..PrefixLengths[(int)Level]];

    /// <summary>The region one level up; null for a province.</summary>
    public RegionCode? Parent => Level == RegionLevel.Province ? null : Truncate(Level - 1);

    /// <summary>
    /// Rebuilds a value the platform stored or issued itself (database rows, claims). It is checked
    /// again; failure means corrupted data, so it throws rather than returning an error.
    /// </summary>
    public static RegionCode FromTrusted(string value) =>
        Parse(value) is { IsSuccess: true } parsed
            ? parsed.Value
            : throw new FormatException($"Stored RegionCode is not valid: {Masking.MaskIdNumber(value)}");

    /// <summary>Accepts the 12-digit code or the 6-digit GB/T 2260 county-and-above code.</summary>
    public static Result<RegionCode> Parse(string? input)
    {
        if (IdentifierText.Normalise(input) is not { } text)
        {
            return new Invalid("region.required");
        }

        if (text.Length is not (6 or Length))
        {
            return new Invalid("region.length", text.Length);
        }

        if (!IdentifierText.IsDigits(text))
        {
            return new Invalid("region.charset");
        }

        text = text.PadRight(Length, '0');
        if (!IsProvince(text.AsSpan(0, 2)))
        {
            return new Invalid("region.province", text[..2]);
        }

        // The level is the last non-zero part; a non-zero part below a zero one names a child of nothing.
        var level = RegionLevel.Province;
        for (var next = RegionLevel.City; next <= RegionLevel.Village; next++)
        {
            var start = PrefixLengths[(int)next - 1];
            if (text.AsSpan(start, PrefixLengths[(int)next] - start).ContainsAnyExcept('0'))
            {
                if (level != next - 1)
                {
                    return new Invalid("region.hierarchy", text);
                }

                level = next;
            }
        }

        return new RegionCode(text, level);
    }

    /// <summary>True when <paramref name="other"/> is this region or lies within it.</summary>
    public bool Contains(RegionCode other) =>
        other.Value.StartsWith(SignificantPrefix, StringComparison.Ordinal);

    public override string ToString() => Value;

    /// <summary>GB/T 2260 province-level codes.</summary>
    internal static bool IsProvince(ReadOnlySpan<char> twoDigits) =>
        twoDigits.Length == 2 && IdentifierText.IsDigits(twoDigits) && IdentifierText.ToNumber(twoDigits) is
            (>= 11 and <= 15) or (>= 21 and <= 23) or (>= 31 and <= 37) or (>= 41 and <= 46)
            or (>= 50 and <= 54) or (>= 61 and <= 65) or 71 or 81 or 82;

    private RegionCode Truncate(RegionLevel level) =>
        new(Value[..PrefixLengths[(int)level]].PadRight(Length, '0'), level);
}
