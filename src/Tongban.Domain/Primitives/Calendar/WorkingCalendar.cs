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

    /// <summary>Listed days: true for a 调休 working day, false for a holiday day.</summary>
    private readonly FrozenDictionary<DateOnly, bool> _listedDays;

    private WorkingCalendar(IEnumerable<CalendarYear> years)
    {
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
    /// <paramref name="receivedAt"/>, in UTC: the end of the deadline day (23:59:59.9999999) in <paramref name="zone"/>.
    /// <list type="bullet">
    /// <item>The count starts the day after receipt: the receipt day is never counted (行政许可法 practice),
    /// so a time limit of n working days ends on <c>AddWorkingDays(receiptDate, n)</c>, whatever the day of receipt.</item>
    /// <item>Natural days: receipt date + n; when that last day is not a working day the limit ends on the next
    /// working day (期间届满的最后一日是法定节假日的，以节假日后的第一日为期间届满的日期).</item>
    /// </list>
    /// An amount of 0 ends on the receipt day if it is a working day, else on the next working day.
    /// </summary>
    public DateTimeOffset DeadlineFor(DateTimeOffset receivedAt, int amount, TimeLimitUnit unit, TimeZoneInfo zone)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        var received = LocalDate(receivedAt, zone);
        var lastDay = unit switch
        {
            TimeLimitUnit.WorkingDays => AddWorkingDays(received, amount),
            TimeLimitUnit.NaturalDays => AddWorkingDays(received.AddDays(amount), 0),
            _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, null),
        };
        return ToInstant(lastDay, TimeOnly.MaxValue, zone);
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

    internal static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>
    /// The UTC instant of a local date and time in <paramref name="zone"/>. A local time that occurs twice
    /// (daylight saving time ends) resolves to the later instant; China has no daylight saving time.
    /// </summary>
    private static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
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
