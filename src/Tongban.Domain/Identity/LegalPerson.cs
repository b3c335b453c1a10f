using Tongban.Domain.Primitives;

namespace Tongban.Domain.Identity;

/// <summary>法人 (enterprise, institution, social organisation), keyed by 统一社会信用代码.</summary>
public sealed class LegalPerson : IVersioned
{
    private LegalPerson() { }

    public Uscc Uscc { get; private set; }
    public string Name { get; private set; } = "";
    public RegionCode RegionCode { get; private set; }
    public string Address { get; private set; } = "";
    public string LegalRepresentativeName { get; private set; } = "";
    public IdNumber LegalRepresentativeIdNumber { get; private set; }
    public int Version { get; set; }

    public static Result<LegalPerson> Create(Uscc uscc, string name, RegionCode region, string address, string representativeName, IdNumber representativeIdNumber)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return new Invalid("legal-person.name-required") { Field = nameof(Name) };
        }

        if (string.IsNullOrWhiteSpace(representativeName))
        {
            return new Invalid("legal-person.representative-required") { Field = nameof(LegalRepresentativeName) };
        }

        return new LegalPerson
        {
            Uscc = uscc,
            Name = name.Trim(),
            RegionCode = region,
            Address = address?.Trim() ?? "",
            LegalRepresentativeName = representativeName.Trim(),
            LegalRepresentativeIdNumber = representativeIdNumber,
        };
    }
}
