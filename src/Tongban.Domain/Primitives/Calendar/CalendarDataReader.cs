using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tongban.Domain.Primitives.Calendar;

/// <summary>Parses and checks one year file: <c>{"year":2025,"source":"...","holidays":[{"date":"2025-01-01","name":"元旦"}],"workdays":[...]}</c>.</summary>
internal static class CalendarDataReader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = false,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static Result<CalendarYear> Read(string source, string json)
    {
        YearDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<YearDocument>(json, Options);
        }
        catch (JsonException e)
        {
            return CalendarErrors.Malformed(source, e.LineNumber, e.Path);
        }

        if (document is null)
        {
            return CalendarErrors.Malformed(source, null, null);
        }

        return Check(source, document);
    }

    private static Result<CalendarYear> Check(string source, YearDocument document)
    {
        var year = document.Year;
        if (year is < 1 or > 9999)
        {
            return CalendarErrors.InvalidYear(source, year);
        }

        foreach (var day in document.Holidays.Concat(document.Workdays))
        {
            if (day.Date.Year != year)
            {
                return CalendarErrors.DateOutsideYear(source, day.Date, year);
            }
        }

        var holidayDates = document.Holidays.Select(d => d.Date).ToHashSet();
        foreach (var day in document.Workdays)
        {
            if (holidayDates.Contains(day.Date))
            {
                return CalendarErrors.HolidayAndWorkday(source, day.Date);
            }

            if (!WorkingCalendar.IsWeekend(day.Date))
            {
                return CalendarErrors.WorkdayNotWeekend(source, day.Date);
            }
        }

        static IReadOnlyList<CalendarDay> Sorted(IEnumerable<DayEntry> days) =>
            Array.AsReadOnly(days.Select(d => new CalendarDay(d.Date, d.Name)).OrderBy(d => d.Date).ToArray());

        return new CalendarYear(year, document.Source, Sorted(document.Holidays), Sorted(document.Workdays));
    }

    /// <summary>A name for the n-th (0-based) document passed without a file name.</summary>
    public static string DocumentName(int index) => "#" + (index + 1).ToString(CultureInfo.InvariantCulture);

    private sealed record YearDocument(int Year, string Source, IReadOnlyList<DayEntry> Holidays, IReadOnlyList<DayEntry> Workdays);

    private sealed record DayEntry(DateOnly Date, string Name);
}
