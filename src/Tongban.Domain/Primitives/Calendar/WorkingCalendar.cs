using System.Collections.Frozen;
using System.Text;

namespace Tongban.Domain.Primitives.Calendar;

/// <summary>
/// Which days are working days (工作日) and how statutory time limits (办理时限) run over them.
/// <para>
/// The calendar is data, not a formula: for each year it knows, the State Council's holiday
/// arrangement decides (holidays are off, 调休 weekend days are on, every other day is Monday-Friday).
/// For a year without data it falls back to Monday-Friday; <see cref="Covers"/> tells callers when to warn.
/// </para>
/// <para>
/// Immutable and thread-safe. Nothing here reads the clock: callers pass instants obtained from an
/// injected <see cref="TimeProvider"/> and the region's time zone (<see cref="ChinaStandardTime"/>).
/// </para>
/// </summary>
public sealed class WorkingCalendar
{
    private const string ResourcePrefix = "Tongban.Calendar.";
    private const string ResourceSuffix = ".json";

    private static readonly Lazy<TimeZoneInfo> Shanghai = new(() => TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

    private static readonly Lazy<WorkingCalendar> Shipped = new(LoadShippedCore);

    private static readonly TimeSpan OneMinute = TimeSpan.FromMinutes(1);

    /// <summary>Listed days: true for a 调休 working day, false for a holiday day.</summary>
    private readonly FrozenDictionary<DateOnly, bool> _listedDays;

    private WorkingCalendar(IEnumerable<CalendarYear> years, OfficeHours? officeHours = null)
    {
        OfficeHours = officeHours ?? OfficeHours.Default;
        Years = years.ToFrozenDictionary(y => y.Year);
        _listedDays = Years.Values
            .SelectMany(y => y.Holidays.Select(d => KeyValuePair.Create(d.Date, false))
                .Concat(y.Workdays.Select(d => KeyValuePair.Create(d.Date, true))))
            .ToFrozenDictionary();
    }

    /// <summary>China Standard Time (UTC+8, no daylight saving time), resolved from the IANA id "Asia/Shanghai".</summary>
    public static TimeZoneInfo ChinaStandardTime => Shanghai.Value;

    /// <summary>The holiday arrangements this calendar knows, by year.</summary>
    public IReadOnlyDictionary<int, CalendarYear> Years { get; }

    /// <summary>工作时间 on every working day, in which <see cref="TimeLimitUnit.WorkingHours"/> limits run (default <see cref="OfficeHours.Default"/>).</summary>
    public OfficeHours OfficeHours { get; }

    /// <summary>The same calendar with the city's office hours.</summary>
    public WorkingCalendar WithOfficeHours(OfficeHours officeHours) => new(Years.Values, officeHours);

    /// <summary>
    /// Builds a calendar from year documents (one JSON document per year). Rejects, with a
    /// <c>calendar.*</c> <see cref="Invalid"/> error, malformed documents, the same year twice, a date
    /// outside its document's year, a date that is both holiday and workday, and a workday that is not
    /// a Saturday or Sunday.
    /// </summary>
    public static Result<WorkingCalendar> FromJson(IEnumerable<string> jsonDocuments) =>
        FromNamedDocuments(jsonDocuments.Select((json, i) => (CalendarDataReader.DocumentName(i), json)));

    /// <summary>The calendar built from the year files shipped inside this assembly (cached; it is immutable).</summary>
    /// <exception cref="InvalidOperationException">The shipped data is invalid (a build defect; a test guards it).</exception>
    public static WorkingCalendar LoadShipped() => Shipped.Value;

    /// <summary>
    /// The shipped years plus the <c>*.json</c> year files in <paramref name="path"/> (not recursive), for a
    /// region that adds years before a new release ships them. A directory file for a year that is also
    /// shipped replaces the shipped year entirely.
    /// </summary>
    public static Result<WorkingCalendar> FromDirectory(string path)
    {
        if (!Directory.Exists(path))
        {
            return CalendarErrors.DirectoryNotFound(path);
        }

        var files = Directory.GetFiles(path, "*" + ResourceSuffix, SearchOption.TopDirectoryOnly)
            .Order(StringComparer.Ordinal)
            .Select(file => (Path.GetFileName(file), File.ReadAllText(file, Encoding.UTF8)));
        var local = ReadYears(files);
        if (!local.TryGet(out var localYears, out var error))
        {
            return error;
        }

        var merged = LoadShipped().Years.ToDictionary();
        foreach (var year in localYears)
        {
            merged[year.Year] = year;
        }

        return new WorkingCalendar(merged.Values);
    }

    /// <summary>Whether the year's holiday arrangement is known. When false, <see cref="IsWorkingDay"/> falls back to Monday-Friday.</summary>
    public bool Covers(int year) => Years.ContainsKey(year);

    public bool IsWorkingDay(DateOnly date) =>
        _listedDays.TryGetValue(date, out var isWorkday) ? isWorkday : !IsWeekend(date);

    /// <summary>
    /// The <paramref name="n"/>-th working day after <paramref name="start"/> (<paramref name="start"/> itself is
    /// not counted). For <paramref name="n"/> = 0: <paramref name="start"/> if it is a working day, else the next working day.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var day = start;
        if (n == 0)
        {
            while (!IsWorkingDay(day))
            {
                day = day.AddDays(1);
            }

            return day;
        }

        while (n > 0)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                n--;
            }
        }

        return day;
    }

    /// <summary>The number of working days in (<paramref name="from"/>, <paramref name="to"/>]; 0 when <paramref name="to"/> &lt;= <paramref name="from"/>.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from; day < to;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// The last instant of a time limit of <paramref name="amount"/> units for something received at
    /// <paramref name="receivedAt"/>, in UTC: for days, the end of the deadline day (23:59:59.9999999) in <paramref name="zone"/>;
    /// for <see cref="TimeLimitUnit.WorkingHours"/>, the instant the amount of office time has run (<see cref="AddWorkingTime"/>).
    /// <list type="bullet">
    /// <item>The count starts the day after receipt: the receipt day is never counted (行政许可法 practice),
    /// so a time limit of n working days ends on <c>AddWorkingDays(receiptDate, n)</c>, whatever the day of receipt.</item>
    /// <item>Natural days: receipt date + n; when that last day is not a working day the limit ends on the next
    /// working day (期间届满的最后一日是法定节假日的，以节假日后的第一日为期间届满的日期).</item>
    /// </list>
    /// An amount of 0 ends on the receipt day if it is a working day, else on the next working day.
    /// <item>Working hours: received at 11:30 with 1 hour, due 14:00 (lunch break skipped); at 16:30, due 09:30 on the
    /// next working day; on a day off or after hours, due 10:00 on the next working day.</item>
    /// </summary>
    public DateTimeOffset DeadlineFor(DateTimeOffset receivedAt, int amount, TimeLimitUnit unit, TimeZoneInfo zone)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        var received = LocalDate(receivedAt, zone);
        var lastDay = unit switch
        {
            TimeLimitUnit.WorkingDays => AddWorkingDays(received, amount),
            TimeLimitUnit.NaturalDays => AddWorkingDays(received.AddDays(amount), 0),
            TimeLimitUnit.WorkingHours => (DateOnly?)null,
            _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, null),
        };
        return lastDay is { } day
            ? ToInstant(day, TimeOnly.MaxValue, zone)
            : AddWorkingTime(receivedAt, TimeSpan.FromHours(amount), zone);
    }

    /// <summary>
    /// The instant at which <paramref name="amount"/> of office time (<see cref="OfficeHours"/> on working days) has run
    /// from <paramref name="start"/>, in UTC. Time outside office hours (nights, the lunch break, weekends, holidays)
    /// does not run; 调休 make-up days have the usual office hours. An amount that runs out exactly at the end of a block
    /// ends then (16:00 + 1 hour = 17:00, not 09:00 the next day). An amount of zero is <paramref name="start"/> when it
    /// lies inside office hours, else the next opening.
    /// </summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan amount, TimeZoneInfo zone)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(amount, TimeSpan.Zero);
        var local = TimeZoneInfo.ConvertTime(start, zone).DateTime;
        var day = DateOnly.FromDateTime(local);
        var time = local.TimeOfDay;
        var left = amount;
        for (; ; day = day.AddDays(1), time = TimeSpan.Zero)
        {
            if (!IsWorkingDay(day))
            {
                continue;
            }

            foreach (var session in OfficeHours.Sessions)
            {
                var from = time > session.Start.ToTimeSpan() ? time : session.Start.ToTimeSpan();
                var end = session.End.ToTimeSpan();
                if (from >= end)
                {
                    continue;
                }

                if (left <= end - from)
                {
                    return ToInstant(day, TimeOnly.FromTimeSpan(from + left), zone);
                }

                left -= end - from;
            }
        }
    }

    /// <summary>The office time (<see cref="OfficeHours"/> on working days) in [<paramref name="from"/>, <paramref name="to"/>); zero when <paramref name="to"/> &lt;= <paramref name="from"/>.</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        var start = TimeZoneInfo.ConvertTime(from, zone).DateTime;
        var end = TimeZoneInfo.ConvertTime(to, zone).DateTime;
        var total = TimeSpan.Zero;
        for (var day = DateOnly.FromDateTime(start); day <= DateOnly.FromDateTime(end); day = day.AddDays(1))
        {
            if (!IsWorkingDay(day))
            {
                continue;
            }

            foreach (var session in OfficeHours.Sessions)
            {
                var open = day.ToDateTime(session.Start);
                var close = day.ToDateTime(session.End);
                var overlap = (close < end ? close : end) - (open > start ? open : start);
                if (overlap > TimeSpan.Zero)
                {
                    total += overlap;
                }
            }
        }

        return total;
    }

    /// <summary>
    /// Office time left until <paramref name="deadline"/> (<see cref="WorkingTimeBetween"/>). Once <paramref name="now"/> is past
    /// <paramref name="deadline"/> the result is negative: minus the office time since the deadline, and at most minus one
    /// minute so that an overdue case is always negative (e.g. in the evening after a 17:00 deadline).
    /// </summary>
    public TimeSpan RemainingWorkingTime(DateTimeOffset now, DateTimeOffset deadline, TimeZoneInfo zone)
    {
        if (now <= deadline)
        {
            return WorkingTimeBetween(now, deadline, zone);
        }

        var over = WorkingTimeBetween(deadline, now, zone);
        return -(over > OneMinute ? over : OneMinute);
    }

    /// <summary>Working days in (local date of <paramref name="start"/>, local date of <paramref name="now"/>]: the day something started does not count.</summary>
    public int ElapsedWorkingDays(DateTimeOffset start, DateTimeOffset now, TimeZoneInfo zone) =>
        WorkingDaysBetween(LocalDate(start, zone), LocalDate(now, zone));

    /// <summary>
    /// Working days left until <paramref name="deadline"/>: the working days in (today, deadline day], so 0 on the
    /// deadline day itself. Once <paramref name="now"/> is past <paramref name="deadline"/> the result is negative:
    /// minus the working days in (deadline day, today], and at least -1 so that an overdue case is always
    /// negative (e.g. on the Saturday after a Friday deadline).
    /// </summary>
    public int RemainingWorkingDays(DateTimeOffset now, DateTimeOffset deadline, TimeZoneInfo zone)
    {
        var today = LocalDate(now, zone);
        var deadlineDay = LocalDate(deadline, zone);
        if (now <= deadline)
        {
            return WorkingDaysBetween(today, deadlineDay);
        }

        return -Math.Max(1, WorkingDaysBetween(deadlineDay, today));
    }

    /// <summary>
    /// Moves <paramref name="deadline"/> later by the working days on which the clock was stopped
    /// (特别程序, 补正 ...), keeping its local time of day.
    /// <para>
    /// The rule, kept simple: a working day counts as paused when some pause covers part of it, however
    /// small, in <paramref name="zone"/> (a pause [from, to) touches the local days from from's date up to
    /// to's date, to's date excluded when to is exactly local midnight; an empty pause touches none). Each
    /// paused working day counts once, however many pauses overlap it; weekends and holidays inside a pause
    /// add nothing. Every pause passed counts, wherever it lies relative to the deadline.
    /// </para>
    /// </summary>
    public DateTimeOffset ExtendForPauses(DateTimeOffset deadline, IEnumerable<(DateTimeOffset from, DateTimeOffset to)> pauses, TimeZoneInfo zone)
    {
        var pausedDays = new HashSet<DateOnly>();
        foreach (var (from, to) in pauses)
        {
            if (to < from)
            {
                throw new ArgumentException($"A pause ends ({to:O}) before it starts ({from:O}).", nameof(pauses));
            }

            if (to == from)
            {
                continue;
            }

            var end = TimeZoneInfo.ConvertTime(to, zone).DateTime;
            var lastDay = DateOnly.FromDateTime(end);
            if (end.TimeOfDay == TimeSpan.Zero)
            {
                lastDay = lastDay.AddDays(-1);
            }

            for (var day = LocalDate(from, zone); day <= lastDay; day = day.AddDays(1))
            {
                if (IsWorkingDay(day))
                {
                    pausedDays.Add(day);
                }
            }
        }

        if (pausedDays.Count == 0)
        {
            return deadline;
        }

        var local = TimeZoneInfo.ConvertTime(deadline, zone).DateTime;
        var newDay = AddWorkingDays(DateOnly.FromDateTime(local), pausedDays.Count);
        return ToInstant(newDay, TimeOnly.FromDateTime(local), zone);
    }

    /// <summary>
    /// <see cref="ExtendForPauses(DateTimeOffset, IEnumerable{ValueTuple{DateTimeOffset, DateTimeOffset}}, TimeZoneInfo)"/> for a
    /// deadline of a limit counted in <paramref name="unit"/>. For <see cref="TimeLimitUnit.WorkingHours"/> the deadline moves later
    /// by the office time the pauses covered (overlapping pauses counted once), so a 20-minute clock stop on a 1-hour
    /// promise moves it 20 minutes, across the lunch break or the night when it has to. Day limits move by paused working days.
    /// </summary>
    public DateTimeOffset ExtendForPauses(DateTimeOffset deadline, IEnumerable<(DateTimeOffset from, DateTimeOffset to)> pauses, TimeZoneInfo zone, TimeLimitUnit unit)
    {
        if (unit != TimeLimitUnit.WorkingHours)
        {
            return ExtendForPauses(deadline, pauses, zone);
        }

        var paused = TimeSpan.Zero;
        DateTimeOffset? runFrom = null, runTo = null;
        foreach (var (from, to) in pauses.OrderBy(p => p.from))
        {
            if (to < from)
            {
                throw new ArgumentException($"A pause ends ({to:O}) before it starts ({from:O}).", nameof(pauses));
            }

            if (runTo is { } end && from <= end)
            {
                runTo = to > end ? to : end;
                continue;
            }

            if (runFrom is { } openedAt)
            {
                paused += WorkingTimeBetween(openedAt, runTo!.Value, zone);
            }

            (runFrom, runTo) = (from, to);
        }

        if (runFrom is { } lastFrom)
        {
            paused += WorkingTimeBetween(lastFrom, runTo!.Value, zone);
        }

        return paused == TimeSpan.Zero ? deadline : AddWorkingTime(deadline, paused, zone);
    }

    internal static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>
    /// The UTC instant of a local date and time in <paramref name="zone"/>. A local time that occurs twice
    /// (daylight saving time ends) resolves to the later instant; China has no daylight saving time.
    /// </summary>
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Min() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    private static Result<WorkingCalendar> FromNamedDocuments(IEnumerable<(string Name, string Json)> documents) =>
        ReadYears(documents).Map(years => new WorkingCalendar(years));

    private static Result<IReadOnlyList<CalendarYear>> ReadYears(IEnumerable<(string Name, string Json)> documents)
    {
        var years = new List<CalendarYear>();
        var seen = new HashSet<int>();
        foreach (var (name, json) in documents)
        {
            var read = CalendarDataReader.Read(name, json);
            if (!read.TryGet(out var year, out var error))
            {
                return error;
            }

            if (!seen.Add(year.Year))
            {
                return CalendarErrors.DuplicateYear(name, year.Year);
            }

            years.Add(year);
        }

        return years;
    }

    private static WorkingCalendar LoadShippedCore()
    {
        var assembly = typeof(WorkingCalendar).Assembly;
        var documents = new List<(string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames()
                     .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(ResourceSuffix, StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"Calendar resource {resource} vanished.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            documents.Add((resource, reader.ReadToEnd()));
        }

        var result = FromNamedDocuments(documents);
        return result.TryGet(out var calendar, out var error)
            ? calendar
            : throw new InvalidOperationException($"The shipped calendar data is invalid: {error.Code} {string.Join(' ', error.Args)}");
    }
}
