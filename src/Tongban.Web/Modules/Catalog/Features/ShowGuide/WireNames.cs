using System.Text.Json;

namespace Tongban.Modules.Catalog.Features.ShowGuide;

/// <summary>Catalog values as the public API writes them: camelCase names, the same words as catalog JSON.</summary>
public static class WireNames
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
