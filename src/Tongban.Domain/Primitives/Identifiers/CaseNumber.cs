using System.Globalization;

namespace Tongban.Domain.Primitives;

/// <summary>
/// 办件编号 (GB/T 39554.1), 43 characters: <see cref="ImplementationCode"/> (31) + acceptance date
/// yyyyMMdd + 4-digit serial of that day, 0001..9999.
/// <c>default(CaseNumber)</c> is not valid; obtain one from <see cref="Parse"/> or <see cref="Create"/>.
/// </summary>
public readonly record struct CaseNumber
{
    public const int Length = ImplementationCode.Length + 8 + 4;

    public const int MaxSerial = 9999;

    private CaseNumber(ImplementationCode implementation, DateOnly date, int serial)
    {
        Implementation = implementation;
        Date = date;
        Serial = serial;
        Value = string.Create(CultureInfo.InvariantCulture, $"{implementation.Value}{IdentifierText.ToCompactDate(date)}{serial:D4}");
    }

    public string Value { get; }

    public ImplementationCode Implementation { get; }

    public DateOnly Date { get; }

    public int Serial { get; }

    /// <summary>Fails with case-number.serial when the day's serials are used up (or the serial is not positive).</summary>
    public static Result<CaseNumber> Create(ImplementationCode implementation, DateOnly date, int serial) =>
        serial is < 1 or > MaxSerial
            ? new Invalid("case-number.serial", serial)
            : new CaseNumber(implementation, date, serial);

    /// <summary>
    /// Rebuilds a value the platform stored or issued itself (database rows, claims). It is checked
    /// again; failure means corrupted data, so it throws rather than returning an error.
    /// </summary>
    public static CaseNumber FromTrusted(string value) =>
        Parse(value) is { IsSuccess: true } parsed
            ? parsed.Value
            : throw new FormatException($"Stored CaseNumber is not valid: {value}");

    /// <summary>Errors in the embedded implementation code keep their own codes.</summary>
    public static Result<CaseNumber> Parse(string? input)
    {
        if (IdentifierText.Normalise(input) is not { } text)
        {
            return new Invalid("case-number.required");
        }

        if (text.Length != Length)
        {
            return new Invalid("case-number.length", text.Length);
        }

        if (!ImplementationCode.Parse(text[..ImplementationCode.Length]).TryGet(out var implementation, out var error))
        {
            return error;
        }

        var dateText = text.Substring(ImplementationCode.Length, 8);
        if (!IdentifierText.IsDigits(dateText) || !IdentifierText.TryParseCompactDate(dateText, out var date))
        {
            return new Invalid("case-number.date", dateText);
        }

        var serialText = text[^4..];
        if (!IdentifierText.IsDigits(serialText))
        {
            return new Invalid("case-number.serial", serialText);
        }

        return Create(implementation, date, IdentifierText.ToNumber(serialText));
    }

    public override string ToString() => Value;
}
