using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tongban.Platform.Persistence;

/// <summary>
/// Small documents kept as one JSON text column beside an entity's scalar columns (a licence's data, a
/// rating's tags), read and written with it and never queried on their own; compared by their JSON.
/// </summary>
internal static class JsonColumns
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new InvalidOperationException($"Stored {typeof(T).Name} is empty.");

    /// <summary>Maps a property or backing field as a required JSON text column.</summary>
    public static PropertyBuilder<T> AsJson<T>(this PropertyBuilder<T> property, int maxLength)
        where T : class =>
        property.HasConversion(
                value => Write(value),
                json => Read<T>(json),
                new ValueComparer<T>((a, b) => Write(a) == Write(b), v => Write(v).GetHashCode(StringComparison.Ordinal), v => Read<T>(Write(v))))
            .HasMaxLength(maxLength)
            .IsRequired();

    /// <summary>Maps an optional document as a nullable JSON text column.</summary>
    public static PropertyBuilder<T?> AsNullableJson<T>(this PropertyBuilder<T?> property, int maxLength)
        where T : class =>
        property.HasConversion(
                value => value == null ? null : Write(value),
                json => json == null ? null : Read<T>(json),
                new ValueComparer<T?>((a, b) => Write(a) == Write(b), v => Write(v).GetHashCode(StringComparison.Ordinal), v => v == null ? null : Read<T>(Write(v))))
            .HasMaxLength(maxLength);
}
