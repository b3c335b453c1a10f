using System.Globalization;
using System.Text.RegularExpressions;
using Tongban.Domain.Primitives;

namespace Tongban.Domain.Licences;

public enum LicenceFieldKind
{
    Text,
    Date,
    Number,
}

/// <summary>
/// One structured field of a licence type. <see cref="Public"/> fields are shown to anyone who verifies
/// the licence; <see cref="InPayload"/> fields also travel, signed, in the QR code (keep them few and short).
/// </summary>
public sealed record LicenceField(string Key, string Label, LicenceFieldKind Kind = LicenceFieldKind.Text, bool Required = true, bool Public = true, bool InPayload = false)
{
    public const int MaxValueLength = 500;
}

public enum ValidityKind
{
    /// <summary>有效期 a fixed number of years from the issue date.</summary>
    FixedYears,

    /// <summary>长期有效.</summary>
    OpenEnded,
}

/// <summary>The validity rule of a licence type.</summary>
public sealed record LicenceValidity(ValidityKind Kind, int? Years = null)
{
    public const int MaxYears = 100;

    public static LicenceValidity OpenEnded { get; } = new(ValidityKind.OpenEnded);

    public static LicenceValidity ForYears(int years) => new(ValidityKind.FixedYears, years);

    /// <summary>The last day of validity for a licence valid from <paramref name="from"/>; null when open-ended.</summary>
    public DateOnly? LastDayFrom(DateOnly from) => Kind switch
    {
        ValidityKind.FixedYears => Anniversary(from, Years ?? 0).AddDays(-1),
        ValidityKind.OpenEnded => null,
    };

    /// <summary>The same date <paramref name="years"/> later; 29 February's is 1 March in a common year (AddYears would clamp it to 28 February, a day short).</summary>
    private static DateOnly Anniversary(DateOnly from, int years) =>
        from is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(from.Year + years) ? new DateOnly(from.Year + years, 3, 1) : from.AddYears(years);
}

/// <summary>
/// How a licence of the type is rendered: the title in large type, an optional line under it, the
/// order of the fields on the face (all fields, in type order, when empty) and a small footer line
/// (e.g. the 监制 body).
/// </summary>
public sealed record LicenceTemplate(string Title, string? Subtitle = null, string? Footer = null, IReadOnlyList<string>? FieldOrder = null);

/// <summary>
/// 证照类型: a kind of licence as data. Defined by a body (the USCC inside <see cref="Code"/>), issued
/// by the listed departments, with typed fields, a validity rule and a rendering template.
/// </summary>
public sealed partial class LicenceType : IVersioned
{
    public const int MaxNameLength = 60;
    public const int MaxFields = 30;

    private List<LicenceField> _fields = [];
    private List<Guid> _issuers = [];

    private LicenceType() { }

    public Guid Id { get; private set; }
    public LicenceTypeCode Code { get; private set; }
    public string Name { get; private set; } = "";
    public IReadOnlyList<LicenceField> Fields => _fields;
    public LicenceValidity Validity { get; private set; } = LicenceValidity.OpenEnded;
    public LicenceTemplate Template { get; private set; } = new("");

    /// <summary>The departments that may issue licences of this type.</summary>
    public IReadOnlyList<Guid> IssuerDepartmentIds => _issuers;

    /// <summary>A holder has at most one current licence of the type (营业执照, 医师执业证书): issuing again re-issues it as a new version.</summary>
    public bool OnePerHolder { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; set; }

    public static Result<LicenceType> Define(LicenceTypeCode code, string name, IReadOnlyList<LicenceField> fields, LicenceValidity validity, LicenceTemplate template, IReadOnlyList<Guid> issuers, bool onePerHolder, DateTimeOffset now)
    {
        var type = new LicenceType { Id = Guid.NewGuid(), Code = code };
        var edited = type.Edit(name, fields, validity, template, issuers, onePerHolder, now);
        return edited.IsSuccess ? type : edited.Error;
    }

    /// <summary>Changes the definition; licences already issued keep the data they were issued with.</summary>
    public Result Edit(string name, IReadOnlyList<LicenceField> fields, LicenceValidity validity, LicenceTemplate template, IReadOnlyList<Guid> issuers, bool onePerHolder, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(validity);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(issuers);
        if ((NameIsRequired(name) ?? FieldsMustBeWellFormed(fields) ?? ValidityMustBeSensible(validity) ?? TemplateNeedsATitle(template, fields) ?? SomeDepartmentMustIssue(issuers)) is { } error)
        {
            return error;
        }

        Name = name.Trim();
        _fields = [.. fields.Select(f => f with { Key = f.Key.Trim(), Label = f.Label.Trim() })];
        Validity = validity;
        Template = template with { Title = template.Title.Trim() };
        _issuers = [.. issuers.Distinct()];
        OnePerHolder = onePerHolder;
        UpdatedAt = now;
        return Result.Success;
    }

    public bool MayBeIssuedBy(Guid departmentId) => _issuers.Contains(departmentId);

    /// <summary>
    /// Checks licence data against the fields: every required field present, dates as yyyy-MM-dd,
    /// numbers as decimals, no unknown keys. Answers the data trimmed, without empty optional fields.
    /// </summary>
    public Result<IReadOnlyDictionary<string, string>> CheckData(IReadOnlyDictionary<string, string?> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Keys.FirstOrDefault(k => _fields.All(f => f.Key != k)) is { } unknown)
        {
            return new Invalid("licences.unknown-field", unknown) { Field = unknown };
        }

        var clean = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in _fields)
        {
            var value = data.TryGetValue(field.Key, out var v) ? v?.Trim() : null;
            if (string.IsNullOrEmpty(value))
            {
                if (field.Required)
                {
                    return new Invalid("licences.field-required", field.Label) { Field = field.Key };
                }

                continue;
            }

            if (FieldValueMustMatchItsKind(field, value) is { } error)
            {
                return error;
            }

            clean[field.Key] = value;
        }

        return clean;
    }

    private static Invalid? FieldValueMustMatchItsKind(LicenceField field, string value) =>
        value.Length > LicenceField.MaxValueLength ? new Invalid("licences.field-too-long", field.Label, LicenceField.MaxValueLength) { Field = field.Key }
        : field.Kind switch
        {
            LicenceFieldKind.Date when !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) =>
                new Invalid("licences.field-date", field.Label, value) { Field = field.Key },
            LicenceFieldKind.Number when !decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out _) =>
                new Invalid("licences.field-number", field.Label, value) { Field = field.Key },
            _ => null,
        };

    private static Invalid? NameIsRequired(string? name) =>
        string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength ? new Invalid("licences.type-name-required", MaxNameLength) { Field = "name" } : null;

    private static Invalid? FieldsMustBeWellFormed(IReadOnlyList<LicenceField> fields)
    {
        if (fields.Count is 0 or > MaxFields)
        {
            return new Invalid("licences.type-field-count", MaxFields) { Field = "fields" };
        }

        if (fields.FirstOrDefault(f => !FieldKey().IsMatch(f.Key?.Trim() ?? "") || string.IsNullOrWhiteSpace(f.Label)) is { } bad)
        {
            return new Invalid("licences.type-field-malformed", bad.Key ?? "") { Field = "fields" };
        }

        var duplicate = fields.GroupBy(f => f.Key.Trim(), StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? null : new Invalid("licences.type-field-duplicate", duplicate.Key) { Field = "fields" };
    }

    private static Invalid? ValidityMustBeSensible(LicenceValidity validity) =>
        validity.Kind == ValidityKind.FixedYears && validity.Years is not (>= 1 and <= LicenceValidity.MaxYears)
            ? new Invalid("licences.type-validity-years", LicenceValidity.MaxYears) { Field = "validityYears" }
            : null;

    private static Invalid? TemplateNeedsATitle(LicenceTemplate template, IReadOnlyList<LicenceField> fields) =>
        string.IsNullOrWhiteSpace(template.Title) ? new Invalid("licences.type-title-required") { Field = "title" }
        : template.FieldOrder?.FirstOrDefault(k => fields.All(f => f.Key != k)) is { } unknown ? new Invalid("licences.unknown-field", unknown) { Field = "fieldOrder" }
        : null;

    private static Invalid? SomeDepartmentMustIssue(IReadOnlyList<Guid> issuers) =>
        issuers.Count == 0 ? new Invalid("licences.type-issuer-required") { Field = "issuers" } : null;

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,39}$")]
    private static partial Regex FieldKey();
}
