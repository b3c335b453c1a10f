using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using static Tongban.Domain.Tests.Cases.CaseTestData;

namespace Tongban.Domain.Tests.Cases;

/// <summary>告知承诺: a signed commitment replaces a proof, never for high-risk items or untrustworthy applicants.</summary>
public class CaseCommitmentTests
{
    private const string Commitment = "本人承诺经营场所符合规定，如有不实，愿承担相应法律责任。";

    private static readonly DateTimeOffset Monday = At("2026-03-02 09:00");

    [Fact]
    public void AcceptUnderCommitment_ReplacesTheMissingProofAndStartsTheClock()
    {
        var @case = Submitted(Monday, Lease);

        Ok(@case.AcceptUnderCommitment(CommitmentTerms, ApplicantStanding.Good, Commitment, Clerk, Monday.AddHours(1), Shipped, Zone));

        Assert.Equal(CaseStatus.Accepted, @case.Status);
        Assert.Equal(AcceptanceKind.UnderCommitment, @case.AcceptedAs);
        Assert.Equal(Commitment, @case.Commitment);
        var lease = MaterialOf(@case, Lease);
        Assert.Equal(MaterialRoute.Commitment, lease.Route);
        Assert.Equal(Commitment, lease.CommitmentText);
        Assert.Equal("场地证明", lease.Name);
        Assert.Empty(@case.MissingMaterials);
        Assert.Equal(EndOf("2026-03-16"), @case.PromisedBaseDeadline);
        Assert.Equal("以承诺代替：场地证明", @case.History[^1].Comment);
        Assert.Equal(CaseAction.AcceptedUnderCommitment, @case.History[^1].Action);
    }

    [Fact]
    public void AcceptUnderCommitment_ForAPublicSafetyItem_IsRefused()
    {
        var @case = Submitted(Monday, Lease);

        Refused<Conflict>(@case.AcceptUnderCommitment(CommitmentTerms with { PublicSafety = true }, ApplicantStanding.Good, Commitment, Clerk, Monday, Shipped, Zone), "case.commitment-not-for-high-risk-item");

        Assert.Equal(CaseStatus.Submitted, @case.Status);
        Assert.True(MaterialOf(@case, Lease).IsMissing);
    }

    [Fact]
    public void AcceptUnderCommitment_ForAnItemWithoutTheCommitmentSystem_IsRefused() =>
        Refused<Conflict>(Submitted(Monday, Lease).AcceptUnderCommitment(Terms, ApplicantStanding.Good, Commitment, Clerk, Monday, Shipped, Zone), "case.commitment-not-allowed-for-item");

    [Fact]
    public void AcceptUnderCommitment_ForAnApplicantWithSeriousBadCredit_IsRefused() =>
        Refused<Conflict>(Submitted(Monday, Lease).AcceptUnderCommitment(CommitmentTerms, new ApplicantStanding(SeriousBadCredit: true), Commitment, Clerk, Monday, Shipped, Zone), "case.commitment-applicant-bad-credit");

    [Fact]
    public void AcceptUnderCommitment_ForAnApplicantWithAPastFalseCommitment_IsRefused() =>
        Refused<Conflict>(Submitted(Monday, Lease).AcceptUnderCommitment(CommitmentTerms, new ApplicantStanding(PastFalseCommitment: true), Commitment, Clerk, Monday, Shipped, Zone), "case.commitment-applicant-false-commitment");

    [Fact]
    public void AcceptUnderCommitment_WithAMissingMaterialNoCommitmentCanReplace_IsRefused()
    {
        var error = Refused<Invalid>(Submitted(Monday, Lease, Plan).AcceptUnderCommitment(CommitmentTerms, ApplicantStanding.Good, Commitment, Clerk, Monday, Shipped, Zone), "case.commitment-cannot-replace");

        Assert.Contains("经营方案", ChineseMessage(error), StringComparison.Ordinal);
    }

    [Fact]
    public void AcceptUnderCommitment_WithoutTheCommitmentText_IsRefused() =>
        Refused<Invalid>(Submitted(Monday, Lease).AcceptUnderCommitment(CommitmentTerms, ApplicantStanding.Good, "", Clerk, Monday, Shipped, Zone), "case.commitment-text-required");

    [Fact]
    public void RevokeForFalseCommitment_AfterApproval_RevokesTheResult()
    {
        var @case = Submitted(Monday, Lease);
        Ok(@case.AcceptUnderCommitment(CommitmentTerms, ApplicantStanding.Good, Commitment, Clerk, Monday, Shipped, Zone));
        ApproveAllSteps(@case, Monday.AddHours(2));
        Ok(@case.Decide(CaseDecision.Approve(), Leader, Monday.AddHours(3)));
        Ok(@case.RecordIssue(new CaseIssuance("docs/decision.pdf", "licence-1"), Clerk, Monday.AddHours(4)));

        Ok(@case.RevokeForFalseCommitment("核查发现经营场所为违章建筑，承诺不实", Leader, At("2026-04-15 10:00"), ["docs/revocation.pdf"]));

        Assert.Equal(CaseStatus.Revoked, @case.Status);
        Assert.Equal(At("2026-04-15 10:00"), @case.RevokedAt);
        Assert.Equal(CaseAction.Revoked, @case.History[^1].Action);
        Assert.Equal(["docs/revocation.pdf"], @case.History[^1].Attachments);
    }

    [Fact]
    public void RevokeForFalseCommitment_BeforeApproval_IsRefused()
    {
        var @case = Submitted(Monday, Lease);
        Ok(@case.AcceptUnderCommitment(CommitmentTerms, ApplicantStanding.Good, Commitment, Clerk, Monday, Shipped, Zone));

        Refused<Conflict>(@case.RevokeForFalseCommitment("承诺不实", Leader, Monday.AddDays(1)), "case.revocation-needs-approval");
    }

    [Fact]
    public void RevokeForFalseCommitment_OfACaseAcceptedOnFullMaterials_IsRefused()
    {
        var @case = Accepted(Monday);
        ApproveAllSteps(@case, Monday.AddHours(2));
        Ok(@case.Decide(CaseDecision.Approve(), Leader, Monday.AddHours(3)));

        Refused<Conflict>(@case.RevokeForFalseCommitment("承诺不实", Leader, Monday.AddDays(1)), "case.not-under-commitment");
    }

    [Fact]
    public void RevokeForFalseCommitment_WithoutAReason_IsRefused()
    {
        var @case = Submitted(Monday, Lease);
        Ok(@case.AcceptUnderCommitment(CommitmentTerms, ApplicantStanding.Good, Commitment, Clerk, Monday, Shipped, Zone));
        ApproveAllSteps(@case, Monday.AddHours(2));
        Ok(@case.Decide(CaseDecision.Approve(), Leader, Monday.AddHours(3)));

        Refused<Invalid>(@case.RevokeForFalseCommitment(" ", Leader, Monday.AddDays(1)), "case.revocation-needs-reason");
    }
}
