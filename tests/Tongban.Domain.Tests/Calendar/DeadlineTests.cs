using Tongban.Domain.Primitives.Calendar;
using static Tongban.Domain.Tests.Calendar.CalendarTestData;

namespace Tongban.Domain.Tests.Calendar;

public class DeadlineTests
{
    [Fact]
    public void WorkingDayDeadline_EndsAtTheLastTickOfTheLocalDayExpressedInUtc()
    {
        // Received Monday 2026-03-02; counting starts Tuesday: Mar 3, 4, 5, 6, 9 -> Monday 2026-03-09.
        var deadline = Shipped.DeadlineFor(At("2026-03-02T10:00:00+08:00"), 5, TimeLimitUnit.WorkingDays, Shanghai);

        Assert.Equal(At("2026-03-09T15:59:59.9999999Z"), deadline);
        Assert.Equal(TimeSpan.Zero, deadline.Offset);
        Assert.Equal(At("2026-03-09T23:59:59.9999999+08:00"), deadline);
        Assert.Equal(At("2026-03-10T00:00:00+08:00").AddTicks(-1), deadline);
    }

    [Fact]
    public void WorkingDayDeadline_UsesTheLocalDateOfReceiptNotTheUtcDate()
    {
        // 2026-03-01T17:00Z is Monday 01:00 in Shanghai (Sunday in UTC): same deadline as above.
        var deadline = Shipped.DeadlineFor(At("2026-03-01T17:00:00Z"), 5, TimeLimitUnit.WorkingDays, Shanghai);

        Assert.Equal(At("2026-03-09T15:59:59.9999999Z"), deadline);
    }

    [Fact]
    public void WorkingDayDeadline_ReceivedOnASaturday_CountsFromTheFollowingMonday()
    {
        // Received Saturday 2026-03-07 (Friday 20:00 UTC); Sunday is skipped, Monday Mar 9 is day 1, Tuesday Mar 10 day 2.
        var deadline = Shipped.DeadlineFor(At("2026-03-06T20:00:00Z"), 2, TimeLimitUnit.WorkingDays, Shanghai);

        Assert.Equal(At("2026-03-10T23:59:59.9999999+08:00"), deadline);
    }

    [Fact]
    public void WorkingDayDeadline_ReceivedOnAMakeUpSaturday_DoesNotCountTheReceiptDay()
    {
        // Saturday 2026-02-28 is a working day, but the receipt day never counts: Mar 2 (Mon) is day 1.
        var deadline = Shipped.DeadlineFor(At("2026-02-28T09:30:00+08:00"), 1, TimeLimitUnit.WorkingDays, Shanghai);

        Assert.Equal(At("2026-03-02T23:59:59.9999999+08:00"), deadline);
    }

    [Fact]
    public void WorkingDayDeadline_TwentyDaysAcrossNationalDay2026()
    {
        // Received Wed 2026-09-30: 20 working days end Tue 2026-11-03 (see WorkingDayTests).
        var deadline = Shipped.DeadlineFor(At("2026-09-30T16:45:00+08:00"), 20, TimeLimitUnit.WorkingDays, Shanghai);

        Assert.Equal(At("2026-11-03T15:59:59.9999999Z"), deadline);
    }

    [Fact]
    public void NaturalDayDeadline_LandingOnAHoliday_MovesToTheNextWorkingDay()
    {
        // Received Thu 2026-09-24; 7 natural days -> Thu 2026-10-01 (国庆), holidays to Oct 7 -> Thu 2026-10-08.
        var deadline = Shipped.DeadlineFor(At("2026-09-24T11:00:00+08:00"), 7, TimeLimitUnit.NaturalDays, Shanghai);

        Assert.Equal(At("2026-10-08T23:59:59.9999999+08:00"), deadline);
    }

    [Fact]
    public void NaturalDayDeadline_LandingOnAnOrdinarySaturday_MovesToMonday()
    {
        // Received Mon 2026-03-02; 5 natural days -> Sat 2026-03-07 -> Mon 2026-03-09.
        var deadline = Shipped.DeadlineFor(At("2026-03-02T10:00:00+08:00"), 5, TimeLimitUnit.NaturalDays, Shanghai);

        Assert.Equal(At("2026-03-09T23:59:59.9999999+08:00"), deadline);
    }

    [Fact]
    public void NaturalDayDeadline_LandingOnAMakeUpSaturday_StaysThere()
    {
        // Received Sat 2026-10-03 (a holiday); 7 natural days -> Sat 2026-10-10, a make-up working day.
        var deadline = Shipped.DeadlineFor(At("2026-10-03T10:00:00+08:00"), 7, TimeLimitUnit.NaturalDays, Shanghai);

        Assert.Equal(At("2026-10-10T23:59:59.9999999+08:00"), deadline);
    }

    [Fact]
    public void NaturalDayDeadline_CountsWeekendsAndHolidaysInsideThePeriod()
    {
        // Received Fri 2025-01-24; 15 natural days -> Sat 2025-02-08, a make-up working day (the 春节 week counted).
        var deadline = Shipped.DeadlineFor(At("2025-01-24T10:00:00+08:00"), 15, TimeLimitUnit.NaturalDays, Shanghai);

        Assert.Equal(At("2025-02-08T23:59:59.9999999+08:00"), deadline);
    }

    [Fact]
    public void Deadline_WithANegativeAmount_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(
            () => Shipped.DeadlineFor(At("2026-03-02T10:00:00+08:00"), -1, TimeLimitUnit.WorkingDays, Shanghai));

    [Fact]
    public void ElapsedWorkingDays_DoesNotCountTheStartDay()
    {
        var start = At("2026-09-30T10:00:00+08:00");

        Assert.Equal(0, Shipped.ElapsedWorkingDays(start, At("2026-09-30T17:00:00+08:00"), Shanghai));
        Assert.Equal(0, Shipped.ElapsedWorkingDays(start, At("2026-10-07T17:00:00+08:00"), Shanghai));
        // Oct 8, 9, 10 (Sat, make-up).
        Assert.Equal(3, Shipped.ElapsedWorkingDays(start, At("2026-10-11T09:00:00+08:00"), Shanghai));
        // 2026-10-11T16:30Z is Oct 12 00:30 in Shanghai: Monday counts.
        Assert.Equal(4, Shipped.ElapsedWorkingDays(start, At("2026-10-11T16:30:00Z"), Shanghai));
    }

    [Fact]
    public void RemainingWorkingDays_CountsDownToZeroOnTheDeadlineDay()
    {
        var deadline = At("2026-03-09T15:59:59.9999999Z"); // end of Mon 2026-03-09 in Shanghai

        Assert.Equal(5, Shipped.RemainingWorkingDays(At("2026-03-02T10:00:00+08:00"), deadline, Shanghai));
        Assert.Equal(1, Shipped.RemainingWorkingDays(At("2026-03-06T18:00:00+08:00"), deadline, Shanghai));
        Assert.Equal(1, Shipped.RemainingWorkingDays(At("2026-03-08T12:00:00+08:00"), deadline, Shanghai));
        Assert.Equal(0, Shipped.RemainingWorkingDays(At("2026-03-09T23:59:00+08:00"), deadline, Shanghai));
    }

    [Fact]
    public void RemainingWorkingDays_IsMinusTheWorkingDaysPastTheDeadlineWhenOverdue()
    {
        var deadline = At("2026-03-09T15:59:59.9999999Z"); // end of Mon 2026-03-09 in Shanghai

        Assert.Equal(-1, Shipped.RemainingWorkingDays(At("2026-03-10T00:00:00+08:00"), deadline, Shanghai));
        Assert.Equal(-3, Shipped.RemainingWorkingDays(At("2026-03-12T09:00:00+08:00"), deadline, Shanghai));
        // Mar 10-13 and Mar 16 are working days; the weekend adds nothing.
        Assert.Equal(-5, Shipped.RemainingWorkingDays(At("2026-03-16T09:00:00+08:00"), deadline, Shanghai));
    }

    [Fact]
    public void RemainingWorkingDays_IsNegativeOnTheWeekendRightAfterAFridayDeadline()
    {
        var deadline = At("2026-03-13T23:59:59.9999999+08:00"); // Friday

        Assert.Equal(-1, Shipped.RemainingWorkingDays(At("2026-03-14T10:00:00+08:00"), deadline, Shanghai));
        Assert.Equal(-1, Shipped.RemainingWorkingDays(At("2026-03-16T10:00:00+08:00"), deadline, Shanghai));
        Assert.Equal(-2, Shipped.RemainingWorkingDays(At("2026-03-17T10:00:00+08:00"), deadline, Shanghai));
    }
}
