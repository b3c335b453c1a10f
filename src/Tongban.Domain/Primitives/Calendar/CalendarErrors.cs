using System.Globalization;

namespace Tongban.Domain.Primitives.Calendar;

/// <summary>Why calendar data was rejected. The messages live in Resources/Messages.resx under these codes.</summary>
public static class CalendarErrors
{
    public const string MalformedCode = "calendar.malformed";
    public const string InvalidYearCode = "calendar.invalid_year";
    public const string DateOutsideYearCode = "calendar.date_outside_year";
    public const string HolidayAndWorkdayCode = "calendar.holiday_and_workday";
    public const string WorkdayNotWeekendCode = "calendar.workday_not_weekend";
    public const string DuplicateYearCode = "calendar.duplicate_year";
    public const string DirectoryNotFoundCode = "calendar.directory_not_found";
    public const string OfficeHoursInvalidCode = "calendar.office_hours_invalid";

    /// <summary>The document is not JSON of the expected shape (missing or unknown property, bad date ...).</summary>
    public static Invalid Malformed(string source, long? line, string? path) =>
        new(MalformedCode, source, line is { } l ? (l + 1).ToString(CultureInfo.InvariantCulture) : "?", path ?? "$");

    public static Invalid InvalidYear(string source, int year) => new(InvalidYearCode, source, year);

    public static Invalid DateOutsideYear(string source, DateOnly date, int year) =>
        new(DateOutsideYearCode, source, Format(date), year);

    public static Invalid HolidayAndWorkday(string source, DateOnly date) => new(HolidayAndWorkdayCode, source, Format(date));

    public static Invalid WorkdayNotWeekend(string source, DateOnly date) => new(WorkdayNotWeekendCode, source, Format(date));

    public static Invalid DuplicateYear(string source, int year) => new(DuplicateYearCode, source, year);

    public static NotFound DirectoryNotFound(string path) => new(DirectoryNotFoundCode, path);

    /// <summary>Office hours that are not ordered, non-overlapping, non-empty "HH:mm-HH:mm" blocks.</summary>
    public static Invalid OfficeHoursInvalid(string text) => new(OfficeHoursInvalidCode, text);

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
