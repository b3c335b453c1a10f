using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using static Tongban.Domain.Tests.Cases.CaseTestData;

namespace Tongban.Domain.Tests.Cases;

/// <summary>签章 of the decision, 制证, 送达, 办结, and withdrawal before a decision.</summary>
public class CaseResultTests
{
    private static readonly DateTimeOffset Monday = At("2026-03-02 10:00");
    private static readonly DateTimeOffset Tuesday = At("2026-03-03 10:00");

    private static Case Approved()
    {
        var @case = Accepted(Monday);
        ApproveAllSteps(@case, Tuesday);
        Ok(@case.Decide(CaseDecision.Approve(), Leader, Tuesday));
        return @case;
    }

    private static Case Issued()
    {
        var @case = Approved();
        Ok(@case.RecordIssue(new CaseIssuance("docs/licence-decision.pdf", "licence-placeholder-1"), Clerk, Tuesday.AddHours(1)));
        return @case;
    }

    [Fact]
    public void RecordIssue_KeepsTheResultReferences()
    {
        var @case = Issued();

        Assert.Equal(CaseStatus.Issued, @case.Status);
        Assert.Equal(new CaseIssuance("docs/licence-decision.pdf", "licence-placeholder-1"), @case.Issuance);
        Assert.Equal(Tuesday.AddHours(1), @case.IssuedAt);
    }

    [Fact]
    public void RecordIssue_WithoutAnyReference_IsRefused() =>
        Refused<Invalid>(Approved().RecordIssue(new CaseIssuance(" ", null), Clerk, Tuesday), "case.result-needs-reference");

    [Fact]
    public void RecordIssue_BeforeApproval_IsRefused() =>
        Refused<Conflict>(Accepted(Monday).RecordIssue(new CaseIssuance("d", null), Clerk, Tuesday), "case.not-approved");

    [Fact]
    public void SignDecision_SealsTheDecisionOnce()
    {
        var @case = Approved();

        Ok(@case.SignDecision("body.signature"));

        Assert.Equal("body.signature", @case.DecisionSignature);
        Refused<Conflict>(@case.SignDecision("other.signature"), "case.decision-already-signed");
        Assert.Equal("body.signature", @case.DecisionSignature);
    }

    [Fact]
    public void SignDecision_BeforeADecision_IsRefused() =>
        Refused<Conflict>(Accepted(Monday).SignDecision("body.signature"), "case.decision-not-taken");

    [Fact]
    public void Deliver_AtTheWindow_NeedsThePickupCode()
    {
        var @case = Issued();

        Refused<Invalid>(@case.Deliver(CaseDelivery.WindowPickup(""), Clerk, Tuesday), "case.delivery-pickup-code-required");
        Ok(@case.Deliver(CaseDelivery.WindowPickup("583016"), Clerk, Tuesday.AddHours(2)));

        Assert.Equal(CaseStatus.Delivered, @case.Status);
        Assert.Equal(DeliveryMethod.WindowPickup, @case.Delivery!.Method);
        Assert.Equal("583016", @case.Delivery.PickupCode);
        Assert.Equal(Tuesday.AddHours(2), @case.DeliveredAt);
    }

    [Theory]
    [InlineData("", "EMS", "1190000000000", "case.delivery-address-required")]
    [InlineData("遂宁市船山区某路 1 号", " ", "1190000000000", "case.delivery-carrier-required")]
    [InlineData("遂宁市船山区某路 1 号", "EMS", "", "case.delivery-tracking-number-required")]
    public void Deliver_ByPost_NeedsAddressCarrierAndTrackingNumber(string address, string carrier, string tracking, string code) =>
        Refused<Invalid>(Issued().Deliver(CaseDelivery.ByPost(address, carrier, tracking), Clerk, Tuesday), code);

    [Fact]
    public void Deliver_ByPost_RecordsTheTracking()
    {
        var @case = Issued();

        Ok(@case.Deliver(CaseDelivery.ByPost("遂宁市船山区某路 1 号", "EMS", "1190000000000"), Clerk, Tuesday));

        Assert.Equal("1190000000000", @case.Delivery!.TrackingNumber);
        Assert.Equal("邮寄：EMS 1190000000000", @case.History[^1].Comment);
    }

    [Fact]
    public void Deliver_BeforeIssue_IsRefused() =>
        Refused<Conflict>(Approved().Deliver(CaseDelivery.WindowPickup("1"), Clerk, Tuesday), "case.nothing-to-deliver");

    [Fact]
    public void Deliver_ADenial_ThenComplete()
    {
        var @case = Accepted(Monday);
        ApproveAllSteps(@case, Tuesday);
        Ok(@case.Decide(CaseDecision.Deny("场所不符合要求", "《食品安全法》第三十五条"), Leader, Tuesday));

        Ok(@case.Deliver(CaseDelivery.ByPost("遂宁市船山区某路 1 号", "EMS", "1190000000001"), Clerk, Tuesday));
        Ok(@case.Complete(Clerk, Tuesday.AddHours(1)));

        Assert.Equal(CaseStatus.Completed, @case.Status);
    }

    [Fact]
    public void Complete_AfterDelivery_EndsTheCase()
    {
        var @case = Issued();
        Ok(@case.Deliver(CaseDelivery.WindowPickup("583016"), Clerk, Tuesday));

        Ok(@case.Complete(Clerk, Tuesday.AddHours(3), "申请人已领取"));

        Assert.Equal(CaseStatus.Completed, @case.Status);
        Assert.Equal(Tuesday.AddHours(3), @case.CompletedAt);
        Assert.Equal("申请人已领取", @case.History[^1].Comment);
    }

    [Fact]
    public void Complete_BeforeDelivery_IsRefused() =>
        Refused<Conflict>(Issued().Complete(Clerk, Tuesday), "case.not-delivered");

    [Fact]
    public void Withdraw_BeforeIntake_EndsTheCaseWithTheReason()
    {
        var @case = Submitted(Monday);

        Ok(@case.Withdraw("信息填写有误，重新申请", Citizen, Monday.AddHours(1)));

        Assert.Equal(CaseStatus.Withdrawn, @case.Status);
        Assert.Equal("信息填写有误，重新申请", @case.WithdrawalReason);
        Assert.Equal(Monday.AddHours(1), @case.IntakeDecidedAt);
        Assert.Null(@case.ClockEndedAt);
    }

    [Fact]
    public void Withdraw_DuringReview_EndsTheClock()
    {
        var @case = Accepted(Monday);
        Ok(@case.ApproveStep(Review, Reviewer, Tuesday));

        Ok(@case.Withdraw("不再经营", Citizen, Tuesday.AddHours(1)));

        Assert.Equal(CaseStatus.Withdrawn, @case.Status);
        Assert.Equal(Tuesday.AddHours(1), @case.ClockEndedAt);
        Refused<Conflict>(@case.ApproveStep(Fire, FireOfficer, Tuesday.AddHours(2)), "case.not-in-back-office");
    }

    [Fact]
    public void Withdraw_DuringASpecialProcedure_ClosesIt()
    {
        var @case = Accepted(Monday);
        Ok(@case.StartSpecialProcedure(SpecialProcedure.Hearing, "利害关系人申请听证", Reviewer, Tuesday));

        Ok(@case.Withdraw("不再经营", Citizen, Tuesday.AddHours(1)));

        Assert.Null(@case.OpenClockStop);
    }

    [Fact]
    public void Withdraw_AfterTheDecision_IsRefused()
    {
        var @case = Approved();

        Refused<Conflict>(@case.Withdraw("不想要了", Citizen, Tuesday.AddHours(2)), "case.withdrawal-after-decision");

        Assert.Equal(CaseStatus.Approved, @case.Status);
    }

    [Fact]
    public void Withdraw_WithoutAReason_IsRefused() =>
        Refused<Invalid>(Submitted(Monday).Withdraw("", Citizen, Monday), "case.withdrawal-needs-reason");

    [Fact]
    public void Withdraw_ADraft_IsRefused() =>
        Refused<Conflict>(Draft(Monday).Withdraw("不办了", Citizen, Monday), "case.nothing-to-withdraw");
}
