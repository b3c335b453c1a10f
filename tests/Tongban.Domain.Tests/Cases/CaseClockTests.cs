using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using static Tongban.Domain.Tests.Cases.CaseTestData;
using static Tongban.Domain.Tests.Identifiers.IdentifierAssert;

namespace Tongban.Domain.Tests.Cases;

/// <summary>
/// Deadlines, 特别程序 clock stops, the one extension, and warnings. The reference case is accepted on
/// Monday 2026-03-02 10:00: promised 10 working days end Mon 03-16, statutory 20 end Mon 03-30
/// (March 2026 has no holidays).
/// </summary>
public class CaseClockTests
{
    private static readonly DateTimeOffset Monday = At("2026-03-02 10:00");

    [Fact]
    public void SpecialProcedure_PauseExtendsBothDeadlinesByThePausedWorkingDays()
    {
        var @case = Accepted(Monday);

        Ok(@case.StartSpecialProcedure(SpecialProcedure.SiteSurvey, "需现场勘察后厨布局", Reviewer, At("2026-03-04 09:00")));
        Ok(@case.EndSpecialProcedure(Reviewer, At("2026-03-06 17:00"), "现场勘察完毕"));

        // Paused Wed 03-04, Thu 03-05, Fri 03-06: 3 working days.
        var deadlines = Succeeds(@case.Deadlines(At("2026-03-09 09:00"), Shipped, Zone));
        // Promised 03-16 + 3: 17, 18, 19 -> Thu 2026-03-19.
        Assert.Equal(EndOf("2026-03-19"), deadlines.Promised);
        // Statutory 03-30 + 3: 31, 04-01, 04-02 -> Thu 2026-04-02.
        Assert.Equal(EndOf("2026-04-02"), deadlines.Statutory);
        var stop = Assert.Single(@case.ClockStops);
        Assert.Equal(SpecialProcedure.SiteSurvey, stop.Procedure);
        Assert.Equal(At("2026-03-06 17:00"), stop.EndedAt);
        Assert.Equal([CaseAction.SpecialProcedureStarted, CaseAction.SpecialProcedureEnded], @case.History.TakeLast(2).Select(e => e.Action));
        Assert.Equal("现场勘察：需现场勘察后厨布局", @case.History[^2].Comment);
    }

    [Fact]
    public void SpecialProcedure_OverAWeekend_CountsOnlyTheWorkingDaysItTouched()
    {
        var @case = Accepted(Monday);

        Ok(@case.StartSpecialProcedure(SpecialProcedure.ExpertReview, "专家评审", Reviewer, At("2026-03-06 16:00")));
        Ok(@case.EndSpecialProcedure(Reviewer, At("2026-03-09 09:00")));

        // Touched Fri 03-06 and Mon 03-09; the weekend adds nothing: 03-16 + 2 -> Wed 2026-03-18.
        Assert.Equal(EndOf("2026-03-18"), Succeeds(@case.Deadlines(At("2026-03-10 09:00"), Shipped, Zone)).Promised);
    }

    [Fact]
    public void TimeStatus_DuringASpecialProcedure_IsPausedAndTheRunningPauseCounts()
    {
        var @case = Accepted(Monday);
        Ok(@case.StartSpecialProcedure(SpecialProcedure.Testing, "送检", Reviewer, At("2026-03-04 09:00")));

        var status = Succeeds(@case.TimeStatus(At("2026-03-05 12:00"), Shipped, Zone));

        Assert.Equal(TimeWarning.Paused, status.Level);
        Assert.False(status.Ended);
        // Running since Wed: Wed and Thu count so far -> 03-16 + 2 = Wed 03-18.
        Assert.Equal(EndOf("2026-03-18"), status.Promised.Deadline);
    }

    [Fact]
    public void Decide_DuringASpecialProcedure_IsRefused()
    {
        var @case = Accepted(Monday);
        ApproveAllSteps(@case, At("2026-03-03 10:00"));
        Ok(@case.StartSpecialProcedure(SpecialProcedure.Hearing, "听证", Leader, At("2026-03-03 11:00")));

        Refused<Conflict>(@case.Decide(CaseDecision.Approve(), Leader, At("2026-03-03 12:00")), "case.clock-stopped");
    }

    [Fact]
    public void StartSpecialProcedure_WhileOneIsRunning_IsRefused()
    {
        var @case = Accepted(Monday);
        Ok(@case.StartSpecialProcedure(SpecialProcedure.Inspection, "检验", Reviewer, At("2026-03-03 09:00")));

        Refused<Conflict>(@case.StartSpecialProcedure(SpecialProcedure.Appraisal, "鉴定", Reviewer, At("2026-03-03 10:00")), "case.clock-already-stopped");
    }

    [Fact]
    public void StartSpecialProcedure_BeforeAcceptance_IsRefused() =>
        Refused<Conflict>(Submitted(Monday).StartSpecialProcedure(SpecialProcedure.Hearing, "听证", Reviewer, Monday), "case.special-procedure-needs-accepted-case");

    [Fact]
    public void StartSpecialProcedure_WithoutAReason_IsRefused() =>
        Refused<Invalid>(Accepted(Monday).StartSpecialProcedure(SpecialProcedure.Hearing, " ", Reviewer, Monday), "case.special-procedure-needs-reason");

    [Fact]
    public void EndSpecialProcedure_WhenNoneIsRunning_IsRefused() =>
        Refused<Conflict>(Accepted(Monday).EndSpecialProcedure(Reviewer, Monday), "case.no-special-procedure-running");

    [Fact]
    public void Extend_ByTenWorkingDays_MovesTheStatutoryDeadlineAcrossQingming()
    {
        var @case = Accepted(Monday);

        Ok(@case.Extend(10, HeadId, "需征求住建部门意见", Reviewer, At("2026-03-20 10:00"), Shipped, Zone));

        // 03-30 + 10: 31, 04-01, 02, 03 (4), [04-04..06 清明 off], 07, 08, 09, 10 (8), 13, 14 -> Tue 2026-04-14.
        Assert.Equal(EndOf("2026-04-14"), @case.StatutoryBaseDeadline);
        Assert.Equal(EndOf("2026-03-16"), @case.PromisedBaseDeadline);
        Assert.Equal(new CaseExtension(10, HeadId, "需征求住建部门意见", ReviewerId, At("2026-03-20 10:00")), @case.Extension);
        Assert.Equal("延长 10 个工作日：需征求住建部门意见", @case.History[^1].Comment);
        Assert.Equal(30, Succeeds(@case.TimeStatus(At("2026-03-20 10:00"), Shipped, Zone)).Statutory.LimitWorkingDays);
    }

    [Fact]
    public void Extend_BeyondTenWorkingDays_IsRefused() =>
        Refused<Invalid>(Accepted(Monday).Extend(11, HeadId, "复杂", Reviewer, Monday, Shipped, Zone), "case.extension-days-out-of-range");

    [Fact]
    public void Extend_JointHandlingAllowsFifteen() =>
        Ok(Accepted(Monday, Terms with { StatutoryLimit = CaseTimeLimit.WorkingDays(45), MaxExtensionWorkingDays = 15 })
            .Extend(15, HeadId, "联合办理", Reviewer, Monday, Shipped, Zone));

    [Fact]
    public void Extend_Twice_IsRefused()
    {
        var @case = Accepted(Monday);
        Ok(@case.Extend(5, HeadId, "复杂", Reviewer, Monday, Shipped, Zone));

        Refused<Conflict>(@case.Extend(5, HeadId, "还复杂", Reviewer, Monday, Shipped, Zone), "case.extension-already-granted");
    }

    [Fact]
    public void Extend_ApprovedByTheRequesterThemself_IsForbidden() =>
        Refused<Forbidden>(Accepted(Monday).Extend(5, ReviewerId, "复杂", Reviewer, Monday, Shipped, Zone), "case.extension-approver-is-requester");

    [Fact]
    public void Extend_WithoutASuperior_IsRefused() =>
        Refused<Invalid>(Accepted(Monday).Extend(5, Guid.Empty, "复杂", Reviewer, Monday, Shipped, Zone), "case.extension-needs-superior");

    [Fact]
    public void Extend_WithoutAReason_IsRefused() =>
        Refused<Invalid>(Accepted(Monday).Extend(5, HeadId, "", Reviewer, Monday, Shipped, Zone), "case.extension-needs-reason");

    [Fact]
    public void TimeStatus_AtSeventyPercent_IsNormal()
    {
        // Wed 03-11: 3, 4, 5, 6, 9, 10, 11 used; 12, 13, 16 left -> 7 of 10 used.
        var status = Succeeds(Accepted(Monday).TimeStatus(At("2026-03-11 12:00"), Shipped, Zone));

        Assert.Equal(3, status.Promised.RemainingWorkingDays);
        Assert.Equal(10, status.Promised.LimitWorkingDays);
        Assert.Equal(0.7, status.Promised.UsedShare, 6);
        Assert.Equal(TimeWarning.Normal, status.Level);
    }

    [Fact]
    public void TimeStatus_AtEightyPercentOfThePromisedLimit_IsYellow()
    {
        // Thu 03-12: 13 and 16 left -> 8 of 10 used; statutory 12 of 20 left, still normal.
        var status = Succeeds(Accepted(Monday).TimeStatus(At("2026-03-12 12:00"), Shipped, Zone));

        Assert.Equal(TimeWarning.Yellow, status.Promised.Level);
        Assert.Equal(2, status.Promised.RemainingWorkingDays);
        Assert.Equal(TimeWarning.Normal, status.Statutory.Level);
        Assert.Equal(12, status.Statutory.RemainingWorkingDays);
        Assert.Equal(TimeWarning.Yellow, status.Level);
    }

    [Fact]
    public void TimeStatus_OnTheDeadlineDay_IsYellowWithNoDaysLeft()
    {
        var status = Succeeds(Accepted(Monday).TimeStatus(At("2026-03-16 22:00"), Shipped, Zone));

        Assert.Equal(0, status.Promised.RemainingWorkingDays);
        Assert.Equal(TimeWarning.Yellow, status.Level);
    }

    [Fact]
    public void TimeStatus_PastThePromisedDeadline_IsRed()
    {
        var status = Succeeds(Accepted(Monday).TimeStatus(At("2026-03-17 09:00"), Shipped, Zone));

        Assert.Equal(TimeWarning.Red, status.Level);
        Assert.Equal(-1, status.Promised.RemainingWorkingDays);
        Assert.Equal(TimeWarning.Normal, status.Statutory.Level);
    }

    [Fact]
    public void TimeStatus_UsesTheCitysWarningShare()
    {
        // Mon 03-09: 5 of 10 used.
        var status = Succeeds(Accepted(Monday).TimeStatus(At("2026-03-09 12:00"), Shipped, Zone, CasePolicy.Default with { WarningShare = 0.5 }));

        Assert.Equal(TimeWarning.Yellow, status.Level);
    }

    [Fact]
    public void TimeStatus_AfterTheDecision_IsFrozenAtTheDecision()
    {
        var @case = Accepted(Monday);
        ApproveAllSteps(@case, At("2026-03-10 09:00"));
        Ok(@case.Decide(CaseDecision.Approve(), Leader, At("2026-03-10 10:00")));

        var status = Succeeds(@case.TimeStatus(At("2026-05-01 09:00"), Shipped, Zone));

        Assert.True(status.Ended);
        Assert.Equal(TimeWarning.Normal, status.Level);
        Assert.Equal(4, status.Promised.RemainingWorkingDays);
    }

    [Fact]
    public void TimeStatus_BeforeAcceptance_IsRefused() =>
        Refused<Conflict, CaseTimeStatus>(Submitted(Monday).TimeStatus(Monday, Shipped, Zone), "case.clock-not-started");

    [Fact]
    public void TimeStatus_ForANaturalDayLimit_CountsTheWorkingDaysItSpans()
    {
        // Promised 7 natural days from Mon 03-02 -> Mon 03-09, which spans 5 working days.
        var status = Succeeds(Accepted(Monday, Terms with { PromisedLimit = CaseTimeLimit.NaturalDays(7) }).TimeStatus(At("2026-03-06 12:00"), Shipped, Zone));

        Assert.Equal(EndOf("2026-03-09"), status.Promised.Deadline);
        Assert.Equal(5, status.Promised.LimitWorkingDays);
        Assert.Equal(1, status.Promised.RemainingWorkingDays);
        Assert.Equal(TimeWarning.Yellow, status.Promised.Level);
    }
}
