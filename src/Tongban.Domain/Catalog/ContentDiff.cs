using System.Text.Json.Nodes;

namespace Tongban.Domain.Catalog;

/// <summary>One element that differs between two versions: its path, and the values before and after.</summary>
public sealed record ElementChange(string Path, string Element, string? Before, string? After);

/// <summary>Field-by-field difference of two contents, on their catalog JSON.</summary>
public static class ContentDiff
{
    public static IReadOnlyList<ElementChange> Between(ImplementationContent before, ImplementationContent after)
    {
        var left = Flatten(JsonNode.Parse(CatalogJson.Serialize(before)));
        var right = Flatten(JsonNode.Parse(CatalogJson.Serialize(after)));
        return [.. left.Keys.Union(right.Keys)
            .Order(StringComparer.Ordinal)
            .Select(path => (path, l: left.GetValueOrDefault(path), r: right.GetValueOrDefault(path)))
            .Where(x => !string.Equals(x.l, x.r, StringComparison.Ordinal))
            .Select(x => new ElementChange(x.path, ElementOf(x.path), x.l, x.r))];
    }

    private static string ElementOf(string path)
    {
        var top = path.Split('.', '[')[0];
        return ElementNames.Of(char.ToUpperInvariant(top[0]) + top[1..]);
    }

    private static Dictionary<string, string> Flatten(JsonNode? node)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk(node, "", values);
        return values;
    }

    private static void Walk(JsonNode? node, string path, Dictionary<string, string> values)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    Walk(child, path.Length == 0 ? name : $"{path}.{name}", values);
                }

                break;
            case JsonArray array:
                if (array.Count == 0)
                {
                    values[path] = "[]";
                }

                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], $"{path}[{i}]", values);
                }

                break;
            case null:
                break;
            default:
                values[path] = node.ToJsonString(CatalogJson.Options).Trim('"');
                break;
        }
    }
}
