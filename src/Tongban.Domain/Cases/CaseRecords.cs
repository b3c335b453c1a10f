namespace Tongban.Domain.Cases;

/// <summary>
/// A decision (决定) on a case. Build with <see cref="Approve"/> or <see cref="Deny"/>; the case checks it
/// (a denial needs reasons and a legal basis) when it is taken.
/// </summary>
public sealed record CaseDecision
{
    private CaseDecision() { }

    public DecisionOutcome Outcome { get; private init; }

    /// <summary>不予许可的理由.</summary>
    public string? Reasons { get; private init; }

    /// <summary>法律依据.</summary>
    public string? LegalBasis { get; private init; }
    public string? Comment { get; private init; }

    public static CaseDecision Approve(string? comment = null) =>
        new() { Outcome = DecisionOutcome.Approve, Comment = Clean(comment) };

    public static CaseDecision Deny(string reasons, string legalBasis, string? comment = null) =>
        new() { Outcome = DecisionOutcome.Deny, Reasons = Clean(reasons), LegalBasis = Clean(legalBasis), Comment = Clean(comment) };

    internal static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>
/// 制证: the result issued. Until e-licence issuance exists this is a placeholder record of the
/// decision document and/or the licence.
/// </summary>
public sealed record CaseIssuance(string? DocumentId, string? LicenceId);

/// <summary>送达: window pickup against a code (统一窗口出件) or post with carrier and tracking number.</summary>
public sealed record CaseDelivery
{
    private CaseDelivery() { }

    public DeliveryMethod Method { get; private init; }
    public string? PickupCode { get; private init; }
    public string? Address { get; private init; }
    public string? Carrier { get; private init; }
    public string? TrackingNumber { get; private init; }

    public static CaseDelivery WindowPickup(string pickupCode) =>
        new() { Method = DeliveryMethod.WindowPickup, PickupCode = CaseDecision.Clean(pickupCode) };

    /// <summary>电子送达: the result delivered online (e-licence in the wallet, decision document to download).</summary>
    public static CaseDelivery Electronically() => new() { Method = DeliveryMethod.Electronic };

    public static CaseDelivery ByPost(string address, string carrier, string trackingNumber) => new()
    {
        Method = DeliveryMethod.Post,
        Address = CaseDecision.Clean(address),
        Carrier = CaseDecision.Clean(carrier),
        TrackingNumber = CaseDecision.Clean(trackingNumber),
    };
}

/// <summary>延长: the one extension of the statutory limit, approved by a superior (本机关负责人).</summary>
public sealed record CaseExtension(int WorkingDays, Guid ApprovedBy, string Reason, Guid RequestedBy, DateTimeOffset GrantedAt);

/// <summary>
/// 容缺受理: what the applicant committed to and until when; the second notice and grace period
/// when the deadline passed; when the owed materials were all supplied.
/// </summary>
public sealed record CaseDeficiency(string Commitment, DateTimeOffset Deadline)
{
    public DateTimeOffset? NotifiedAgainAt { get; init; }
    public DateTimeOffset? GraceDeadline { get; init; }
    public DateTimeOffset? SupplementedAt { get; init; }
}

/// <summary>The collections of a <see cref="Case"/> at one moment (see <see cref="Case.Contents"/>).</summary>
public sealed record CaseContents(
    IReadOnlyDictionary<string, string> Answers,
    IReadOnlyDictionary<string, string> FormValues,
    IReadOnlyList<CaseMaterial> Materials,
    IReadOnlyList<CorrectionItem> CorrectionNotice,
    IReadOnlyList<CaseStep> Steps,
    IReadOnlyList<ClockStop> ClockStops,
    IReadOnlyList<InstantApprovalRule> InstantApprovalRules,
    IReadOnlyList<CaseEvent> History);
