using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Tongban.Domain.Primitives;

namespace Tongban.Domain.Catalog.Transfer;

/// <summary>
/// Reads a <c>tongban-catalog/1</c> document record by record, so that one bad record does not hide
/// the next: every shape and identifier problem is reported with its path. What needs the catalog
/// (does the department exist, do the rules hold) is checked by the import use case.
/// </summary>
public static class CatalogDocumentReader
{
    private const string ItemsMember = "items";
    private const string ImplementationsMember = "implementations";
    private const string FormatMember = "format";

    public static ImportSet Read(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            return ImportSet.Rejected(new TransferProblem(new TransferLocation("$", line), new Invalid("catalog-file.not-json", line)));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ImportSet.Rejected(new TransferProblem(new TransferLocation("$"), new Invalid("catalog-file.not-object")));
            }

            var problems = new List<TransferProblem>();
            CheckRoot(root, problems);
            var items = ReadArray(root, ItemsMember, problems, ReadItem);
            var implementations = ReadArray(root, ImplementationsMember, problems, ReadImplementation);
            problems.AddRange(Duplicates(items, i => i.Code.Value, i => i.Origin));
            problems.AddRange(Duplicates(implementations, i => i.Code.Value, i => i.Origin));
            return new ImportSet(items, implementations, problems);
        }
    }

    private static void CheckRoot(JsonElement root, List<TransferProblem> problems)
    {
        if (!root.TryGetProperty(FormatMember, out var format) || format.ValueKind != JsonValueKind.String || format.GetString() != CatalogDocument.FormatName)
        {
            problems.Add(new TransferProblem(new TransferLocation(FormatMember), new Invalid("catalog-file.format", CatalogDocument.FormatName)));
        }

        foreach (var member in root.EnumerateObject().Where(m => m.Name is not (FormatMember or ItemsMember or ImplementationsMember)))
        {
            problems.Add(new TransferProblem(new TransferLocation(member.Name), new Invalid("catalog-file.unknown-member", member.Name)));
        }
    }

    private static List<T> ReadArray<T>(JsonElement root, string member, List<TransferProblem> problems, Func<JsonElement, JsonOrigin, List<TransferProblem>, T?> read)
        where T : class
    {
        var records = new List<T>();
        if (!root.TryGetProperty(member, out var array))
        {
            return records;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            problems.Add(new TransferProblem(new TransferLocation(member), new Invalid("catalog-file.not-array", member)));
            return records;
        }

        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            if (read(element, new JsonOrigin($"{member}[{index++}]"), problems) is { } record)
            {
                records.Add(record);
            }
        }

        return records;
    }

    private static ImportedItem? ReadItem(JsonElement element, JsonOrigin origin, List<TransferProblem> problems)
    {
        if (Deserialize<DocumentItem>(element, origin, problems) is not { } item)
        {
            return null;
        }

        var code = BasicItemCode.Parse(item.Code);
        if (!code.IsSuccess)
        {
            problems.Add(new TransferProblem(origin.At("code"), code.Error));
        }

        var parent = string.IsNullOrWhiteSpace(item.ParentCode) ? (Result<BasicItemCode>?)null : BasicItemCode.Parse(item.ParentCode);
        if (parent is { IsSuccess: false } badParent)
        {
            problems.Add(new TransferProblem(origin.At("parentCode"), badParent.Error));
        }

        return code.IsSuccess && parent is null or { IsSuccess: true }
            ? new ImportedItem(code.Value, parent?.Value, item, origin)
            : null;
    }

    private static ImportedImplementation? ReadImplementation(JsonElement element, JsonOrigin origin, List<TransferProblem> problems)
    {
        if (Deserialize<DocumentImplementation>(element, origin, problems) is not { } implementation)
        {
            return null;
        }

        var code = ImplementationCode.Parse(implementation.Code);
        if (!code.IsSuccess)
        {
            problems.Add(new TransferProblem(origin.At("code"), code.Error));
        }

        var region = RegionCode.Parse(implementation.RegionCode);
        if (!region.IsSuccess)
        {
            problems.Add(new TransferProblem(origin.At("regionCode"), region.Error));
        }

        return code.IsSuccess && region.IsSuccess
            ? new ImportedImplementation(code.Value, region.Value, implementation.Status, implementation.Content, origin)
            : null;
    }

    /// <summary>Every missing member by name; otherwise the first value that does not fit, by its path.</summary>
    private static T? Deserialize<T>(JsonElement element, JsonOrigin origin, List<TransferProblem> problems)
        where T : class
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new TransferProblem(origin.At(""), new Invalid("catalog-file.not-object")));
            return null;
        }

        var missing = RequiredMembers<T>.Names.Where(name => !element.TryGetProperty(name, out _)).ToList();
        foreach (var name in missing)
        {
            problems.Add(new TransferProblem(origin.At(name), new Invalid("catalog-file.member-required", name)));
        }

        if (missing.Count > 0)
        {
            return null;
        }

        try
        {
            return element.Deserialize<T>(CatalogJson.Options);
        }
        catch (JsonException e)
        {
            var path = (e.Path ?? "$").TrimStart('$').TrimStart('.');
            problems.Add(new TransferProblem(origin.At(path), new Invalid("catalog-file.invalid-value")));
            return null;
        }
    }

    private static IEnumerable<TransferProblem> Duplicates<T>(IReadOnlyList<T> records, Func<T, string> code, Func<T, RecordOrigin> origin) =>
        records.GroupBy(code, StringComparer.Ordinal)
            .SelectMany(g => g.Skip(1))
            .Select(r => new TransferProblem(origin(r).At("code"), new Invalid("catalog-file.duplicate-code", code(r))));

    /// <summary>The JSON names of a record's <c>required</c> members.</summary>
    private static class RequiredMembers<T>
    {
        public static readonly string[] Names = [.. typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.IsDefined(typeof(RequiredMemberAttribute), inherit: false))
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))];
    }
}
