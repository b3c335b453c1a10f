using Tongban.Domain.Primitives.Calendar;

namespace Tongban.Domain.Cases;

/// <summary>
/// What one finished case adds to the indicators: its handling time (working days from the clock's start,
/// acceptance or deemed receipt, to 办结), whether it was decided by its promised deadline (pauses
/// included), and its in-person visits.
/// </summary>
public sealed record CaseFigures(int HandlingDays, bool OnTime, int Visits, bool FullyOnline)
{
    public static CaseFigures Of(Case finished, WorkingCalendar calendar, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(finished);
        ArgumentNullException.ThrowIfNull(calendar);
        var end = finished.CompletedAt ?? finished.ClockEndedAt ?? finished.DecidedAt ?? DateTimeOffset.MinValue;
        if (finished.ClockStartedAt is not { } started)
        {
            // Never on the clock (nothing to measure): counted as handled at once and on time.
            return new CaseFigures(0, true, finished.InPersonVisits, finished.FullyOnline);
        }

        var decided = finished.ClockEndedAt ?? end;
        var onTime = !finished.Deadlines(end, calendar, zone).TryGet(out var deadlines, out _) || decided <= deadlines.Promised;
        return new CaseFigures(calendar.ElapsedWorkingDays(started, end, zone), onTime, finished.InPersonVisits, finished.FullyOnline);
    }

    /// <summary>在办已超期: an accepted case not yet finished whose clock is past its promised deadline at <paramref name="now"/> (or ended past it).</summary>
    public static bool IsOverdue(Case open, DateTimeOffset now, WorkingCalendar calendar, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(open);
        return open.Deadlines(now, calendar, zone).TryGet(out var deadlines, out _) && (open.ClockEndedAt ?? now) > deadlines.Promised;
    }
}
