namespace Tongban.Domain.Primitives;

/// <summary>
/// 证照类型代码 (GB/T 36904): the defining body's 统一社会信用代码 (18) + a 3-digit serial of that
/// body's licence types, 001..999. <c>default(LicenceTypeCode)</c> is not valid; obtain one from <see cref="Parse"/>.
/// </summary>
public readonly record struct LicenceTypeCode
{
    public const int Length = Uscc.Length + 3;

    private LicenceTypeCode(Uscc definingBody, string serial)
    {
        DefiningBody = definingBody;
        Value = definingBody.Value + serial;
    }

    public string Value { get; }

    public Uscc DefiningBody { get; }

    public static LicenceTypeCode FromTrusted(string value) =>
        Parse(value) is { IsSuccess: true } parsed
            ? parsed.Value
            : throw new FormatException($"Stored LicenceTypeCode is not valid: {value}");

    public static Result<LicenceTypeCode> Parse(string? input)
    {
        if (IdentifierText.Normalise(input) is not { } text)
        {
            return new Invalid("licence-type-code.required");
        }

        if (text.Length != Length)
        {
            return new Invalid("licence-type-code.length", text.Length);
        }

        if (!Uscc.Parse(text[..Uscc.Length]).TryGet(out var body, out var error))
        {
            return error;
        }

        var serial = text[Uscc.Length..];
        return !IdentifierText.IsDigits(serial) || serial == "000"
            ? new Invalid("licence-type-code.serial", serial)
            : new LicenceTypeCode(body, serial);
    }

    public override string ToString() => Value;
}
