using System.Globalization;

namespace Tongban.Domain.Primitives;

/// <summary>
/// 一件事办件编号: <c>YJS</c> + the submission's city date yyyyMMdd + a 6-digit serial of that day, e.g.
/// <c>YJS20260302000001</c>. Each member keeps its own 43-character <see cref="CaseNumber"/>; this one
/// names the submission the applicant follows. <c>default(BundleCaseNumber)</c> is not valid.
/// </summary>
public readonly record struct BundleCaseNumber
{
    public const string Prefix = "YJS";
    public const int Length = 3 + 8 + 6;
    public const int MaxSerial = 999_999;

    private BundleCaseNumber(string value) => Value = value;

    public string Value { get; }

    public static Result<BundleCaseNumber> Create(DateOnly date, int serial) =>
        serial is < 1 or > MaxSerial
            ? new Invalid("bundle-case-number.serial", serial)
            : new BundleCaseNumber(string.Create(CultureInfo.InvariantCulture, $"{Prefix}{IdentifierText.ToCompactDate(date)}{serial:D6}"));

    public static BundleCaseNumber FromTrusted(string value) =>
        Parse(value) is { IsSuccess: true } parsed ? parsed.Value : throw new FormatException($"Stored BundleCaseNumber is not valid: {value}");

    public static Result<BundleCaseNumber> Parse(string? input)
    {
        if (IdentifierText.Normalise(input) is not { } text)
        {
            return new Invalid("bundle-case-number.required");
        }

        if (text.Length != Length || !text.StartsWith(Prefix, StringComparison.Ordinal) || !text[3..].All(char.IsAsciiDigit)
            || !DateOnly.TryParseExact(text[3..11], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            || text[11..] == "000000")
        {
            return new Invalid("bundle-case-number.shape", text);
        }

        return new BundleCaseNumber(text);
    }

    public override string ToString() => Value;
}
