using static Tongban.Domain.Tests.Calendar.CalendarTestData;

namespace Tongban.Domain.Tests.Calendar;

public class PauseTests
{
    // End of Friday 2026-03-20 in Shanghai.
    private static readonly DateTimeOffset Deadline = At("2026-03-20T23:59:59.9999999+08:00");

    [Fact]
    public void NoPauses_LeaveTheDeadlineUnchanged() =>
        Assert.Equal(Deadline, Shipped.ExtendForPauses(Deadline, [], Shanghai));

    [Fact]
    public void PauseOverThreeWorkingDays_MovesTheDeadlineThreeWorkingDaysLater()
    {
        // Mon Mar 9 10:00 to Wed Mar 11 15:00: Mar 9, 10, 11 are paused (partly paused days count).
        // Fri Mar 20 + 3 working days = Wed Mar 25.
        var extended = Shipped.ExtendForPauses(
            Deadline, [(At("2026-03-09T10:00:00+08:00"), At("2026-03-11T15:00:00+08:00"))], Shanghai);

        Assert.Equal(At("2026-03-25T23:59:59.9999999+08:00"), extended);
    }

    [Fact]
    public void OverlappingPauses_CountEachWorkingDayOnce()
    {
        // Mar 9-11 and Mar 10-12 cover Mar 9, 10, 11, 12: 4 working days -> Thu Mar 26.
        var extended = Shipped.ExtendForPauses(
            Deadline,
            [
                (At("2026-03-09T10:00:00+08:00"), At("2026-03-11T15:00:00+08:00")),
                (At("2026-03-10T09:00:00+08:00"), At("2026-03-12T11:00:00+08:00")),
            ],
            Shanghai);

        Assert.Equal(At("2026-03-26T23:59:59.9999999+08:00"), extended);
    }

    [Fact]
    public void TwoPausesOnTheSameDay_CountThatDayOnce()
    {
        // Two short pauses on Mon Mar 9 -> 1 working day -> Mon Mar 23.
        var extended = Shipped.ExtendForPauses(
            Deadline,
            [
                (At("2026-03-09T09:00:00+08:00"), At("2026-03-09T10:00:00+08:00")),
                (At("2026-03-09T14:00:00+08:00"), At("2026-03-09T15:00:00+08:00")),
            ],
            Shanghai);

        Assert.Equal(At("2026-03-23T23:59:59.9999999+08:00"), extended);
    }

    [Fact]
    public void PauseOverAWeekend_AddsNothing()
    {
        var extended = Shipped.ExtendForPauses(
            Deadline, [(At("2026-03-14T08:00:00+08:00"), At("2026-03-15T20:00:00+08:00"))], Shanghai);

        Assert.Equal(Deadline, extended);
    }

    [Fact]
    public void PauseFromFridayToMonday_CountsOnlyFridayAndMonday()
    {
        // Fri Mar 6 17:00 to Mon Mar 9 09:00: Fri and Mon paused, the weekend is not -> +2 -> Tue Mar 24.
        var extended = Shipped.ExtendForPauses(
            Deadline, [(At("2026-03-06T17:00:00+08:00"), At("2026-03-09T09:00:00+08:00"))], Shanghai);

        Assert.Equal(At("2026-03-24T23:59:59.9999999+08:00"), extended);
    }

    [Fact]
    public void PauseEndingAtLocalMidnight_DoesNotPauseTheNextDay()
    {
        // Mon Mar 9 10:00 to Tue Mar 10 00:00 pauses only Monday -> Mon Mar 23.
        var extended = Shipped.ExtendForPauses(
            Deadline, [(At("2026-03-09T10:00:00+08:00"), At("2026-03-10T00:00:00+08:00"))], Shanghai);

        Assert.Equal(At("2026-03-23T23:59:59.9999999+08:00"), extended);
    }

    [Fact]
    public void PauseDays_AreTheLocalDaysInTheRegion()
    {
        // 2026-03-08T20:00Z is Monday 04:00 in Shanghai (Sunday in UTC): Monday counts -> Mon Mar 23.
        var extended = Shipped.ExtendForPauses(
            Deadline, [(At("2026-03-08T20:00:00Z"), At("2026-03-08T22:00:00Z"))], Shanghai);

        Assert.Equal(At("2026-03-23T23:59:59.9999999+08:00"), extended);
    }

    [Fact]
    public void PauseOverTheSpringFestival_CountsOnlyTheMakeUpSaturdayAndWorkingDays()
    {
        // Deadline Fri 2026-03-06. Pause Fri Feb 13 to Sun Mar 1 covers working days Feb 13 (Fri),
        // Feb 14 (Sat, make-up), Feb 24-27 (Tue-Fri), Feb 28 (Sat, make-up): 7; Feb 15-23 are 春节.
        // Fri Mar 6 + 7 working days: Mar 9-13, 16, 17 -> Tue Mar 17.
        var extended = Shipped.ExtendForPauses(
            At("2026-03-06T23:59:59.9999999+08:00"),
            [(At("2026-02-13T16:00:00+08:00"), At("2026-03-01T12:00:00+08:00"))],
            Shanghai);

        Assert.Equal(At("2026-03-17T23:59:59.9999999+08:00"), extended);
    }

    [Fact]
    public void PauseEndingBeforeItStarts_IsRejected() =>
        Assert.Throws<ArgumentException>(() => Shipped.ExtendForPauses(
            Deadline, [(At("2026-03-10T10:00:00+08:00"), At("2026-03-09T10:00:00+08:00"))], Shanghai));
}
