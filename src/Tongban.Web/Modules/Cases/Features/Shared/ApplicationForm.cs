using System.Globalization;
using System.Text.RegularExpressions;
using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives;

namespace Tongban.Modules.Cases.Features.Shared;

/// <summary>Checks e-form values against the item's form schema: known fields, required, type, length.</summary>
public static partial class ApplicationForm
{
    public static Error? Check(IReadOnlyList<FormField> schema, IReadOnlyDictionary<string, string> values, DateOnly today)
    {
        var fields = schema.ToDictionary(f => f.Key, StringComparer.Ordinal);
        if (values.Keys.FirstOrDefault(k => !fields.ContainsKey(k)) is { } unknown)
        {
            return new Invalid("cases.form-field-unknown", unknown) { Field = unknown };
        }

        foreach (var field in schema)
        {
            var value = values.TryGetValue(field.Key, out var given) ? given.Trim() : "";
            if (value.Length == 0)
            {
                if (field.Required)
                {
                    return new Invalid("cases.form-field-required", field.Label) { Field = field.Key };
                }

                continue;
            }

            if (field.MaxLength is { } max && value.Length > max)
            {
                return new Invalid("cases.form-field-too-long", field.Label, max) { Field = field.Key };
            }

            if (!HasType(field, value, today))
            {
                return new Invalid("cases.form-field-invalid", field.Label) { Field = field.Key };
            }
        }

        return null;
    }

    private static bool HasType(FormField field, string value, DateOnly today) => field.Type switch
    {
        FormFieldType.Text or FormFieldType.LongText or FormFieldType.Address => true,
        FormFieldType.Number => decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _),
        FormFieldType.Date => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        FormFieldType.Choice => field.Choices.Contains(value, StringComparer.Ordinal),
        FormFieldType.IdNumber => IdNumber.Parse(value, today).IsSuccess,
        FormFieldType.Uscc => Uscc.Parse(value).IsSuccess,
        FormFieldType.Phone => Phone().IsMatch(value),
        FormFieldType.RegionCode => RegionCode.Parse(value).IsSuccess,
    };

    /// <summary>A mobile number (1 + 10 digits) or a landline with area code (0825-1234567).</summary>
    [GeneratedRegex(@"^(1\d{10}|0\d{2,3}-?\d{7,8})$")]
    private static partial Regex Phone();
}
