using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tongban.Modules.Licences.Features.ListIssuedLicences;

/// <summary>Writes an enum of an API answer as its camel-case name ("suspended"), as the other modules' answers do.</summary>
public sealed class WireEnum<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.CamelCase)
    where T : struct, Enum;
