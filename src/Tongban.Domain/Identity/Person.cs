using Tongban.Domain.Primitives;

namespace Tongban.Domain.Identity;

/// <summary>自然人, keyed by 公民身份号码.</summary>
public sealed class Person : IVersioned
{
    private Person() { }

    public IdNumber IdNumber { get; private set; }
    public string Name { get; private set; } = "";
    public string? Phone { get; private set; }
    public string? Address { get; private set; }
    public int Version { get; set; }

    public static Result<Person> Create(IdNumber idNumber, string name, string? phone, string? address)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return new Invalid("person.name-required") { Field = nameof(Name) };
        }

        return new Person { IdNumber = idNumber, Name = name.Trim(), Phone = phone?.Trim(), Address = address?.Trim() };
    }
}
