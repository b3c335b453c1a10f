using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using static Tongban.Domain.Tests.Cases.CaseTestData;

namespace Tongban.Domain.Tests.Cases;

/// <summary>审查 → 消防会签 ∥ 环保会签 → 审核, then 决定.</summary>
public class CaseBackOfficeTests
{
    private static readonly DateTimeOffset Monday = At("2026-03-02 10:00");
    private static readonly DateTimeOffset Tuesday = At("2026-03-03 10:00");

    [Fact]
    public void ApproveStep_RecordsTheDecisionAndActivatesBothParallelSteps()
    {
        var @case = Accepted(Monday);

        Ok(@case.ApproveStep(Review, Reviewer, Tuesday, "材料齐全，符合条件"));

        var review = Step(@case, Review);
        Assert.Equal(CaseStepStatus.Approved, review.Status);
        Assert.Equal(Tuesday, review.DecidedAt);
        Assert.Equal(ReviewerId, review.DecidedBy);
        Assert.Equal("材料齐全，符合条件", review.Comment);
        Assert.Equal(CaseStepStatus.Active, StatusOf(@case, Fire));
        Assert.Equal(CaseStepStatus.Active, StatusOf(@case, Ecology));
        Assert.Equal(CaseStepStatus.Pending, StatusOf(@case, SignOff));
        var entry = @case.History[^1];
        Assert.Equal(CaseAction.StepApproved, entry.Action);
        Assert.Equal(Review, entry.StepKey);
    }

    [Fact]
    public void ApproveStep_TheNextStepWaitsForEveryParallelStep()
    {
        var @case = Accepted(Monday);
        Ok(@case.ApproveStep(Review, Reviewer, Tuesday));

        Ok(@case.ApproveStep(Fire, FireOfficer, Tuesday.AddHours(1)));
        Assert.Equal(CaseStepStatus.Pending, StatusOf(@case, SignOff));
        Refused<Conflict>(@case.ApproveStep(SignOff, Leader, Tuesday.AddHours(1)), "case.step-not-active");

        Ok(@case.ApproveStep(Ecology, EnvironmentOfficer, Tuesday.AddHours(2)));
        Assert.Equal(CaseStepStatus.Active, StatusOf(@case, SignOff));
        Assert.Equal(Tuesday.AddHours(2), Step(@case, SignOff).ActivatedAt);
    }

    [Fact]
    public void ApproveStep_ByADepartmentSystem_KeepsItsOwnCaseReference()
    {
        var @case = Accepted(Monday);
        Ok(@case.ApproveStep(Review, Reviewer, Tuesday));

        Ok(@case.ApproveStep(Fire, new CaseActor(Guid.NewGuid(), "FireReviewer"), Tuesday, "消防审查合格", externalReference: "XF-2026-000731"));

        Assert.Equal("XF-2026-000731", Step(@case, Fire).ExternalReference);
        Assert.Equal("消防审查合格（外部编号 XF-2026-000731）", @case.History[^1].Comment);
    }

    [Fact]
    public void ApproveStep_InAnotherRole_IsForbidden()
    {
        var @case = Accepted(Monday);

        var error = Refused<Forbidden>(@case.ApproveStep(Review, FireOfficer, Tuesday), "case.step-wrong-role");

        Assert.Contains("Approver", ChineseMessage(error), StringComparison.Ordinal);
        Assert.Equal(CaseStepStatus.Active, StatusOf(@case, Review));
    }

    [Fact]
    public void ApproveStep_NotYetItsTurn_IsRefused() =>
        Refused<Conflict>(Accepted(Monday).ApproveStep(SignOff, Leader, Tuesday), "case.step-not-active");

    [Fact]
    public void ApproveStep_Unknown_IsNotFound() =>
        Refused<NotFound>(Accepted(Monday).ApproveStep("nope", Reviewer, Tuesday), "case.step-not-found");

    [Fact]
    public void ApproveStep_BeforeAcceptance_IsRefused() =>
        Refused<Conflict>(Submitted(Monday).ApproveStep(Review, Reviewer, Tuesday), "case.not-in-back-office");

    [Fact]
    public void SendBack_ToAnEarlierStep_ReactivatesItAndTheStepsBetweenRunAgain()
    {
        var @case = Accepted(Monday);
        Ok(@case.ApproveStep(Review, Reviewer, Tuesday));
        Ok(@case.ApproveStep(Fire, FireOfficer, Tuesday));
        Ok(@case.ApproveStep(Ecology, EnvironmentOfficer, Tuesday));

        Ok(@case.SendBack(SignOff, Review, "经营范围表述不规范，请重新审查", Leader, Tuesday.AddHours(3)));

        Assert.Equal(CaseStepStatus.SentBack, StatusOf(@case, SignOff));
        Assert.Equal("经营范围表述不规范，请重新审查", Step(@case, SignOff).Comment);
        Assert.Equal(CaseStepStatus.Active, StatusOf(@case, Review));
        Assert.Null(Step(@case, Review).DecidedAt);
        Assert.Equal(CaseStepStatus.Pending, StatusOf(@case, Fire));
        Assert.Equal(CaseStepStatus.Pending, StatusOf(@case, Ecology));
        Assert.Equal("退回至“审查”：经营范围表述不规范，请重新审查", @case.History[^1].Comment);
        Assert.Equal(SignOff, @case.History[^1].StepKey);

        ApproveAllSteps(@case, At("2026-03-04 10:00"));
        Assert.True(@case.ReadyForDecision);
    }

    [Fact]
    public void SendBack_ToOneStepOfAParallelGroup_OnlyThatStepRunsAgain()
    {
        var @case = Accepted(Monday);
        Ok(@case.ApproveStep(Review, Reviewer, Tuesday));
        Ok(@case.ApproveStep(Fire, FireOfficer, Tuesday));
        Ok(@case.ApproveStep(Ecology, EnvironmentOfficer, Tuesday));

        Ok(@case.SendBack(SignOff, Fire, "消防意见缺少现场核查结论", Leader, Tuesday.AddHours(3)));

        Assert.Equal(CaseStepStatus.Active, StatusOf(@case, Fire));
        Assert.Equal(CaseStepStatus.Approved, StatusOf(@case, Ecology));
        Ok(@case.ApproveStep(Fire, FireOfficer, Tuesday.AddHours(4)));
        Assert.Equal(CaseStepStatus.Active, StatusOf(@case, SignOff));
    }

    [Fact]
    public void SendBack_WithinTheSameParallelGroup_IsRefused()
    {
        var @case = Accepted(Monday);
        Ok(@case.ApproveStep(Review, Reviewer, Tuesday));

        Refused<Invalid>(@case.SendBack(Fire, Ecology, "请环保先看", FireOfficer, Tuesday), "case.send-back-only-to-earlier-step");
    }

    [Fact]
    public void SendBack_ToALaterStep_IsRefused()
    {
        var @case = Accepted(Monday);

        Refused<Invalid>(@case.SendBack(Review, SignOff, "直接送审核", Reviewer, Tuesday), "case.send-back-only-to-earlier-step");

        Assert.Equal(CaseStepStatus.Active, StatusOf(@case, Review));
    }

    [Fact]
    public void SendBack_WithoutAReason_IsRefused()
    {
        var @case = Accepted(Monday);
        Ok(@case.ApproveStep(Review, Reviewer, Tuesday));

        Refused<Invalid>(@case.SendBack(Fire, Review, "", FireOfficer, Tuesday), "case.send-back-needs-reason");
    }

    [Fact]
    public void Transfer_AssignsTheStepAndOnlyTheAssigneeMayActOnIt()
    {
        var @case = Accepted(Monday);

        Ok(@case.Transfer(Review, OtherReviewerId, "原承办人出差", Reviewer, Tuesday));

        Assert.Equal(OtherReviewerId, Step(@case, Review).Assignee);
        Assert.Equal(CaseAction.StepTransferred, @case.History[^1].Action);
        Assert.Equal("原承办人出差", @case.History[^1].Comment);
        Refused<Forbidden>(@case.ApproveStep(Review, Reviewer, Tuesday), "case.step-assigned-to-another");
        Ok(@case.ApproveStep(Review, OtherReviewer, Tuesday));
    }

    [Fact]
    public void Transfer_WithoutAReason_IsRefused() =>
        Refused<Invalid>(Accepted(Monday).Transfer(Review, OtherReviewerId, " ", Reviewer, Tuesday), "case.transfer-needs-reason");

    [Fact]
    public void Transfer_ToNobody_IsRefused() =>
        Refused<Invalid>(Accepted(Monday).Transfer(Review, Guid.Empty, "出差", Reviewer, Tuesday), "case.transfer-needs-account");

    [Fact]
    public void Transfer_ToTheCurrentAssignee_IsRefused()
    {
        var @case = Accepted(Monday);
        Ok(@case.Transfer(Review, OtherReviewerId, "出差", Reviewer, Tuesday));

        Refused<Invalid>(@case.Transfer(Review, OtherReviewerId, "再转", Reviewer, Tuesday), "case.transfer-to-current-assignee");
    }

    [Fact]
    public void Transfer_OfAnApprovedStep_IsRefused()
    {
        var @case = Accepted(Monday);
        Ok(@case.ApproveStep(Review, Reviewer, Tuesday));

        Refused<Conflict>(@case.Transfer(Review, OtherReviewerId, "出差", Reviewer, Tuesday), "case.step-already-done");
    }

    [Fact]
    public void SkipStep_WithAReason_MovesTheFlowOn()
    {
        var @case = Accepted(Monday);
        Ok(@case.ApproveStep(Review, Reviewer, Tuesday));
        Ok(@case.ApproveStep(Fire, FireOfficer, Tuesday));

        Ok(@case.SkipStep(Ecology, "小型餐饮不涉及环评", EnvironmentOfficer, Tuesday));

        Assert.Equal(CaseStepStatus.Skipped, StatusOf(@case, Ecology));
        Assert.Equal(CaseStepStatus.Active, StatusOf(@case, SignOff));
    }

    [Fact]
    public void SkipStep_WithoutAReason_IsRefused() =>
        Refused<Invalid>(Accepted(Monday).SkipStep(Review, "", Reviewer, Tuesday), "case.skip-needs-reason");

    [Fact]
    public void Decide_Approve_EndsTheClock()
    {
        var @case = Accepted(Monday);
        ApproveAllSteps(@case, Tuesday);

        Ok(@case.Decide(CaseDecision.Approve("准予许可"), Leader, Tuesday.AddHours(1), ["docs/decision.pdf"]));

        Assert.Equal(CaseStatus.Approved, @case.Status);
        Assert.Equal(DecisionOutcome.Approve, @case.Decision!.Outcome);
        Assert.Equal(LeaderId, @case.DecidedBy);
        Assert.Equal(Tuesday.AddHours(1), @case.DecidedAt);
        Assert.Equal(Tuesday.AddHours(1), @case.ClockEndedAt);
        Assert.Equal(CaseAction.Approved, @case.History[^1].Action);
    }

    [Fact]
    public void Decide_BeforeEveryStepIsDone_IsRefusedAndNamesThem()
    {
        var @case = Accepted(Monday);
        Ok(@case.ApproveStep(Review, Reviewer, Tuesday));
        Ok(@case.ApproveStep(Fire, FireOfficer, Tuesday));

        var error = Refused<Conflict>(@case.Decide(CaseDecision.Approve(), Leader, Tuesday), "case.steps-outstanding");

        Assert.Contains("环保会签、审核", ChineseMessage(error), StringComparison.Ordinal);
        Assert.Equal(CaseStatus.Accepted, @case.Status);
    }

    [Fact]
    public void Decide_Deny_WithoutReasons_IsRefused()
    {
        var @case = Accepted(Monday);
        ApproveAllSteps(@case, Tuesday);

        Refused<Invalid>(@case.Decide(CaseDecision.Deny(" ", "《食品安全法》第三十五条"), Leader, Tuesday), "case.denial-needs-reasons");
        Assert.Equal(CaseStatus.Accepted, @case.Status);
    }

    [Fact]
    public void Decide_Deny_WithoutALegalBasis_IsRefused()
    {
        var @case = Accepted(Monday);
        ApproveAllSteps(@case, Tuesday);

        Refused<Invalid>(@case.Decide(CaseDecision.Deny("经营场所与食品加工要求不符", ""), Leader, Tuesday), "case.denial-needs-legal-basis");
    }

    [Fact]
    public void Decide_Deny_WithReasonsAndLegalBasis_IsRecorded()
    {
        var @case = Accepted(Monday);
        ApproveAllSteps(@case, Tuesday);

        Ok(@case.Decide(CaseDecision.Deny("经营场所与食品加工要求不符", "《中华人民共和国食品安全法》第三十五条"), Leader, Tuesday));

        Assert.Equal(CaseStatus.Denied, @case.Status);
        Assert.Equal("《中华人民共和国食品安全法》第三十五条", @case.Decision!.LegalBasis);
        Assert.Equal("经营场所与食品加工要求不符；依据：《中华人民共和国食品安全法》第三十五条", @case.History[^1].Comment);
    }

    [Fact]
    public void Decide_Twice_IsRefused()
    {
        var @case = Accepted(Monday);
        ApproveAllSteps(@case, Tuesday);
        Ok(@case.Decide(CaseDecision.Approve(), Leader, Tuesday));

        Refused<Conflict>(@case.Decide(CaseDecision.Deny("x", "y"), Leader, Tuesday), "case.not-in-back-office");
    }
}
