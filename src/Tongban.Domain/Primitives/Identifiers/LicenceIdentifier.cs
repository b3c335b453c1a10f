using System.Globalization;

namespace Tongban.Domain.Primitives;

/// <summary>
/// 电子证照标识 (GB/T 36904): <c>1.2.156.3005.2.</c> type code <c>.</c> issuer USCC <c>.</c> serial
/// (1-20 digits) <c>.</c> 3-digit version <c>.</c> check character.
/// <para>
/// The check character is ISO/IEC 7064 MOD 37,36 (hybrid) over every character before it with the dots
/// left out, digits worth 0-9 and letters A-Z worth 10-35: p = 36; for each character
/// s = (p + value) mod 36, with 0 read as 36, and p = 2s mod 37; the check is (37 − p) mod 36 written
/// with the same 36 characters. It catches every single-character error and every swap of neighbours.
/// </para>
/// <c>default(LicenceIdentifier)</c> is not valid; obtain one from <see cref="Parse"/> or <see cref="Create"/>.
/// </summary>
public readonly record struct LicenceIdentifier
{
    public const string Prefix = "1.2.156.3005.2.";
    public const int MaxSerialDigits = 20;
    public const int MaxVersion = 999;
    public const int MaxLength = 15 + LicenceTypeCode.Length + 1 + Uscc.Length + 1 + MaxSerialDigits + 1 + 3 + 2;

    private const string Characters = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private LicenceIdentifier(LicenceTypeCode type, Uscc issuer, string serial, int version)
    {
        Type = type;
        Issuer = issuer;
        Serial = serial;
        Version = version;
        var body = string.Create(CultureInfo.InvariantCulture, $"{Prefix}{type.Value}.{issuer.Value}.{serial}.{version:D3}");
        Value = $"{body}.{ComputeCheck(body)}";
    }

    public string Value { get; }

    public LicenceTypeCode Type { get; }

    public Uscc Issuer { get; }

    /// <summary>证照流水号: the issuer's serial of this type, kept by every version of one licence.</summary>
    public string Serial { get; }

    /// <summary>版本号, 1 for the first issue; a re-issue after a change gets the next.</summary>
    public int Version { get; }

    public static Result<LicenceIdentifier> Create(LicenceTypeCode type, Uscc issuer, long serial, int version) =>
        serial < 1 ? new Invalid("licence-identifier.serial", serial)
        : version is < 1 or > MaxVersion ? new Invalid("licence-identifier.version", version)
        : new LicenceIdentifier(type, issuer, serial.ToString(CultureInfo.InvariantCulture), version);

    /// <summary>The next version of the same licence (same type, issuer and serial).</summary>
    public Result<LicenceIdentifier> NextVersion() =>
        Version >= MaxVersion ? new Invalid("licence-identifier.version", Version + 1) : new LicenceIdentifier(Type, Issuer, Serial, Version + 1);

    public static LicenceIdentifier FromTrusted(string value) =>
        Parse(value) is { IsSuccess: true } parsed
            ? parsed.Value
            : throw new FormatException($"Stored LicenceIdentifier is not valid: {value}");

    public static Result<LicenceIdentifier> Parse(string? input)
    {
        if (IdentifierText.Normalise(input) is not { } text)
        {
            return new Invalid("licence-identifier.required");
        }

        if (!text.StartsWith(Prefix, StringComparison.Ordinal) || text.Length > MaxLength)
        {
            return new Invalid("licence-identifier.format");
        }

        var parts = text[Prefix.Length..].Split('.');
        if (parts.Length != 5 || parts[4].Length != 1)
        {
            return new Invalid("licence-identifier.format");
        }

        if (!LicenceTypeCode.Parse(parts[0]).TryGet(out var type, out var error) || !Uscc.Parse(parts[1]).TryGet(out var issuer, out error))
        {
            return error;
        }

        if (parts[2].Length is 0 or > MaxSerialDigits || !IdentifierText.IsDigits(parts[2]) || parts[2][0] == '0')
        {
            return new Invalid("licence-identifier.serial", parts[2]);
        }

        if (parts[3].Length != 3 || !IdentifierText.IsDigits(parts[3]) || parts[3] == "000")
        {
            return new Invalid("licence-identifier.version", parts[3]);
        }

        var identifier = new LicenceIdentifier(type, issuer, parts[2], IdentifierText.ToNumber(parts[3]));
        return identifier.Value[^1] == parts[4][0]
            ? identifier
            : new Invalid("licence-identifier.check", parts[4], identifier.Value[^1]);
    }

    /// <summary>The ISO/IEC 7064 MOD 37,36 check character of <paramref name="body"/> (dots skipped).</summary>
    public static char ComputeCheck(ReadOnlySpan<char> body)
    {
        const int m = 36;
        var p = m;
        foreach (var c in body)
        {
            if (c == '.')
            {
                continue;
            }

            var value = Characters.IndexOf(c);
            if (value < 0)
            {
                throw new ArgumentException($"'{c}' is not a digit or an upper-case letter.", nameof(body));
            }

            var s = (p + value) % m;
            p = (s == 0 ? m : s) * 2 % (m + 1);
        }

        return Characters[(m + 1 - p) % m];
    }

    public override string ToString() => Value;
}
