namespace Tongban.Domain.Primitives;

/// <summary>
/// Parses an identifier of a named kind and lists its parts as strings, for the API's
/// "check this code" endpoint. Keys are camelCase; dates are yyyy-MM-dd.
/// </summary>
public static class IdentifierInspector
{
    public static IReadOnlyList<string> Kinds { get; } = ["id-number", "uscc", "region", "item-code", "case-number"];

    /// <param name="today">Needed by ID numbers, whose birth date may not be in the future.</param>
    public static Result<IReadOnlyDictionary<string, string>> Inspect(string kind, string? value, DateOnly today) => kind switch
    {
        "id-number" => IdNumber.Parse(value, today).Map(Describe),
        "uscc" => Uscc.Parse(value).Map(Describe),
        "region" => RegionCode.Parse(value).Map(Describe),
        "item-code" => InspectItemCode(value),
        "case-number" => CaseNumber.Parse(value).Map(Describe),
        _ => new NotFound("identifier.kind-unknown", kind),
    };

    /// <summary>The three item codes differ in length only, so the length picks the parser.</summary>
    private static Result<IReadOnlyDictionary<string, string>> InspectItemCode(string? value)
    {
        var length = value?.Trim().Length ?? 0;
        return length switch
        {
            0 => new Invalid("item-code.required"),
            BasicItemCode.Length => BasicItemCode.Parse(value).Map(Describe),
            ImplementationCode.Length => ImplementationCode.Parse(value).Map(Describe),
            HandlingVariantCode.Length => HandlingVariantCode.Parse(value).Map(Describe),
            _ => new Invalid("item-code.length", length),
        };
    }

    private static IReadOnlyDictionary<string, string> Describe(IdNumber id) => new Dictionary<string, string>
    {
        ["value"] = id.Value,
        ["birthDate"] = IdentifierText.ToIsoDate(id.BirthDate),
        ["sex"] = id.Sex == Sex.Male ? "male" : "female",
        ["areaCode"] = id.AreaCode,
        ["sequence"] = id.Value.Substring(14, 3),
        ["masked"] = id.Masked,
    };

    private static IReadOnlyDictionary<string, string> Describe(Uscc uscc) => new Dictionary<string, string>
    {
        ["value"] = uscc.Value,
        ["registrationDepartment"] = uscc.RegistrationDepartment.ToString(),
        ["registrationDepartmentName"] = uscc.RegistrationDepartmentName,
        ["category"] = uscc.Category.ToString(),
        ["categoryName"] = uscc.CategoryName,
        ["regionCode"] = uscc.RegionCode,
        ["organisationCode"] = uscc.OrganisationCode,
    };

    private static IReadOnlyDictionary<string, string> Describe(RegionCode region)
    {
        var parts = new Dictionary<string, string>
        {
            ["value"] = region.Value,
            ["level"] = region.Level switch
            {
                RegionLevel.Province => "province",
                RegionLevel.City => "city",
                RegionLevel.County => "county",
                RegionLevel.Township => "township",
                RegionLevel.Village => "village",
                _ => throw new InvalidOperationException($"Undefined region level {(int)region.Level}."),
            },
            ["province"] = region.Province,
            ["city"] = region.City,
            ["county"] = region.County,
            ["township"] = region.Township,
            ["village"] = region.Village,
        };
        // A province has no parent; the key is left out rather than given an empty value.
        if (region.Parent is { } parent)
        {
            parts["parent"] = parent.Value;
        }

        return parts;
    }

    private static IReadOnlyDictionary<string, string> Describe(BasicItemCode code) => new Dictionary<string, string>
    {
        ["value"] = code.Value,
        ["kind"] = "basic",
        ["basicCode"] = code.Value,
    };

    private static IReadOnlyDictionary<string, string> Describe(ImplementationCode code) =>
        DescribeImplementation(code, "implementation");

    private static IReadOnlyDictionary<string, string> Describe(HandlingVariantCode code)
    {
        var parts = DescribeImplementation(code.Implementation, "handling-variant");
        parts["value"] = code.Value;
        parts["implementationCode"] = code.Implementation.Value;
        parts["variant"] = code.Value[^2..];
        return parts;
    }

    private static Dictionary<string, string> DescribeImplementation(ImplementationCode code, string kind) => new()
    {
        ["value"] = code.Value,
        ["kind"] = kind,
        ["implementingBodyUscc"] = code.ImplementingBody.Value,
        ["exerciseLevel"] = ((int)code.ExerciseLevel).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["exerciseLevelName"] = code.ExerciseLevelName,
        ["basicCode"] = code.BasicCode.Value,
    };

    private static IReadOnlyDictionary<string, string> Describe(CaseNumber number) => new Dictionary<string, string>
    {
        ["value"] = number.Value,
        ["implementationCode"] = number.Implementation.Value,
        ["date"] = IdentifierText.ToIsoDate(number.Date),
        ["serial"] = number.Value[^4..],
    };
}
