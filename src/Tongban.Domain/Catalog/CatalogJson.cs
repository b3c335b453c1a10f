using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Tongban.Domain.Catalog;

/// <summary>The one JSON shape of catalog content: storage, versions, diffs, import and export.</summary>
public static class CatalogJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        RespectNullableAnnotations = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static string Serialize(ImplementationContent content) => JsonSerializer.Serialize(content, Options);

    public static ImplementationContent Deserialize(string json) =>
        JsonSerializer.Deserialize<ImplementationContent>(json, Options) ?? throw new JsonException("empty content");
}
