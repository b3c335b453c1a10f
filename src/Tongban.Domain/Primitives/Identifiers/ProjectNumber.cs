using System.Globalization;

namespace Tongban.Domain.Primitives;

/// <summary>
/// 工程建设项目审批编号: <c>GCXM</c> + the opening's city date yyyyMMdd + a 6-digit serial of that day, e.g.
/// <c>GCXM20260302000001</c>. Each stage item keeps its own 43-character <see cref="CaseNumber"/>; this one
/// names the project the enterprise follows. <c>default(ProjectNumber)</c> is not valid.
/// </summary>
public readonly record struct ProjectNumber
{
    public const string Prefix = "GCXM";
    public const int Length = 4 + 8 + 6;
    public const int MaxSerial = 999_999;

    private ProjectNumber(string value) => Value = value;

    public string Value { get; }

    public static Result<ProjectNumber> Create(DateOnly date, int serial) =>
        serial is < 1 or > MaxSerial
            ? new Invalid("project-number.serial", serial)
            : new ProjectNumber(string.Create(CultureInfo.InvariantCulture, $"{Prefix}{IdentifierText.ToCompactDate(date)}{serial:D6}"));

    public static ProjectNumber FromTrusted(string value) =>
        Parse(value) is { IsSuccess: true } parsed ? parsed.Value : throw new FormatException($"Stored ProjectNumber is not valid: {value}");

    public static Result<ProjectNumber> Parse(string? input)
    {
        if (IdentifierText.Normalise(input) is not { } text)
        {
            return new Invalid("project-number.required");
        }

        if (text.Length != Length || !text.StartsWith(Prefix, StringComparison.Ordinal) || !text[4..].All(char.IsAsciiDigit)
            || !DateOnly.TryParseExact(text[4..12], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            || text[12..] == "000000")
        {
            return new Invalid("project-number.shape", text);
        }

        return new ProjectNumber(text);
    }

    public override string ToString() => Value;
}
