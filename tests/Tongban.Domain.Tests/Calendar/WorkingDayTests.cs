using Tongban.Domain.Primitives.Calendar;
using static Tongban.Domain.Tests.Calendar.CalendarTestData;

namespace Tongban.Domain.Tests.Calendar;

public class WorkingDayTests
{
    [Fact]
    public void SpringFestival2025_MondayBeforeTheHolidayIsAWorkingDay() =>
        Assert.True(Shipped.IsWorkingDay(Day("2025-01-27")));

    [Theory]
    [InlineData("2025-01-28")]
    [InlineData("2025-01-29")]
    [InlineData("2025-01-30")]
    [InlineData("2025-01-31")]
    [InlineData("2025-02-01")]
    [InlineData("2025-02-02")]
    [InlineData("2025-02-03")]
    [InlineData("2025-02-04")]
    public void SpringFestival2025_EveryDayFromJanuary28ToFebruary4IsAHoliday(string date) =>
        Assert.False(Shipped.IsWorkingDay(Day(date)));

    [Theory]
    [InlineData("2025-01-26")] // Sunday
    [InlineData("2025-02-08")] // Saturday
    public void SpringFestival2025_MakeUpWeekendDaysAreWorkingDays(string date) =>
        Assert.True(Shipped.IsWorkingDay(Day(date)));

    [Fact]
    public void SpringFestival2025_TheDayAfterTheHolidayIsAWorkingDay() =>
        Assert.True(Shipped.IsWorkingDay(Day("2025-02-05")));

    [Theory]
    [InlineData("2026-01-01")] // Thursday
    [InlineData("2026-01-02")] // Friday
    [InlineData("2026-01-03")] // Saturday
    public void NewYear2026_January1To3AreHolidays(string date) =>
        Assert.False(Shipped.IsWorkingDay(Day(date)));

    [Fact]
    public void NewYear2026_SundayJanuary4IsAMakeUpWorkingDay() =>
        Assert.True(Shipped.IsWorkingDay(Day("2026-01-04")));

    [Fact]
    public void NewYear2026_AddingOneWorkingDayToDecember31LandsOnSundayJanuary4() =>
        Assert.Equal(Day("2026-01-04"), Shipped.AddWorkingDays(Day("2025-12-31"), 1));

    [Theory]
    [InlineData("2026-10-10", true)] // Saturday, 国庆 make-up day
    [InlineData("2026-10-11", false)] // the Sunday after it
    [InlineData("2026-09-20", true)] // Sunday, 国庆 make-up day
    [InlineData("2026-10-08", true)] // Thursday after the holiday
    [InlineData("2026-10-07", false)]
    public void NationalDay2026_MakeUpDaysWorkAndTheHolidayRests(string date, bool working) =>
        Assert.Equal(working, Shipped.IsWorkingDay(Day(date)));

    [Fact]
    public void NationalDay2026_OneWorkingDayAfterSeptember30IsOctober8() =>
        // Oct 1-7 are holidays; Thursday Oct 8 is the first working day.
        Assert.Equal(Day("2026-10-08"), Shipped.AddWorkingDays(Day("2026-09-30"), 1));

    [Fact]
    public void NationalDay2026_SaturdayOctober10CountsAsAWorkingDay() =>
        // Oct 8 (Thu) = 1, Oct 9 (Fri) = 2, Oct 10 (Sat, make-up) = 3.
        Assert.Equal(Day("2026-10-10"), Shipped.AddWorkingDays(Day("2026-09-30"), 3));

    [Fact]
    public void NationalDay2026_TwentyWorkingDaysFromSeptember30EndOnNovember3() =>
        // 1 Oct 8, 2 Oct 9, 3 Oct 10 (Sat), 4-8 Oct 12-16, 9-13 Oct 19-23, 14-18 Oct 26-30,
        // 19 Nov 2 (Mon), 20 Nov 3 (Tue).
        Assert.Equal(Day("2026-11-03"), Shipped.AddWorkingDays(Day("2026-09-30"), 20));

    [Fact]
    public void NationalDay2026_TwentyWorkingDaysFromSeptember18CrossBothHolidaysAndAllMakeUpDays() =>
        // 1 Sep 20 (Sun, make-up), 2-5 Sep 21-24, Sep 25-27 中秋, 6-8 Sep 28-30, Oct 1-7 国庆,
        // 9 Oct 8, 10 Oct 9, 11 Oct 10 (Sat, make-up), 12-16 Oct 12-16, 17-20 Oct 19-22.
        Assert.Equal(Day("2026-10-22"), Shipped.AddWorkingDays(Day("2026-09-18"), 20));

    [Fact]
    public void AddingZeroWorkingDays_ToAWorkingDay_ReturnsThatDay() =>
        Assert.Equal(Day("2026-09-30"), Shipped.AddWorkingDays(Day("2026-09-30"), 0));

    [Fact]
    public void AddingZeroWorkingDays_ToAHoliday_ReturnsTheNextWorkingDay() =>
        Assert.Equal(Day("2026-10-08"), Shipped.AddWorkingDays(Day("2026-10-01"), 0));

    [Fact]
    public void AddingNegativeWorkingDays_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Shipped.AddWorkingDays(Day("2026-09-30"), -1));

    [Fact]
    public void YearWithoutData_FallsBackToMondayToFriday()
    {
        Assert.False(Shipped.Covers(2030));
        Assert.True(Shipped.IsWorkingDay(Day("2030-01-01"))); // a Tuesday: 元旦 is unknown without data
        Assert.True(Shipped.IsWorkingDay(Day("2030-10-01"))); // Tuesday
        Assert.False(Shipped.IsWorkingDay(Day("2030-01-05"))); // Saturday
        Assert.False(Shipped.IsWorkingDay(Day("2030-01-06"))); // Sunday
        // Friday Jan 4 + 1 working day skips the weekend.
        Assert.Equal(Day("2030-01-07"), Shipped.AddWorkingDays(Day("2030-01-04"), 1));
    }

    [Fact]
    public void ShippedYears_AreCovered()
    {
        Assert.True(Shipped.Covers(2025));
        Assert.True(Shipped.Covers(2026));
    }

    [Fact]
    public void WorkingDaysBetween_CountsTheEndButNotTheStart()
    {
        // Jan 27 (Mon) excluded; Jan 28 - Feb 4 holidays; Feb 5 (Wed) counted.
        Assert.Equal(1, Shipped.WorkingDaysBetween(Day("2025-01-27"), Day("2025-02-05")));
        // Jan 26 (Sun, make-up), Jan 27, Feb 5, 6, 7, Feb 8 (Sat, make-up).
        Assert.Equal(6, Shipped.WorkingDaysBetween(Day("2025-01-24"), Day("2025-02-08")));
    }

    [Theory]
    [InlineData("2026-03-02", "2026-03-02")]
    [InlineData("2026-03-09", "2026-03-02")]
    [InlineData("2026-10-08", "2026-09-30")]
    public void WorkingDaysBetween_IsZeroWhenTheEndIsNotAfterTheStart(string from, string to) =>
        Assert.Equal(0, Shipped.WorkingDaysBetween(Day(from), Day(to)));

    [Theory]
    [InlineData("2026-09-30", 1)]
    [InlineData("2026-09-30", 20)]
    [InlineData("2026-09-18", 20)]
    [InlineData("2025-01-24", 7)]
    [InlineData("2026-02-13", 10)]
    [InlineData("2026-10-03", 3)] // starting on a holiday
    [InlineData("2029-12-20", 15)] // across the end of the covered years
    public void WorkingDaysBetween_UndoesAddWorkingDays(string start, int n) =>
        Assert.Equal(n, Shipped.WorkingDaysBetween(Day(start), Shipped.AddWorkingDays(Day(start), n)));

    [Fact]
    public void WorkingDaysBetween_AddsUpOverConsecutiveSpans()
    {
        var (a, b, c) = (Day("2025-12-15"), Day("2026-01-04"), Day("2026-03-01"));
        Assert.Equal(
            Shipped.WorkingDaysBetween(a, c),
            Shipped.WorkingDaysBetween(a, b) + Shipped.WorkingDaysBetween(b, c));
    }

    [Fact]
    public void ChinaStandardTime_IsUtcPlusEightAllYear()
    {
        var zone = WorkingCalendar.ChinaStandardTime;
        Assert.Equal(TimeSpan.FromHours(8), zone.GetUtcOffset(At("2026-01-15T00:00:00Z")));
        Assert.Equal(TimeSpan.FromHours(8), zone.GetUtcOffset(At("2026-07-15T00:00:00Z")));
    }
}
