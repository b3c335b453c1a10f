namespace Tongban.Domain.Primitives;

public enum Sex
{
    Male,
    Female,
}

/// <summary>
/// 公民身份号码 (GB 11643-1999): 6-digit area code, yyyyMMdd birth date, 3-digit sequence (odd =
/// male), check character. <c>default(IdNumber)</c> is not a valid number; obtain one from <see cref="Parse"/>.
/// </summary>
public readonly record struct IdNumber
{
    public const int Length = 18;

    private static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    private IdNumber(string value, DateOnly birthDate)
    {
        Value = value;
        BirthDate = birthDate;
    }

    /// <summary>The canonical 18 characters, check character upper-case.</summary>
    public string Value { get; }

    public DateOnly BirthDate { get; }

    /// <summary>Area code at first registration (6 digits); may be a code since retired from GB/T 2260.</summary>
    public string AreaCode => Value[..6];

    public int Sequence => IdentifierText.ToNumber(Value.AsSpan(14, 3));

    public Sex Sex => Sequence % 2 == 1 ? Sex.Male : Sex.Female;

    /// <summary>For display and logs: area code and last four stay, the birth date and the rest are hidden.</summary>
    public string Masked => Masking.MaskMiddle(Value, 6, 4);

    /// <summary>
    /// Rebuilds a value the platform stored or issued itself (database rows, claims). It is checked
    /// again; failure means corrupted data, so it throws rather than returning an error.
    /// </summary>
    public static IdNumber FromTrusted(string value) =>
        Parse(value, DateOnly.MaxValue) is { IsSuccess: true } parsed
            ? parsed.Value
            : throw new FormatException($"Stored IdNumber is not valid: {Masking.MaskIdNumber(value)}");

    /// <param name="today">The birth date may not be after this day (callers pass the clock's local date).</param>
    public static Result<IdNumber> Parse(string? input, DateOnly today)
    {
        if (IdentifierText.Normalise(input) is not { } text)
        {
            return new Invalid("id-number.required");
        }

        if (text.Length != Length)
        {
            return new Invalid("id-number.length", text.Length);
        }

        if (!IdentifierText.IsDigits(text.AsSpan(0, 17)) || !(char.IsAsciiDigit(text[17]) || text[17] == 'X'))
        {
            return new Invalid("id-number.charset");
        }

        // 91 is not a GB/T 2260 province but does begin valid numbers, so it is accepted here only.
        if (!RegionCode.IsProvince(text.AsSpan(0, 2)) && text[..2] != "91")
        {
            return new Invalid("id-number.area", text[..6]);
        }

        if (!IdentifierText.TryParseCompactDate(text.AsSpan(6, 8), out var birthDate))
        {
            return new Invalid("id-number.birth-date", text.Substring(6, 8));
        }

        if (birthDate < EarliestBirthDate)
        {
            return new Invalid("id-number.birth-date-too-early", IdentifierText.ToIsoDate(birthDate));
        }

        if (birthDate > today)
        {
            return new Invalid("id-number.birth-date-in-future", IdentifierText.ToIsoDate(birthDate));
        }

        var expected = ComputeCheck(text.AsSpan(0, 17));
        if (text[17] != expected)
        {
            return new Invalid("id-number.check", expected);
        }

        return new IdNumber(text, birthDate);
    }

    /// <summary>ISO 7064 MOD 11-2 check character for the first 17 digits.</summary>
    /// <exception cref="ArgumentException">The input is not 17 ASCII digits.</exception>
    public static char ComputeCheck(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17 || !IdentifierText.IsDigits(first17))
        {
            throw new ArgumentException("Expected 17 digits.", nameof(first17));
        }

        var sum = Checksum.WeightedSum(first17, Weights, static c => c - '0');
        return "10X98765432"[sum % 11];
    }

    public override string ToString() => Value;

    // wᵢ = 2^(17−i) mod 11, written out as the standard lists them.
    private static ReadOnlySpan<int> Weights => [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
}
