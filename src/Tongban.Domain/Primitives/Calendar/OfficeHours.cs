using System.Globalization;

namespace Tongban.Domain.Primitives.Calendar;

/// <summary>One block of office hours on a working day, [Start, End) in the region's local time.</summary>
public readonly record struct OfficeSession(TimeOnly Start, TimeOnly End)
{
    public TimeSpan Length => End - Start;
}

/// <summary>
/// 工作时间: the blocks of a working day in which a limit counted in <see cref="TimeLimitUnit.WorkingHours"/>
/// runs (default 09:00–12:00 and 13:30–17:00). The same on every working day, 调休 make-up days included;
/// days that are not working days have none. Part of the <see cref="WorkingCalendar"/>
/// (<see cref="WorkingCalendar.WithOfficeHours"/>); the city configures it.
/// </summary>
public sealed class OfficeHours
{
    private OfficeHours(IReadOnlyList<OfficeSession> sessions)
    {
        Sessions = sessions;
        PerDay = sessions.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Length);
    }

    /// <summary>09:00–12:00 and 13:30–17:00: 6.5 hours a working day.</summary>
    public static OfficeHours Default { get; } = new([new(new(9, 0), new(12, 0)), new(new(13, 30), new(17, 0))]);

    /// <summary>The blocks, in order, not overlapping, none empty.</summary>
    public IReadOnlyList<OfficeSession> Sessions { get; }

    /// <summary>Office time in one working day.</summary>
    public TimeSpan PerDay { get; }

    /// <summary>
    /// Office hours from blocks. Rejects (<c>calendar.office_hours_invalid</c>) no block, an empty or reversed
    /// block, and blocks that overlap or are out of order.
    /// </summary>
    public static Result<OfficeHours> From(IEnumerable<OfficeSession> sessions)
    {
        var list = sessions.ToList();
        if (list.Count == 0)
        {
            return CalendarErrors.OfficeHoursInvalid("");
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].End <= list[i].Start || (i > 0 && list[i].Start < list[i - 1].End))
            {
                return CalendarErrors.OfficeHoursInvalid(Describe(list));
            }
        }

        return new OfficeHours(list);
    }

    /// <summary>
    /// Parses "09:00-12:00,13:30-17:00" (blocks separated by commas or semicolons, each "HH:mm-HH:mm"),
    /// the form the configuration uses.
    /// </summary>
    public static Result<OfficeHours> Parse(string? text)
    {
        var sessions = new List<OfficeSession>();
        foreach (var block in (text ?? "").Split([',', ';', '，', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = block.Split(['-', '–', '~'], StringSplitOptions.TrimEntries);
            if (parts.Length != 2
                || !TimeOnly.TryParseExact(parts[0], "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
                || !TimeOnly.TryParseExact(parts[1], "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
            {
                return CalendarErrors.OfficeHoursInvalid(text ?? "");
            }

            sessions.Add(new(start, end));
        }

        return From(sessions);
    }

    /// <summary>"09:00-12:00,13:30-17:00".</summary>
    public override string ToString() => Describe(Sessions);

    private static string Describe(IEnumerable<OfficeSession> sessions) =>
        string.Join(',', sessions.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Start:HH:mm}-{s.End:HH:mm}")));
}
