using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using static Tongban.Domain.Tests.Cases.CaseTestData;
using static Tongban.Domain.Tests.Identifiers.IdentifierAssert;

namespace Tongban.Domain.Tests.Cases;

/// <summary>受理, 补正告知, 不予受理 and deemed acceptance at the window.</summary>
public class CaseIntakeTests
{
    private static readonly DateTimeOffset Monday = At("2026-03-02 09:00");

    [Fact]
    public void RequestCorrection_ListingEveryMissingAndDefectiveMaterial_SendsOneNotice()
    {
        var submitted = Submitted(Monday, Plan);

        Ok(submitted.RequestCorrection([new(Plan, "未提交经营方案"), new(IdCard, "身份证照片模糊")], Clerk, Monday.AddHours(2), ["notices/correction-1.pdf"]));

        Assert.Equal(CaseStatus.AwaitingCorrection, submitted.Status);
        Assert.Equal([Plan, IdCard], submitted.CorrectionNotice.Select(i => i.MaterialKey));
        Assert.Equal(Monday.AddHours(2), submitted.CorrectionRequestedAt);
        var notice = submitted.History[^1];
        Assert.Equal(CaseAction.CorrectionRequested, notice.Action);
        Assert.Equal("经营方案：未提交经营方案、身份证明：身份证照片模糊", notice.Comment);
        Assert.Equal(["notices/correction-1.pdf"], notice.Attachments);
    }

    [Fact]
    public void RequestCorrection_LeavingOutAMissingMaterial_IsRefusedAndNamesIt()
    {
        var submitted = Submitted(Monday, Plan, Lease);

        var error = Refused<Invalid>(submitted.RequestCorrection([new(Plan, "未提交")], Clerk, Monday), "case.correction-must-list-all-missing");

        Assert.Contains("场地证明", ChineseMessage(error), StringComparison.Ordinal);
        Assert.Equal(CaseStatus.Submitted, submitted.Status);
        Assert.Empty(submitted.CorrectionNotice);
    }

    [Fact]
    public void RequestCorrection_WithoutAReasonForAMaterial_IsRefused() =>
        Refused<Invalid>(Submitted(Monday, Plan).RequestCorrection([new(Plan, " ")], Clerk, Monday), "case.correction-item-needs-reason");

    [Fact]
    public void RequestCorrection_ListingNothing_IsRefused() =>
        Refused<Invalid>(Submitted(Monday).RequestCorrection([], Clerk, Monday), "case.correction-needs-items");

    [Fact]
    public void RequestCorrection_ForAMaterialTheCaseDoesNotHave_IsRefused() =>
        Refused<Invalid>(Submitted(Monday).RequestCorrection([new("tax-record", "缺")], Clerk, Monday), "case.correction-unknown-material");

    [Fact]
    public void RequestCorrection_ListingAMaterialTwice_IsRefused() =>
        Refused<Invalid>(Submitted(Monday, Plan).RequestCorrection([new(Plan, "缺"), new(Plan, "又缺")], Clerk, Monday), "case.correction-duplicate-material");

    [Fact]
    public void SupplyCorrection_WithEverythingTheNoticeNamed_IsReceivedAgainForIntake()
    {
        var @case = Submitted(Monday, Plan);
        Ok(@case.RequestCorrection([new(Plan, "未提交"), new(IdCard, "模糊")], Clerk, Monday.AddHours(1)));
        var tuesday = At("2026-03-03 10:00");

        Ok(@case.SupplyCorrection([Upload(Plan), Upload(IdCard)], Citizen, tuesday, new Dictionary<string, string> { ["shopName"] = "老张面馆" }));

        Assert.Equal(CaseStatus.Submitted, @case.Status);
        Assert.Equal(tuesday, @case.ReceivedAt);
        Assert.Equal(Monday, @case.SubmittedAt);
        Assert.Null(@case.IntakeDecidedAt);
        Assert.Empty(@case.MissingMaterials);
        Assert.Equal(tuesday, MaterialOf(@case, Plan).ProvidedAt);
        Assert.Equal("经营方案", MaterialOf(@case, Plan).Name);
        Assert.Equal("老张面馆", @case.FormValues["shopName"]);
        Assert.Equal(CaseAction.CorrectionSupplied, @case.History[^1].Action);
        Assert.Equal(CitizenId, @case.History[^1].ActorId);
    }

    [Fact]
    public void SupplyCorrection_LeavingANamedMaterialOut_IsRefused()
    {
        var @case = Submitted(Monday, Plan);
        Ok(@case.RequestCorrection([new(Plan, "未提交"), new(IdCard, "模糊")], Clerk, Monday));

        var error = Refused<Invalid>(@case.SupplyCorrection([Upload(IdCard)], Citizen, Monday.AddDays(1)), "case.correction-incomplete");

        Assert.Contains("经营方案", ChineseMessage(error), StringComparison.Ordinal);
        Assert.Equal(CaseStatus.AwaitingCorrection, @case.Status);
        Assert.True(MaterialOf(@case, Plan).IsMissing);
    }

    [Fact]
    public void SupplyCorrection_WithAMaterialTheNoticeDidNotAskFor_IsRefused()
    {
        var @case = Submitted(Monday, Plan);
        Ok(@case.RequestCorrection([new(Plan, "未提交")], Clerk, Monday));

        Refused<Invalid>(@case.SupplyCorrection([Upload(Plan), Upload(Lease)], Citizen, Monday.AddDays(1)), "case.material-not-requested");
    }

    [Fact]
    public void SupplyCorrection_WithoutANotice_IsRefused() =>
        Refused<Conflict>(Submitted(Monday).SupplyCorrection([Upload(Plan)], Citizen, Monday), "case.not-awaiting-correction");

    [Fact]
    public void RefuseAcceptance_WithReasons_EndsTheCase()
    {
        var @case = Submitted(Monday);

        Ok(@case.RefuseAcceptance("申请事项不属于本机关职权范围，请向市场监管部门申请", Clerk, Monday.AddHours(1)));

        Assert.Equal(CaseStatus.Refused, @case.Status);
        Assert.StartsWith("申请事项不属于", @case.RefusalReason, StringComparison.Ordinal);
        Assert.Equal(CaseAction.AcceptanceRefused, @case.History[^1].Action);
        Assert.Equal(@case.RefusalReason, @case.History[^1].Comment);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void RefuseAcceptance_WithoutAReason_IsRefused(string reason)
    {
        var @case = Submitted(Monday);

        Refused<Invalid>(@case.RefuseAcceptance(reason, Clerk, Monday), "case.refusal-needs-reason");

        Assert.Equal(CaseStatus.Submitted, @case.Status);
    }

    [Fact]
    public void RefuseAcceptance_OfAnAcceptedCase_IsRefused() =>
        Refused<Conflict>(Accepted(Monday).RefuseAcceptance("不符合条件", Clerk, Monday), "case.not-awaiting-intake");

    [Fact]
    public void Accept_StartsTheClockWithBothDeadlinesAndActivatesTheFirstStep()
    {
        var @case = Submitted(Monday);
        var acceptedAt = At("2026-03-02 10:00");

        Ok(@case.Accept(Terms, Clerk, acceptedAt, Shipped, Zone));

        Assert.Equal(CaseStatus.Accepted, @case.Status);
        Assert.Equal(AcceptanceKind.Standard, @case.AcceptedAs);
        Assert.Equal(acceptedAt, @case.ClockStartedAt);
        Assert.False(@case.DeemedAccepted);
        // Counting starts the day after acceptance (Tue 03-03); March 2026 has no holidays.
        // Promised 10: 3,4,5,6 | 9,10,11,12,13 | 16 -> Mon 2026-03-16.
        Assert.Equal(EndOf("2026-03-16"), @case.PromisedBaseDeadline);
        // Statutory 20: ... 16,17,18,19,20 | 23,24,25,26,27 | 30 -> Mon 2026-03-30.
        Assert.Equal(EndOf("2026-03-30"), @case.StatutoryBaseDeadline);
        Assert.Equal([CaseStepStatus.Active, CaseStepStatus.Pending, CaseStepStatus.Pending, CaseStepStatus.Pending], @case.Steps.Select(s => s.Status));
        Assert.Equal([0, 1, 1, 2], @case.Steps.Select(s => s.Stage));
        Assert.Equal(acceptedAt, Step(@case, Review).ActivatedAt);
    }

    [Fact]
    public void Accept_WithARequiredMaterialMissing_IsRefused()
    {
        var @case = Submitted(Monday, Plan);

        Refused<Conflict>(@case.Accept(Terms, Clerk, Monday, Shipped, Zone), "case.required-materials-missing");

        Assert.Equal(CaseStatus.Submitted, @case.Status);
        Assert.Empty(@case.Steps);
        Assert.Null(@case.ClockStartedAt);
    }

    [Fact]
    public void Accept_WithAMaterialReplacedByCommitment_MustGoThroughCommitmentAcceptance()
    {
        var draft = Draft(Monday);
        Ok(draft.ProvideMaterial(Upload(IdCard), Monday));
        Ok(draft.ProvideMaterial(Succeeds(CaseMaterial.Commitment(Lease, "本人承诺经营场所合法")), Monday));
        Ok(draft.ProvideMaterial(Upload(Plan), Monday));
        Ok(draft.Submit(NumberOn(Monday), ItemMaterials, Citizen, Monday));

        Refused<Conflict>(draft.Accept(CommitmentTerms, Clerk, Monday, Shipped, Zone), "case.commitment-needs-commitment-acceptance");
    }

    [Fact]
    public void Accept_Twice_IsRefused() =>
        Refused<Conflict>(Accepted(Monday).Accept(Terms, Clerk, Monday, Shipped, Zone), "case.not-awaiting-intake");

    [Fact]
    public void Accept_WithoutBackOfficeSteps_IsRefused() =>
        Refused<Invalid>(Submitted(Monday).Accept(Terms with { Steps = [] }, Clerk, Monday, Shipped, Zone), "case.process-required");

    [Fact]
    public void Accept_WithAStepKeyTwice_IsRefused() =>
        Refused<Invalid>(Submitted(Monday).Accept(Terms with { Steps = [new("a", "审查", "Approver"), new("a", "审核", "Leader")] }, Clerk, Monday, Shipped, Zone), "case.step-key-duplicate");

    [Fact]
    public void Accept_WithAStepWithoutARole_IsRefused() =>
        Refused<Invalid>(Submitted(Monday).Accept(Terms with { Steps = [new("a", "审查", " ")] }, Clerk, Monday, Shipped, Zone), "case.step-incomplete");

    [Fact]
    public void Accept_WithAParallelGroupSplitByAnotherStep_IsRefused()
    {
        StepPlan[] split = [new("a", "会签一", "X", "g"), new("b", "审查", "Y"), new("c", "会签二", "Z", "g")];

        Refused<Invalid>(Submitted(Monday).Accept(Terms with { Steps = split }, Clerk, Monday, Shipped, Zone), "case.parallel-group-not-adjacent");
    }

    [Fact]
    public void IsDeemedAccepted_AfterFiveWorkingDaysWithoutAnAnswer_AcrossAWeekend()
    {
        // Received Thursday 2026-03-05 16:00. The receipt day does not count:
        // Fri 03-06 (1), [Sat 07, Sun 08 off], Mon 09 (2), Tue 10 (3), Wed 11 (4), Thu 12 (5): the window
        // has until the end of Thursday 2026-03-12.
        var @case = Submitted(At("2026-03-05 16:00"));

        Assert.Equal(EndOf("2026-03-12"), @case.IntakeDeadline(Shipped, Zone));
        Assert.False(@case.IsDeemedAccepted(At("2026-03-09 09:00"), Shipped, Zone));
        Assert.False(@case.IsDeemedAccepted(At("2026-03-12 23:59"), Shipped, Zone));
        Assert.True(@case.IsDeemedAccepted(At("2026-03-13 00:00:01"), Shipped, Zone));
    }

    [Fact]
    public void IsDeemedAccepted_NotWhenTheWindowAnsweredInTime()
    {
        var @case = Submitted(At("2026-03-05 16:00"));
        Ok(@case.RequestCorrection([new(Plan, "方案不完整")], Clerk, At("2026-03-12 17:00")));

        Assert.False(@case.IsDeemedAccepted(At("2026-04-30 09:00"), Shipped, Zone));
    }

    [Fact]
    public void IsDeemedAccepted_CountsFromTheLatestReceiptAfterACorrection()
    {
        var @case = Submitted(At("2026-03-02 09:00"), Plan);
        Ok(@case.RequestCorrection([new(Plan, "未提交")], Clerk, At("2026-03-02 11:00")));
        Ok(@case.SupplyCorrection([Upload(Plan)], Citizen, At("2026-03-10 09:00")));

        // Received again Tue 03-10: 11, 12, 13, 16, 17 -> the window has until Tue 2026-03-17.
        Assert.Equal(EndOf("2026-03-17"), @case.IntakeDeadline(Shipped, Zone));
        Assert.False(@case.IsDeemedAccepted(At("2026-03-17 18:00"), Shipped, Zone));
        Assert.True(@case.IsDeemedAccepted(At("2026-03-18 09:00"), Shipped, Zone));
    }

    [Fact]
    public void Accept_AfterTheIntakePeriodRanOut_CountsFromReceiptAndStaysFlagged()
    {
        var @case = Submitted(At("2026-03-05 16:00"));

        Ok(@case.Accept(Terms, Clerk, At("2026-03-13 09:00"), Shipped, Zone));

        Assert.True(@case.DeemedAccepted);
        Assert.True(@case.IsDeemedAccepted(At("2026-03-13 09:00"), Shipped, Zone));
        Assert.Equal(At("2026-03-05 16:00"), @case.ClockStartedAt);
        // Promised 10 from Thu 03-05: 6 | 9,10,11,12,13 | 16,17,18,19 -> Thu 2026-03-19 (not 03-27 from the late acceptance).
        Assert.Equal(EndOf("2026-03-19"), @case.PromisedBaseDeadline);
        Assert.Contains("视为受理", @case.History[^1].Comment, StringComparison.Ordinal);
    }

    [Fact]
    public void IsDeemedAccepted_NeverForADraft() =>
        Assert.False(Draft(Monday).IsDeemedAccepted(Monday.AddYears(1), Shipped, Zone));
}
