namespace Tongban.Domain.Primitives;

/// <summary>
/// 事项基本编码 (GB/T 39554.1): 12 characters from 0-9 and A-Z, the same for every body that
/// handles the item. <c>default(BasicItemCode)</c> is not valid; obtain one from <see cref="Parse"/>.
/// </summary>
public readonly record struct BasicItemCode
{
    public const int Length = 12;

    private BasicItemCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>
    /// Rebuilds a value the platform stored or issued itself (database rows, claims). It is checked
    /// again; failure means corrupted data, so it throws rather than returning an error.
    /// </summary>
    public static BasicItemCode FromTrusted(string value) =>
        Parse(value) is { IsSuccess: true } parsed
            ? parsed.Value
            : throw new FormatException($"Stored BasicItemCode is not valid: {value}");

    public static Result<BasicItemCode> Parse(string? input)
    {
        if (IdentifierText.Normalise(input) is not { } text)
        {
            return new Invalid("basic-item-code.required");
        }

        if (text.Length != Length)
        {
            return new Invalid("basic-item-code.length", text.Length);
        }

        foreach (var c in text)
        {
            if (!IdentifierText.IsUpperAlphanumeric(c))
            {
                return new Invalid("basic-item-code.charset", c);
            }
        }

        return new BasicItemCode(text);
    }

    public override string ToString() => Value;
}
