using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Tongban.Domain.Cases;

namespace Tongban.Modules.Cases.Persistence;

/// <summary>
/// JSON for the parts of a <see cref="Case"/> kept as documents (materials, steps, clock stops, history,
/// answers and form values, and the small records). The domain types guard their invariants with
/// private constructors and setters; this contract reads them back through those, as EF does for
/// columns: a private parameterless constructor, private setters, and a getter-only collection's
/// backing field (<c>_attachments</c> for <c>Attachments</c>). Computed getters are not written.
/// </summary>
internal static class CaseJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { ThroughPrivateMembers } },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new InvalidOperationException($"Stored {typeof(T).Name} is empty.");

    private static void ThroughPrivateMembers(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || info.Type.Namespace != typeof(Case).Namespace)
        {
            return;
        }

        if (info.CreateObject is null && info.Type.GetConstructors().Length == 0
            && info.Type.GetConstructor(BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes) is not null)
        {
            info.CreateObject = () => Activator.CreateInstance(info.Type, nonPublic: true)!;
        }

        foreach (var property in info.Properties.Where(p => p.Set is null))
        {
            var clr = (PropertyInfo)property.AttributeProvider!;
            if (clr.SetMethod is { } setter)
            {
                property.Set = (target, value) => setter.Invoke(target, [value]);
            }
            else if (info.Type.GetField("_" + char.ToLowerInvariant(clr.Name[0]) + clr.Name[1..], BindingFlags.NonPublic | BindingFlags.Instance) is { } field
                     && field.FieldType.IsGenericType && field.FieldType.GetGenericTypeDefinition() == typeof(List<>))
            {
                property.Set = (target, value) =>
                {
                    var list = (System.Collections.IList)field.GetValue(target)!;
                    foreach (var item in (System.Collections.IEnumerable)value!)
                    {
                        list.Add(item);
                    }
                };
            }
            else
            {
                property.ShouldSerialize = (_, _) => false;
            }
        }
    }
}
