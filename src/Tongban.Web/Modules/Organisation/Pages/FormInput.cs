using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Tongban.Domain.Primitives;
using Tongban.Platform.Http;

namespace Tongban.Modules.Organisation.Pages;

/// <summary>Reads identifiers and numbers from form text once, at the edge, tying any error to its field.</summary>
public static class FormInput
{
    public static Result<RegionCode> Region(string? text, string field) => AtField(RegionCode.Parse(text), field);

    public static Result<Uscc> Uscc(string? text, string field) => AtField(Domain.Primitives.Uscc.Parse(text), field);

    /// <summary>An optional decimal such as 30.532847; blank means none.</summary>
    public static Result<decimal?> OptionalDecimal(string? text, string field, string formatRule)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Result<decimal?>.Success(null);
        }

        return decimal.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : new Invalid(formatRule) { Field = field };
    }

    /// <summary>A coordinate as people write it: invariant digits, no trailing zeros (PostgreSQL returns 30.500000).</summary>
    public static string Coordinate(decimal value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>Adds the errors of the inputs that failed to read; null means that input was fine.</summary>
    public static void AddErrors(this ModelStateDictionary modelState, params Error?[] errors)
    {
        foreach (var error in errors.OfType<Error>())
        {
            modelState.AddError(error);
        }
    }

    private static Result<T> AtField<T>(Result<T> parsed, string field) => parsed.IsSuccess ? parsed : parsed.Error with { Field = field };
}
