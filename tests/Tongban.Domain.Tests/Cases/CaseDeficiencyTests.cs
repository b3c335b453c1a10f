using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using static Tongban.Domain.Tests.Cases.CaseTestData;
using static Tongban.Domain.Tests.Identifiers.IdentifierAssert;

namespace Tongban.Domain.Tests.Cases;

/// <summary>
/// 容缺受理 across 国庆 2026. The 2026 arrangement: 10-01..10-07 off, Sunday 09-20 and Saturday 10-10 are
/// 调休 working days.
/// </summary>
public class CaseDeficiencyTests
{
    private const string Commitment = "本人承诺于期限内补齐经营方案，逾期未补齐的，同意不予办理。";

    private static readonly DateTimeOffset AcceptedAt = At("2026-09-28 10:00"); // Monday

    /// <summary>Submitted Monday 2026-09-28 09:00 without the 经营方案 (容缺 allowed), accepted at 10:00 with 5 working days to supplement.</summary>
    private static Case AcceptedWithPlanOwed()
    {
        var @case = Submitted(At("2026-09-28 09:00"), Plan);
        Ok(@case.AcceptWithDeficiency(Terms, Commitment, CaseTimeLimit.WorkingDays(5), Clerk, AcceptedAt, Shipped, Zone, ["commitments/signed.pdf"]));
        return @case;
    }

    [Fact]
    public void AcceptWithDeficiency_SupplementDeadlineCrossesNationalDayAndEndsOnTheMakeUpSaturday()
    {
        var @case = AcceptedWithPlanOwed();

        // From Mon 09-28 (not counted): Tue 09-29 (1), Wed 09-30 (2), [10-01..10-07 国庆 off],
        // Thu 10-08 (3), Fri 10-09 (4), Sat 10-10 调休 working day (5) -> end of Saturday 2026-10-10.
        Assert.Equal(EndOf("2026-10-10"), @case.Deficiency!.Deadline);
        // Promised 10: ... 10-10 (5), [Sun 10-11 off], Mon 10-12 (6), 13 (7), 14 (8), 15 (9), Fri 10-16 (10).
        Assert.Equal(EndOf("2026-10-16"), @case.PromisedBaseDeadline);
        // Statutory 20: ... 10-16 (10), 19..23 (15), 26..30 (20) -> Fri 2026-10-30.
        Assert.Equal(EndOf("2026-10-30"), @case.StatutoryBaseDeadline);
        Assert.Equal(CaseStatus.AcceptedWithDeficiency, @case.Status);
        Assert.Equal(AcceptanceKind.WithDeficiency, @case.AcceptedAs);
        Assert.Equal(Commitment, @case.Deficiency.Commitment);
        Assert.Equal(Plan, Assert.Single(@case.OwedMaterials).Key);
        var accepted = @case.History[^1];
        Assert.Equal(CaseAction.AcceptedWithDeficiency, accepted.Action);
        Assert.Equal("容缺材料：经营方案；补齐期限：2026-10-10", accepted.Comment);
        Assert.Equal(["commitments/signed.pdf"], accepted.Attachments);
    }

    [Fact]
    public void AcceptWithDeficiency_ProcessingProceedsWhileMaterialsAreOwed()
    {
        var @case = AcceptedWithPlanOwed();

        Ok(@case.ApproveStep(Review, Reviewer, At("2026-09-29 10:00")));

        Assert.Equal(CaseStepStatus.Active, StatusOf(@case, Fire));
    }

    [Fact]
    public void Decide_WhileMaterialsAreOwed_IsRefused()
    {
        var @case = AcceptedWithPlanOwed();
        ApproveAllSteps(@case, At("2026-09-29 10:00"));

        var error = Refused<Conflict>(@case.Decide(CaseDecision.Approve(), Leader, At("2026-09-30 10:00")), "case.deficiency-outstanding");

        Assert.Contains("经营方案", ChineseMessage(error), StringComparison.Ordinal);
        Assert.Equal(CaseStatus.AcceptedWithDeficiency, @case.Status);
    }

    [Fact]
    public void SupplementDeficiency_OnTheMakeUpSaturday_IsInTimeAndClearsIt()
    {
        var @case = AcceptedWithPlanOwed();
        var saturday = At("2026-10-10 16:00");

        Assert.Equal(DeficiencyCheckOutcome.NotDue, Succeeds(@case.CheckDeficiency(At("2026-10-10 09:00"), Shipped, Zone)));
        Ok(@case.SupplementDeficiency([Upload(Plan)], Citizen, saturday));

        Assert.Equal(CaseStatus.Accepted, @case.Status);
        Assert.Empty(@case.OwedMaterials);
        Assert.Equal(saturday, @case.Deficiency!.SupplementedAt);
        Assert.Equal(saturday, MaterialOf(@case, Plan).ProvidedAt);
        Assert.Equal("已补齐：经营方案", @case.History[^1].Comment);
        Assert.Empty(@case.ClockStops);
        Assert.Equal(EndOf("2026-10-16"), Succeeds(@case.Deadlines(saturday, Shipped, Zone)).Promised);
    }

    [Fact]
    public void SupplementDeficiency_ThenTheCaseIsDecidedAndIssued()
    {
        var @case = AcceptedWithPlanOwed();
        ApproveAllSteps(@case, At("2026-09-29 10:00"));
        Ok(@case.SupplementDeficiency([Upload(Plan)], Citizen, At("2026-10-09 10:00")));

        Ok(@case.Decide(CaseDecision.Approve(), Leader, At("2026-10-09 15:00")));
        Ok(@case.RecordIssue(new CaseIssuance("docs/decision.pdf", null), Clerk, At("2026-10-09 16:00")));

        Assert.Equal(CaseStatus.Issued, @case.Status);
    }

    [Fact]
    public void SupplementDeficiency_Partly_KeepsTheRestOwed()
    {
        var @case = Submitted(At("2026-09-28 09:00"), Plan, Lease);
        Ok(@case.AcceptWithDeficiency(Terms, Commitment, CaseTimeLimit.WorkingDays(5), Clerk, AcceptedAt, Shipped, Zone));

        Ok(@case.SupplementDeficiency([Upload(Lease)], Citizen, At("2026-09-29 10:00")));

        Assert.Equal(CaseStatus.AcceptedWithDeficiency, @case.Status);
        Assert.Equal(Plan, Assert.Single(@case.OwedMaterials).Key);
        Assert.Equal("已补：场地证明；尚欠：经营方案", @case.History[^1].Comment);
    }

    [Fact]
    public void CheckDeficiency_PastTheDeadline_NotifiesAgainOpensTheGracePeriodAndStopsTheClock()
    {
        var @case = AcceptedWithPlanOwed();
        var sunday = At("2026-10-11 09:00");

        Assert.Equal(DeficiencyCheckOutcome.NotifiedAgain, Succeeds(@case.CheckDeficiency(sunday, Shipped, Zone)));

        Assert.Equal(CaseStatus.DeficiencyOverdue, @case.Status);
        Assert.Equal(sunday, @case.Deficiency!.NotifiedAgainAt);
        // 15 natural days from Sun 10-11: Mon 2026-10-26, a working day.
        Assert.Equal(EndOf("2026-10-26"), @case.Deficiency.GraceDeadline);
        var stop = Assert.Single(@case.ClockStops);
        Assert.Equal(ClockStopKind.AwaitingSupplement, stop.Kind);
        Assert.True(stop.IsOpen);
        Assert.Equal(TimeWarning.Paused, Succeeds(@case.TimeStatus(At("2026-10-15 09:00"), Shipped, Zone)).Level);
        var notice = @case.History[^1];
        Assert.Equal(CaseAction.DeficiencyNotifiedAgain, notice.Action);
        Assert.Equal(CaseActor.SystemRole, notice.ActorRole);
        Assert.Contains("2026-10-26", notice.Comment, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckDeficiency_GracePeriodEndingOnNationalDay_RunsToTheNextWorkingDay()
    {
        // Accepted Mon 2026-09-07, 5 working days: 8, 9, 10, 11, Mon 09-14. Promised 10 ends on the
        // 调休 Sunday 09-20 (15, 16, 17, 18, 20), so the supplement deadline is within it.
        var @case = Submitted(At("2026-09-07 09:00"), Plan);
        Ok(@case.AcceptWithDeficiency(Terms, Commitment, CaseTimeLimit.WorkingDays(5), Clerk, At("2026-09-07 10:00"), Shipped, Zone));
        Assert.Equal(EndOf("2026-09-14"), @case.Deficiency!.Deadline);
        Assert.Equal(EndOf("2026-09-20"), @case.PromisedBaseDeadline);

        Assert.Equal(DeficiencyCheckOutcome.NotifiedAgain, Succeeds(@case.CheckDeficiency(At("2026-09-16 09:00"), Shipped, Zone)));

        // 09-16 + 15 days = Thu 10-01, a holiday: the period ends on the first working day after, Thu 10-08.
        Assert.Equal(EndOf("2026-10-08"), @case.Deficiency!.GraceDeadline);
    }

    [Fact]
    public void SupplementDeficiency_WithinTheGracePeriod_ResumesAndTheWaitDoesNotCount()
    {
        var @case = AcceptedWithPlanOwed();
        Succeeds(@case.CheckDeficiency(At("2026-10-11 09:00"), Shipped, Zone));
        var lastDay = At("2026-10-26 20:00");

        Ok(@case.SupplementDeficiency([Upload(Plan)], Citizen, lastDay));

        Assert.Equal(CaseStatus.Accepted, @case.Status);
        Assert.Equal(lastDay, Assert.Single(@case.ClockStops).EndedAt);
        // Paused working days Sun 10-11 .. Mon 10-26: 12..16 (5), 19..23 (5), 26 (1) = 11.
        // Promised 10-16 + 11 working days: 19..23 (5), 26..30 (10), Mon 11-02 (11).
        Assert.Equal(EndOf("2026-11-02"), Succeeds(@case.Deadlines(At("2026-10-27 09:00"), Shipped, Zone)).Promised);
        Assert.NotEqual(TimeWarning.Paused, Succeeds(@case.TimeStatus(At("2026-10-27 09:00"), Shipped, Zone)).Level);
        Ok(@case.ApproveStep(Review, Reviewer, At("2026-10-27 09:00")));
    }

    [Fact]
    public void SupplementDeficiency_DuringASpecialProcedure_EndsOnlyTheWaitForMaterials()
    {
        var @case = AcceptedWithPlanOwed();
        Ok(@case.StartSpecialProcedure(SpecialProcedure.Testing, "样品送检", Reviewer, At("2026-10-09 09:00")));
        Succeeds(@case.CheckDeficiency(At("2026-10-11 09:00"), Shipped, Zone));

        Ok(@case.SupplementDeficiency([Upload(Plan)], Citizen, At("2026-10-13 09:00")));

        Assert.Equal(CaseStatus.Accepted, @case.Status);
        Assert.Equal(ClockStopKind.SpecialProcedure, @case.OpenClockStop!.Kind);
        Assert.Equal(TimeWarning.Paused, Succeeds(@case.TimeStatus(At("2026-10-13 10:00"), Shipped, Zone)).Level);
        Ok(@case.EndSpecialProcedure(Reviewer, At("2026-10-14 09:00")));
        Assert.Null(@case.OpenClockStop);
        // Paused 10-09 .. 10-14 (each working day once, overlaps included): 09, 10 (调休), 12, 13, 14 = 5.
        // Promised 10-16 + 5: 19, 20, 21, 22, 23 -> Fri 2026-10-23.
        Assert.Equal(EndOf("2026-10-23"), Succeeds(@case.Deadlines(At("2026-10-14 10:00"), Shipped, Zone)).Promised);
    }

    [Fact]
    public void CheckDeficiency_AfterTheGracePeriod_TerminatesAndReturnsTheMaterials()
    {
        var @case = AcceptedWithPlanOwed();
        Succeeds(@case.CheckDeficiency(At("2026-10-11 09:00"), Shipped, Zone));
        Assert.Equal(DeficiencyCheckOutcome.NotDue, Succeeds(@case.CheckDeficiency(At("2026-10-26 23:00"), Shipped, Zone)));

        Assert.Equal(DeficiencyCheckOutcome.Terminated, Succeeds(@case.CheckDeficiency(At("2026-10-27 00:30"), Shipped, Zone)));

        Assert.Equal(CaseStatus.Terminated, @case.Status);
        Assert.Equal(At("2026-10-27 00:30"), @case.TerminatedAt);
        Assert.Equal(At("2026-10-27 00:30"), @case.ClockEndedAt);
        Assert.False(Assert.Single(@case.ClockStops).IsOpen);
        Assert.Contains("不予办理", @case.History[^1].Comment, StringComparison.Ordinal);
        Assert.Contains("退回", @case.History[^1].Comment, StringComparison.Ordinal);
        Refused<Conflict>(@case.SupplementDeficiency([Upload(Plan)], Citizen, At("2026-10-27 09:00")), "case.no-materials-owed");
    }

    [Fact]
    public void SupplementDeficiency_AfterTheGracePeriodBeforeTheCheckRan_IsRefused()
    {
        var @case = AcceptedWithPlanOwed();
        Succeeds(@case.CheckDeficiency(At("2026-10-11 09:00"), Shipped, Zone));

        Refused<Conflict>(@case.SupplementDeficiency([Upload(Plan)], Citizen, At("2026-10-27 08:00")), "case.deficiency-grace-expired");

        Assert.Equal(CaseStatus.DeficiencyOverdue, @case.Status);
    }

    [Fact]
    public void SupplementDeficiency_LateButBeforeTheSecondNotice_IsAccepted()
    {
        var @case = AcceptedWithPlanOwed();

        Ok(@case.SupplementDeficiency([Upload(Plan)], Citizen, At("2026-10-11 08:00")));

        Assert.Equal(CaseStatus.Accepted, @case.Status);
        Assert.Null(@case.Deficiency!.NotifiedAgainAt);
    }

    [Fact]
    public void ApproveStep_WhileSuspendedAfterTheSecondNotice_IsRefused()
    {
        var @case = AcceptedWithPlanOwed();
        Succeeds(@case.CheckDeficiency(At("2026-10-11 09:00"), Shipped, Zone));

        Refused<Conflict>(@case.ApproveStep(Review, Reviewer, At("2026-10-12 09:00")), "case.suspended-awaiting-owed-materials");
    }

    [Fact]
    public void CheckDeficiency_WithNothingOwed_IsRefused() =>
        Refused<Conflict, DeficiencyCheckOutcome>(Accepted(AcceptedAt).CheckDeficiency(AcceptedAt, Shipped, Zone), "case.no-materials-owed");

    [Fact]
    public void CheckDeficiency_UsesTheCitysGracePeriod()
    {
        var @case = AcceptedWithPlanOwed();

        Succeeds(@case.CheckDeficiency(At("2026-10-12 09:00"), Shipped, Zone, CasePolicy.Default with { DeficiencyGracePeriod = CaseTimeLimit.WorkingDays(3) }));

        Assert.Equal(EndOf("2026-10-15"), @case.Deficiency!.GraceDeadline);
    }

    [Fact]
    public void AcceptWithDeficiency_WithAKeyMaterialMissing_IsRefusedAndNamesIt()
    {
        var @case = Submitted(At("2026-09-28 09:00"), IdCard, Plan);

        var error = Refused<Conflict>(@case.AcceptWithDeficiency(Terms, Commitment, CaseTimeLimit.WorkingDays(5), Clerk, AcceptedAt, Shipped, Zone), "case.deficiency-not-for-key-material");

        Assert.Contains("身份证明", ChineseMessage(error), StringComparison.Ordinal);
        Assert.DoesNotContain("经营方案", ChineseMessage(error), StringComparison.Ordinal);
        Assert.Equal(CaseStatus.Submitted, @case.Status);
    }

    [Fact]
    public void AcceptWithDeficiency_WithNothingMissing_IsRefused() =>
        Refused<Conflict>(Submitted(AcceptedAt).AcceptWithDeficiency(Terms, Commitment, CaseTimeLimit.WorkingDays(5), Clerk, AcceptedAt, Shipped, Zone), "case.deficiency-nothing-missing");

    [Fact]
    public void AcceptWithDeficiency_WithoutTheSignedCommitment_IsRefused() =>
        Refused<Invalid>(Submitted(AcceptedAt, Plan).AcceptWithDeficiency(Terms, " ", CaseTimeLimit.WorkingDays(5), Clerk, AcceptedAt, Shipped, Zone), "case.deficiency-commitment-required");

    [Fact]
    public void AcceptWithDeficiency_WithADeadlineBeyondThePromisedOne_IsRefused()
    {
        // Promised 5 working days ends Sat 10-10, like a 5-day supplement period (equal is allowed);
        // 6 working days to supplement would end Mon 10-12, after it.
        var terms = Terms with { PromisedLimit = CaseTimeLimit.WorkingDays(5) };
        Ok(Submitted(At("2026-09-28 09:00"), Plan).AcceptWithDeficiency(terms, Commitment, CaseTimeLimit.WorkingDays(5), Clerk, AcceptedAt, Shipped, Zone));
        var @case = Submitted(At("2026-09-28 09:00"), Plan);

        var error = Refused<Invalid>(@case.AcceptWithDeficiency(terms, Commitment, CaseTimeLimit.WorkingDays(6), Clerk, AcceptedAt, Shipped, Zone), "case.deficiency-deadline-beyond-promise");

        Assert.Contains("2026-10-12", ChineseMessage(error), StringComparison.Ordinal);
        Assert.Contains("2026-10-10", ChineseMessage(error), StringComparison.Ordinal);
    }

    [Fact]
    public void AcceptWithDeficiency_WithANonPositivePeriod_IsRefused() =>
        Refused<Invalid>(Submitted(AcceptedAt, Plan).AcceptWithDeficiency(Terms, Commitment, CaseTimeLimit.WorkingDays(0), Clerk, AcceptedAt, Shipped, Zone), "case.deficiency-period-invalid");

    [Fact]
    public void SupplementDeficiency_OfAMaterialNotOwed_IsRefused() =>
        Refused<Invalid>(AcceptedWithPlanOwed().SupplementDeficiency([Upload(IdCard)], Citizen, At("2026-09-29 09:00")), "case.material-not-owed");

    [Fact]
    public void SupplementDeficiency_MarkedMissingAgain_IsRefused() =>
        Refused<Invalid>(AcceptedWithPlanOwed().SupplementDeficiency([MissingMark(Plan)], Citizen, At("2026-09-29 09:00")), "case.supplement-must-provide");

    [Fact]
    public void SupplementDeficiency_WithNothing_IsRefused() =>
        Refused<Invalid>(AcceptedWithPlanOwed().SupplementDeficiency([], Citizen, At("2026-09-29 09:00")), "case.supplement-needs-materials");
}
