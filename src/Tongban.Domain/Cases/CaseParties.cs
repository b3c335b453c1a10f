using Tongban.Domain.Primitives;

namespace Tongban.Domain.Cases;

/// <summary>申请人: a natural person keyed by 公民身份号码 or a legal person keyed by 统一社会信用代码.</summary>
public sealed record Applicant
{
    public const int MaxNameLength = 100;

    private Applicant() { }

    public ApplicantKind Kind { get; private init; }

    /// <summary>Set for a natural person.</summary>
    public IdNumber? IdNumber { get; private init; }

    /// <summary>Set for a legal person.</summary>
    public Uscc? Uscc { get; private init; }

    public string Name { get; private init; } = "";

    /// <summary>The identifying number as text (ID number or USCC).</summary>
    public string Identifier => Kind switch
    {
        ApplicantKind.NaturalPerson => IdNumber?.Value ?? "",
        ApplicantKind.LegalPerson => Uscc?.Value ?? "",
    };

    public static Result<Applicant> Person(IdNumber idNumber, string name) =>
        CheckName(name) ?? (Result<Applicant>)new Applicant { Kind = ApplicantKind.NaturalPerson, IdNumber = idNumber, Name = name.Trim() };

    public static Result<Applicant> Organisation(Uscc uscc, string name) =>
        CheckName(name) ?? (Result<Applicant>)new Applicant { Kind = ApplicantKind.LegalPerson, Uscc = uscc, Name = name.Trim() };

    private static Error? CheckName(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return CaseErrors.ApplicantNeedsAName();
        }

        return name.Trim().Length > MaxNameLength ? CaseErrors.ApplicantNameTooLong(MaxNameLength) : null;
    }
}

/// <summary>
/// 帮办代办: a clerk files for someone (an elderly or disabled person ...), with that person's consent:
/// the consent's wording, or a reference to the signed consent (a stored scan), or both.
/// </summary>
public sealed record AssistedFiling
{
    private AssistedFiling() { }

    public Guid ClerkAccountId { get; private init; }

    /// <summary>For whom (name, and relationship or circumstance as told).</summary>
    public string OnBehalfOf { get; private init; } = "";
    public string? ConsentText { get; private init; }
    public string? ConsentReference { get; private init; }

    public static Result<AssistedFiling> Create(Guid clerkAccountId, string onBehalfOf, string? consentText, string? consentReference)
    {
        if (clerkAccountId == Guid.Empty)
        {
            return CaseErrors.AssistedFilingNeedsAClerk();
        }

        if (string.IsNullOrWhiteSpace(onBehalfOf))
        {
            return CaseErrors.AssistedFilingNeedsThePerson();
        }

        if (string.IsNullOrWhiteSpace(consentText) && string.IsNullOrWhiteSpace(consentReference))
        {
            return CaseErrors.AssistedFilingNeedsConsent();
        }

        return new AssistedFiling
        {
            ClerkAccountId = clerkAccountId,
            OnBehalfOf = onBehalfOf.Trim(),
            ConsentText = string.IsNullOrWhiteSpace(consentText) ? null : consentText.Trim(),
            ConsentReference = string.IsNullOrWhiteSpace(consentReference) ? null : consentReference.Trim(),
        };
    }
}

/// <summary>
/// Who acts on a case: an account and the role it acts in. The role is a plain string matched
/// ordinally against <see cref="CaseStep.Role"/> (the web layer uses the Identity role names).
/// </summary>
public sealed record CaseActor
{
    public const string SystemRole = "System";
    public const string ApplicantRole = "Applicant";

    public CaseActor(Guid accountId, string role)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(role);
        AccountId = accountId;
        Role = role;
    }

    /// <summary>The platform itself (秒批, deadline checks); no account.</summary>
    public static CaseActor System { get; } = new(Guid.Empty, SystemRole);

    public Guid AccountId { get; }
    public string Role { get; }

    public static CaseActor Applicant(Guid accountId) => new(accountId, ApplicantRole);
}

/// <summary>
/// The applicant's standing for 告知承诺, looked up by the caller (credit records, past cases).
/// </summary>
public sealed record ApplicantStanding(bool SeriousBadCredit = false, bool PastFalseCommitment = false)
{
    public static ApplicantStanding Good { get; } = new();
}

/// <summary>
/// The implementation a case is for: its code, the published version the case started with (the case
/// keeps it for life), and the competent department and its region.
/// </summary>
public sealed record ImplementationRef(ImplementationCode Code, int Version, Guid DepartmentId, RegionCode Region)
{
    /// <summary>全程网办: applied, accepted and delivered online or by post; never collected at a hall.</summary>
    public bool FullyOnline { get; init; }
}
