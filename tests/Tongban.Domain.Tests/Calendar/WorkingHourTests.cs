using Tongban.Domain.Primitives;
using Tongban.Domain.Primitives.Calendar;
using static Tongban.Domain.Tests.Calendar.CalendarTestData;

namespace Tongban.Domain.Tests.Calendar;

/// <summary>
/// 工作小时: limits that run only inside office hours (default 09:00–12:00 and 13:30–17:00) on working days.
/// March 2026 has no holidays; Saturday 2026-02-28 is a 调休 working day; 2026-04-04..06 are 清明 holidays.
/// </summary>
public class WorkingHourTests
{
    private static DateTimeOffset Local(string local) => At(local.Replace(' ', 'T') + "+08:00");

    private static DateTimeOffset DueInHours(string received, int hours) =>
        Shipped.DeadlineFor(Local(received), hours, TimeLimitUnit.WorkingHours, Shanghai);

    [Theory]
    [InlineData("2026-03-02 09:00", 1, "2026-03-02 10:00")]
    [InlineData("2026-03-02 11:30", 1, "2026-03-02 14:00")] // 30 minutes before lunch, 30 after
    [InlineData("2026-03-02 12:45", 1, "2026-03-02 14:30")] // received during lunch: counts from 13:30
    [InlineData("2026-03-02 16:00", 1, "2026-03-02 17:00")] // runs out exactly at closing: due at closing
    [InlineData("2026-03-02 16:30", 1, "2026-03-03 09:30")] // end of day: the rest the next working day
    [InlineData("2026-03-02 20:00", 1, "2026-03-03 10:00")] // after hours
    [InlineData("2026-03-02 07:00", 1, "2026-03-02 10:00")] // before opening
    [InlineData("2026-03-07 10:00", 1, "2026-03-09 10:00")] // Saturday: next working day is Monday
    [InlineData("2026-03-06 16:30", 1, "2026-03-09 09:30")] // Friday afternoon over the weekend
    [InlineData("2026-02-28 11:30", 1, "2026-02-28 14:00")] // a 调休 make-up Saturday has office hours
    [InlineData("2026-02-27 20:00", 1, "2026-02-28 10:00")] // ... so Friday evening is due on that Saturday
    [InlineData("2026-04-03 16:30", 1, "2026-04-07 09:30")] // 清明 04-04..06 are skipped
    [InlineData("2026-03-02 09:00", 8, "2026-03-03 10:30")] // longer than a working day (6.5 hours)
    public void WorkingHourDeadline_RunsOnlyInOfficeHoursOnWorkingDays(string received, int hours, string due)
    {
        Assert.Equal(Local(due), DueInHours(received, hours));
    }

    [Fact]
    public void WorkingHourDeadline_IsAnInstantNotTheEndOfTheDay()
    {
        var due = DueInHours("2026-03-02 11:30", 1);

        Assert.Equal(At("2026-03-02T06:00:00Z"), due);
        Assert.Equal(TimeSpan.Zero, due.Offset);
    }

    [Fact]
    public void WorkingTimeBetween_CountsOnlyOfficeHours()
    {
        // Mon 11:00 .. Tue 10:00: 1h (11-12) + 3.5h (13:30-17) + 1h (09-10) = 5.5 hours.
        Assert.Equal(TimeSpan.FromHours(5.5), Shipped.WorkingTimeBetween(Local("2026-03-02 11:00"), Local("2026-03-03 10:00"), Shanghai));
        // A weekend adds nothing; the lunch break adds nothing.
        Assert.Equal(TimeSpan.Zero, Shipped.WorkingTimeBetween(Local("2026-03-07 09:00"), Local("2026-03-08 17:00"), Shanghai));
        Assert.Equal(TimeSpan.Zero, Shipped.WorkingTimeBetween(Local("2026-03-02 12:00"), Local("2026-03-02 13:30"), Shanghai));
        Assert.Equal(TimeSpan.Zero, Shipped.WorkingTimeBetween(Local("2026-03-02 14:00"), Local("2026-03-02 13:00"), Shanghai));
    }

    [Fact]
    public void RemainingWorkingTime_IsOfficeTimeLeft_AndNegativeOnceOverdue()
    {
        var due = Local("2026-03-02 14:00");

        Assert.Equal(TimeSpan.FromMinutes(60), Shipped.RemainingWorkingTime(Local("2026-03-02 11:30"), due, Shanghai));
        Assert.Equal(TimeSpan.FromMinutes(30), Shipped.RemainingWorkingTime(Local("2026-03-02 12:30"), due, Shanghai));
        Assert.Equal(TimeSpan.FromMinutes(-45), Shipped.RemainingWorkingTime(Local("2026-03-02 14:45"), due, Shanghai));
        // After a 17:00 deadline, the evening is still overdue although no office time has passed.
        Assert.Equal(TimeSpan.FromMinutes(-1), Shipped.RemainingWorkingTime(Local("2026-03-02 18:00"), Local("2026-03-02 17:00"), Shanghai));
    }

    [Fact]
    public void PauseOnAnHourDeadline_MovesItByThePausedOfficeTime()
    {
        var due = Local("2026-03-02 14:00");
        // 10:00-10:20 and an overlapping 10:10-10:40 pause: 40 minutes once; 12:00-13:30 (lunch) adds nothing.
        var pauses = new[]
        {
            (Local("2026-03-02 10:00"), Local("2026-03-02 10:20")),
            (Local("2026-03-02 10:10"), Local("2026-03-02 10:40")),
            (Local("2026-03-02 12:00"), Local("2026-03-02 13:30")),
        };

        Assert.Equal(Local("2026-03-02 14:40"), Shipped.ExtendForPauses(due, pauses, Shanghai, TimeLimitUnit.WorkingHours));
    }

    [Fact]
    public void PauseOnAnHourDeadline_CarriesOverTheNight()
    {
        // Due 16:30, paused 16:00-19:00: one hour of office time (the evening adds nothing): 30 minutes to closing, 30 the next morning.
        var moved = Shipped.ExtendForPauses(Local("2026-03-02 16:30"), [(Local("2026-03-02 16:00"), Local("2026-03-02 19:00"))], Shanghai, TimeLimitUnit.WorkingHours);

        Assert.Equal(Local("2026-03-03 09:30"), moved);
    }

    [Fact]
    public void PauseOnADayDeadline_StillMovesItByWorkingDays()
    {
        var deadline = Shipped.DeadlineFor(Local("2026-03-02 10:00"), 3, TimeLimitUnit.WorkingDays, Shanghai);

        var moved = Shipped.ExtendForPauses(deadline, [(Local("2026-03-03 10:00"), Local("2026-03-03 10:20"))], Shanghai, TimeLimitUnit.WorkingDays);

        Assert.Equal(Shipped.ExtendForPauses(deadline, [(Local("2026-03-03 10:00"), Local("2026-03-03 10:20"))], Shanghai), moved);
        Assert.Equal(At("2026-03-06T23:59:59.9999999+08:00"), moved);
    }

    [Fact]
    public void OfficeHours_ParseTheConfiguredForm_AndChangeTheCount()
    {
        var hours = Succeeds(OfficeHours.Parse("08:30-12:00, 14:00-18:00"));
        var calendar = Shipped.WithOfficeHours(hours);

        Assert.Equal("08:30-12:00,14:00-18:00", hours.ToString());
        Assert.Equal(TimeSpan.FromHours(7.5), hours.PerDay);
        Assert.Equal(Local("2026-03-02 14:30"), calendar.DeadlineFor(Local("2026-03-02 11:30"), 1, TimeLimitUnit.WorkingHours, Shanghai));
        Assert.Equal(OfficeHours.Default.ToString(), Shipped.OfficeHours.ToString());
        Assert.Equal("09:00-12:00,13:30-17:00", OfficeHours.Default.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("09:00")]
    [InlineData("12:00-09:00")]
    [InlineData("09:00-12:00,11:00-17:00")]
    [InlineData("13:30-17:00,09:00-12:00")]
    [InlineData("9点-12点")]
    public void OfficeHours_RejectEmptyReversedOverlappingOrMalformedBlocks(string text)
    {
        var result = OfficeHours.Parse(text);

        Assert.False(result.IsSuccess);
        Assert.Equal(CalendarErrors.OfficeHoursInvalidCode, result.Error!.Code);
    }

    private static T Succeeds<T>(Result<T> result)
    {
        Assert.True(result.IsSuccess, result.IsSuccess ? "" : result.Error!.Code);
        return result.Value;
    }
}
