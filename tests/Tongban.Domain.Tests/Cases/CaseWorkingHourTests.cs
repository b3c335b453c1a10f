using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using Tongban.Domain.Primitives.Calendar;
using static Tongban.Domain.Tests.Cases.CaseTestData;
using static Tongban.Domain.Tests.Identifiers.IdentifierAssert;

namespace Tongban.Domain.Tests.Cases;

/// <summary>
/// A case whose promised limit is 1 working hour (抵押登记) and whose statutory limit stays 3 working days, accepted
/// on Monday 2026-03-02 at 11:30: promised 14:00 the same day (the lunch break does not count), statutory Thu 03-05.
/// </summary>
public class CaseWorkingHourTests
{
    private static readonly DateTimeOffset Received = At("2026-03-02 11:30");

    private static CaseTerms HourTerms => Terms with { StatutoryLimit = CaseTimeLimit.WorkingDays(3), PromisedLimit = CaseTimeLimit.WorkingHours(1) };

    [Fact]
    public void HourPromise_IsDueAfterOneOfficeHour_StatutoryStaysInDays()
    {
        var @case = Accepted(Received, HourTerms);

        var deadlines = Succeeds(@case.Deadlines(Received, Shipped, Zone));

        Assert.Equal(At("2026-03-02 14:00"), deadlines.Promised);
        Assert.Equal(EndOf("2026-03-05"), deadlines.Statutory);
        Assert.Equal(CaseTimeLimit.WorkingHours(1), @case.PromisedLimit);
    }

    [Fact]
    public void HourPromise_RemainingMinutesAndWarnings_FollowTheOfficeTimeUsed()
    {
        var @case = Accepted(Received, HourTerms);

        var start = Succeeds(@case.TimeStatus(At("2026-03-02 11:40"), Shipped, Zone)).Promised;
        Assert.Equal(TimeLimitUnit.WorkingHours, start.Unit);
        Assert.Equal(TimeSpan.FromHours(1), start.LimitWorkingTime);
        Assert.Equal(50, start.RemainingWorkingMinutes);
        Assert.Equal(TimeWarning.Normal, start.Level);

        // Lunch does not use the limit: at 13:00 still 30 minutes left (50% used).
        var lunch = Succeeds(@case.TimeStatus(At("2026-03-02 13:00"), Shipped, Zone));
        Assert.Equal(30, lunch.Promised.RemainingWorkingMinutes);
        Assert.Equal(0.5, lunch.Promised.UsedShare, 6);
        Assert.Equal(TimeWarning.Normal, lunch.Level);

        // 13:50: 50 of 60 minutes used (83% >= 80%).
        var late = Succeeds(@case.TimeStatus(At("2026-03-02 13:50"), Shipped, Zone));
        Assert.Equal(10, late.Promised.RemainingWorkingMinutes);
        Assert.Equal(TimeWarning.Yellow, late.Promised.Level);
        Assert.Equal(TimeWarning.Normal, late.Statutory.Level);
        Assert.Equal(TimeWarning.Yellow, late.Level);

        var overdue = Succeeds(@case.TimeStatus(At("2026-03-02 14:15"), Shipped, Zone));
        Assert.Equal(TimeWarning.Red, overdue.Level);
        Assert.Equal(-15, overdue.Promised.RemainingWorkingMinutes);
        Assert.Equal(3, overdue.Statutory.RemainingWorkingDays);
    }

    [Fact]
    public void HourPromise_ReceivedAfterHours_IsDueAtTenTheNextWorkingDay()
    {
        var @case = Accepted(At("2026-03-06 20:00"), HourTerms);

        var status = Succeeds(@case.TimeStatus(At("2026-03-09 09:00"), Shipped, Zone));

        Assert.Equal(At("2026-03-09 10:00"), status.Promised.Deadline);
        Assert.Equal(60, status.Promised.RemainingWorkingMinutes);
        Assert.Equal(TimeSpan.FromHours(1), status.Promised.LimitWorkingTime);
    }

    [Fact]
    public void HourPromise_SpecialProcedure_MovesThePromiseByThePausedOfficeMinutes_AndTheStatutoryByAWorkingDay()
    {
        var @case = Accepted(Received, HourTerms);

        Ok(@case.StartSpecialProcedure(SpecialProcedure.SiteSurvey, "现场查看房屋", Reviewer, At("2026-03-02 13:35")));
        Assert.Equal(TimeWarning.Paused, Succeeds(@case.TimeStatus(At("2026-03-02 13:40"), Shipped, Zone)).Level);
        Ok(@case.EndSpecialProcedure(Reviewer, At("2026-03-02 13:55")));

        var deadlines = Succeeds(@case.Deadlines(At("2026-03-02 14:00"), Shipped, Zone));
        Assert.Equal(At("2026-03-02 14:20"), deadlines.Promised);
        Assert.Equal(EndOf("2026-03-06"), deadlines.Statutory);
        var status = Succeeds(@case.TimeStatus(At("2026-03-02 14:00"), Shipped, Zone));
        Assert.Equal(20, status.Promised.RemainingWorkingMinutes);
        Assert.Equal(TimeWarning.Normal, status.Level);
    }

    [Fact]
    public void HourPromise_Extension_AddsWorkingDaysToTheStatutoryLimitOnly()
    {
        var @case = Accepted(Received, HourTerms);

        Ok(@case.Extend(2, HeadId, "需核实抵押合同", Reviewer, At("2026-03-02 13:40"), Shipped, Zone));

        var deadlines = Succeeds(@case.Deadlines(At("2026-03-02 13:45"), Shipped, Zone));
        Assert.Equal(At("2026-03-02 14:00"), deadlines.Promised);
        Assert.Equal(EndOf("2026-03-09"), deadlines.Statutory);
    }
}
