namespace Tongban.Domain.Catalog;

/// <summary>
/// The 秒批 checks an implementation may name in <see cref="ImplementationContent.InstantApprovalRules"/>:
/// each a rule over verified data that the Cases module evaluates right after acceptance.
/// </summary>
public static class InstantApprovalChecks
{
    /// <summary>实名认证: the applicant is a verified person or enterprise of the base databases.</summary>
    public const string IdentityVerified = "identity-verified";

    /// <summary>无严重失信记录、无虚假承诺.</summary>
    public const string GoodStanding = "good-standing";

    /// <summary>必要材料齐全: no required material missing.</summary>
    public const string MaterialsComplete = "materials-complete";

    /// <summary>所需证照有效: every licence material is satisfied by a held e-licence.</summary>
    public const string LicencesValid = "licences-valid";

    /// <summary>The known checks with their Chinese names, in the order pages list them.</summary>
    public static IReadOnlyList<(string Name, string Label)> All { get; } =
    [
        (IdentityVerified, "申请人已实名认证"),
        (GoodStanding, "无严重失信记录、无虚假承诺"),
        (MaterialsComplete, "必要材料齐全"),
        (LicencesValid, "所需证照有效"),
    ];

    public static bool IsKnown(string name) => All.Any(c => c.Name == name);

    public static string LabelOf(string name) => All.FirstOrDefault(c => c.Name == name).Label ?? name;
}
