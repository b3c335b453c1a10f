namespace Tongban.Domain.Primitives;

/// <summary>
/// The code of a 一件事 bundle: 3 to 40 lower-case ASCII letters, digits and single dashes, starting with a
/// letter (<c>newborn</c>, <c>business-start</c>), so it reads well in a URL. <c>default(BundleCode)</c> is
/// not valid; obtain one from <see cref="Parse"/>.
/// </summary>
public readonly record struct BundleCode
{
    public const int MinLength = 3;
    public const int MaxLength = 40;

    private BundleCode(string value) => Value = value;

    public string Value { get; }

    public static BundleCode FromTrusted(string value) =>
        Parse(value) is { IsSuccess: true } parsed ? parsed.Value : throw new FormatException($"Stored BundleCode is not valid: {value}");

    public static Result<BundleCode> Parse(string? input)
    {
        var text = input?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(text))
        {
            return new Invalid("bundle-code.required");
        }

        if (text.Length is < MinLength or > MaxLength)
        {
            return new Invalid("bundle-code.length", MinLength, MaxLength);
        }

        var shaped = text[0] is >= 'a' and <= 'z' && text[^1] != '-' && !text.Contains("--", StringComparison.Ordinal)
            && text.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
        return shaped ? new BundleCode(text) : new Invalid("bundle-code.characters", text);
    }

    public override string ToString() => Value;
}
