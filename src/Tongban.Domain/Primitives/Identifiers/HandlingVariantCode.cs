namespace Tongban.Domain.Primitives;

/// <summary>
/// 业务办理项编码 (GB/T 39554.1), 33 characters: <see cref="ImplementationCode"/> + 2-digit variant
/// 01..99. <c>default(HandlingVariantCode)</c> is not valid; obtain one from <see cref="Parse"/>.
/// </summary>
public readonly record struct HandlingVariantCode
{
    public const int Length = ImplementationCode.Length + 2;

    private HandlingVariantCode(string value, ImplementationCode implementation)
    {
        Value = value;
        Implementation = implementation;
    }

    public string Value { get; }

    public ImplementationCode Implementation { get; }

    public int Variant => IdentifierText.ToNumber(Value.AsSpan(ImplementationCode.Length));

    /// <summary>
    /// Rebuilds a value the platform stored or issued itself (database rows, claims). It is checked
    /// again; failure means corrupted data, so it throws rather than returning an error.
    /// </summary>
    public static HandlingVariantCode FromTrusted(string value) =>
        Parse(value) is { IsSuccess: true } parsed
            ? parsed.Value
            : throw new FormatException($"Stored HandlingVariantCode is not valid: {value}");

    /// <summary>Errors in the embedded implementation code keep their own codes.</summary>
    public static Result<HandlingVariantCode> Parse(string? input)
    {
        if (IdentifierText.Normalise(input) is not { } text)
        {
            return new Invalid("handling-variant-code.required");
        }

        if (text.Length != Length)
        {
            return new Invalid("handling-variant-code.length", text.Length);
        }

        if (!ImplementationCode.Parse(text[..ImplementationCode.Length]).TryGet(out var implementation, out var error))
        {
            return error;
        }

        var variant = text[ImplementationCode.Length..];
        if (!IdentifierText.IsDigits(variant) || variant == "00")
        {
            return new Invalid("handling-variant-code.variant", variant);
        }

        return new HandlingVariantCode(text, implementation);
    }

    public override string ToString() => Value;
}
