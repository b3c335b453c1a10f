using System.Globalization;
using Tongban.Domain.Primitives.Calendar;

namespace Tongban.Domain.Tests.Calendar;

internal static class CalendarTestData
{
    public static WorkingCalendar Shipped => WorkingCalendar.LoadShipped();

    public static TimeZoneInfo Shanghai => WorkingCalendar.ChinaStandardTime;

    public static DateOnly Day(string isoDate) => DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateTimeOffset At(string isoInstant) => DateTimeOffset.Parse(isoInstant, CultureInfo.InvariantCulture);

    /// <summary>A year document in the shipped format.</summary>
    public static string YearJson(int year, string[] holidays, string[] workdays) =>
        $$"""
        {
          "year": {{year.ToString(CultureInfo.InvariantCulture)}},
          "source": "测试数据",
          "holidays": [{{string.Join(", ", holidays.Select(d => $$"""{ "date": "{{d}}", "name": "假日" }"""))}}],
          "workdays": [{{string.Join(", ", workdays.Select(d => $$"""{ "date": "{{d}}", "name": "调休上班" }"""))}}]
        }
        """;
}
