using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using static Tongban.Domain.Tests.Cases.CaseTestData;

namespace Tongban.Domain.Tests.Cases;

/// <summary>The whole life of a case, and what its history tells afterwards.</summary>
public class CaseJourneyTests
{
    [Fact]
    public void Journey_SubmitCorrectAcceptParallelReviewApproveIssueDeliverComplete()
    {
        // Online, Monday morning, without the 经营方案.
        var @case = Submitted(At("2026-03-02 09:00"), Plan);

        // 补正告知: one notice with everything.
        Ok(@case.RequestCorrection([new(Plan, "未提交经营方案"), new(IdCard, "身份证照片模糊")], Clerk, At("2026-03-02 11:00"), ["notices/bz-1.pdf"]));
        Assert.Equal(CaseStatus.AwaitingCorrection, @case.Status);

        // The applicant corrects online the next day.
        Ok(@case.SupplyCorrection([Upload(Plan), Upload(IdCard)], Citizen, At("2026-03-03 08:30")));
        Assert.Equal(CaseStatus.Submitted, @case.Status);

        // 受理 at the window: the clock starts (promised 10 working days from Tue 03-03 -> Tue 03-17).
        Ok(@case.Accept(Terms, Clerk, At("2026-03-03 10:00"), Shipped, Zone, ["notices/sl-1.pdf"]));
        Assert.Equal(EndOf("2026-03-17"), @case.PromisedBaseDeadline);

        // 审查.
        Ok(@case.ApproveStep(Review, Reviewer, At("2026-03-04 10:00"), "符合受理条件"));

        // 会签: both active together; 审核 only after both.
        Assert.Equal(CaseStepStatus.Active, StatusOf(@case, Fire));
        Assert.Equal(CaseStepStatus.Active, StatusOf(@case, Ecology));
        Ok(@case.ApproveStep(Ecology, EnvironmentOfficer, At("2026-03-05 09:00")));
        Assert.Equal(CaseStepStatus.Pending, StatusOf(@case, SignOff));
        Ok(@case.ApproveStep(Fire, FireOfficer, At("2026-03-05 15:00")));
        Assert.Equal(CaseStepStatus.Active, StatusOf(@case, SignOff));

        // 审核 and 决定.
        Ok(@case.ApproveStep(SignOff, Leader, At("2026-03-06 09:00")));
        Assert.True(@case.ReadyForDecision);
        Ok(@case.Decide(CaseDecision.Approve("准予许可"), Leader, At("2026-03-06 10:00"), ["docs/decision.pdf"]));

        // 制证, 送达 at the window, 办结.
        Ok(@case.RecordIssue(new CaseIssuance("docs/decision.pdf", "licence-placeholder"), Clerk, At("2026-03-06 11:00")));
        Ok(@case.Deliver(CaseDelivery.WindowPickup("720394"), Clerk, At("2026-03-09 09:30")));
        Ok(@case.Complete(Clerk, At("2026-03-09 09:31")));

        Assert.Equal(CaseStatus.Completed, @case.Status);
        Assert.Equal(
            [
                CaseAction.Drafted, CaseAction.Submitted, CaseAction.CorrectionRequested, CaseAction.CorrectionSupplied,
                CaseAction.Accepted, CaseAction.StepApproved, CaseAction.StepApproved, CaseAction.StepApproved,
                CaseAction.StepApproved, CaseAction.Approved, CaseAction.Issued, CaseAction.Delivered, CaseAction.Completed,
            ],
            @case.History.Select(e => e.Action));
        Assert.Equal([Review, Ecology, Fire, SignOff], @case.History.Where(e => e.Action == CaseAction.StepApproved).Select(e => e.StepKey));
        Assert.Equal(@case.History.Select(e => e.At).Order(), @case.History.Select(e => e.At));
        var time = Assert.IsType<CaseTimeStatus>(@case.TimeStatus(At("2026-03-09 10:00"), Shipped, Zone).Value);
        Assert.True(time.Ended);
        Assert.Equal(TimeWarning.Normal, time.Level);
    }

    [Fact]
    public void History_RecordsActorRoleTimeCommentAttachmentsAndResultingStatus()
    {
        var @case = Submitted(At("2026-03-02 09:00"));
        var at = At("2026-03-02 09:45");

        Ok(@case.RefuseAcceptance("申请人不具备主体资格", Clerk, at, ["notices/bysl-1.pdf", " "]));

        var entry = @case.History[^1];
        Assert.Equal(at, entry.At);
        Assert.Equal(ClerkId, entry.ActorId);
        Assert.Equal("WindowClerk", entry.ActorRole);
        Assert.Equal(CaseAction.AcceptanceRefused, entry.Action);
        Assert.Equal("申请人不具备主体资格", entry.Comment);
        Assert.Equal(["notices/bysl-1.pdf"], entry.Attachments);
        Assert.Equal(CaseStatus.Refused, entry.Status);
        Assert.Null(entry.StepKey);
    }

    [Fact]
    public void History_EveryTransitionAppendsOneEntryByItsActor()
    {
        var @case = Accepted(At("2026-03-02 10:00"));
        var count = @case.History.Count;

        Ok(@case.StartSpecialProcedure(SpecialProcedure.Quarantine, "检疫", FireOfficer, At("2026-03-03 09:00")));
        Ok(@case.EndSpecialProcedure(FireOfficer, At("2026-03-03 15:00")));
        Ok(@case.Extend(3, HeadId, "需补充核查", Reviewer, At("2026-03-03 16:00"), Shipped, Zone));
        Ok(@case.Transfer(Review, OtherReviewerId, "轮岗", Reviewer, At("2026-03-03 17:00")));

        Assert.Equal(count + 4, @case.History.Count);
        Assert.Equal([FireOfficerId, FireOfficerId, ReviewerId, ReviewerId], @case.History.Skip(count).Select(e => e.ActorId));
        Assert.Equal(Review, @case.History[^1].StepKey);
    }

    [Fact]
    public void FailedTransition_LeavesTheHistoryAlone()
    {
        var @case = Submitted(At("2026-03-02 09:00"));
        var count = @case.History.Count;

        Assert.False(@case.RefuseAcceptance("", Clerk, At("2026-03-02 10:00")).IsSuccess);
        Assert.False(@case.Decide(CaseDecision.Approve(), Leader, At("2026-03-02 10:00")).IsSuccess);

        Assert.Equal(count, @case.History.Count);
    }

    [Fact]
    public void Version_IsExposedForOptimisticConcurrency()
    {
        var @case = Accepted(At("2026-03-02 10:00"));

        @case.Version = 7;

        Assert.Equal(7, ((Primitives.IVersioned)@case).Version);
    }
}
