using System.Text;
using Tongban.Domain.Primitives;
using Tongban.Domain.Primitives.Calendar;
using static Tongban.Domain.Tests.Calendar.CalendarTestData;

namespace Tongban.Domain.Tests.Calendar;

public class CalendarDataTests
{
    private static readonly string[] NoDays = [];

    [Theory]
    // 2025: 元旦 1 + 春节 8 + 清明 3 + 劳动节 5 + 端午 3 + 国庆中秋 8 = 28 days off; make-up days
    // Jan 26, Feb 8, Apr 27, Sep 28, Oct 11.
    [InlineData("Tongban.Calendar.2025.json", 2025, 28, 5)]
    // 2026: 元旦 3 + 春节 9 + 清明 3 + 劳动节 5 + 端午 3 + 中秋 3 + 国庆 7 = 33 days off; make-up days
    // Jan 4, Feb 14, Feb 28, May 9, Sep 20, Oct 10.
    [InlineData("Tongban.Calendar.2026.json", 2026, 33, 6)]
    public void ShippedFile_LoadsWithTheAnnouncedNumberOfDays(string resource, int year, int holidays, int workdays)
    {
        var assembly = typeof(WorkingCalendar).Assembly;
        using var stream = assembly.GetManifestResourceStream(resource);
        Assert.NotNull(stream);
        using var reader = new StreamReader(stream, Encoding.UTF8);

        var result = WorkingCalendar.FromJson([reader.ReadToEnd()]);

        Assert.True(result.IsSuccess, result.Error?.Code);
        var data = Assert.Single(result.Value.Years.Values);
        Assert.Equal(year, data.Year);
        Assert.Equal(holidays, data.Holidays.Count);
        Assert.Equal(workdays, data.Workdays.Count);
        Assert.Contains("国办发明电", data.Source, StringComparison.Ordinal);
        Assert.All(data.Workdays, d => Assert.True(d.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday));
    }

    [Fact]
    public void EveryShippedFile_IsLoadedByLoadShipped()
    {
        var resources = typeof(WorkingCalendar).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Tongban.Calendar.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(["Tongban.Calendar.2025.json", "Tongban.Calendar.2026.json"], resources);
        Assert.Equal([2025, 2026], WorkingCalendar.LoadShipped().Years.Keys.Order());
    }

    [Fact]
    public void ValidData_BuildsACalendarThatFollowsIt()
    {
        // 2030-01-01 is a Tuesday, 2030-01-05 a Saturday.
        var result = WorkingCalendar.FromJson([YearJson(2030, ["2030-01-01"], ["2030-01-05"])]);

        Assert.True(result.IsSuccess);
        Assert.True(result.Value.Covers(2030));
        Assert.False(result.Value.IsWorkingDay(Day("2030-01-01")));
        Assert.True(result.Value.IsWorkingDay(Day("2030-01-05")));
        Assert.False(result.Value.Covers(2025));
    }

    [Fact]
    public void DateListedAsHolidayAndWorkday_IsRejected()
    {
        var result = WorkingCalendar.FromJson([YearJson(2030, ["2030-01-05"], ["2030-01-05"])]);

        AssertInvalid(result, "calendar.holiday_and_workday", "2030-01-05");
    }

    [Fact]
    public void WorkdayOnAWeekday_IsRejected()
    {
        // 2030-01-07 is a Monday: it is a working day anyway, listing it is a data error.
        var result = WorkingCalendar.FromJson([YearJson(2030, NoDays, ["2030-01-07"])]);

        AssertInvalid(result, "calendar.workday_not_weekend", "2030-01-07");
    }

    [Theory]
    [InlineData("2031-01-01", "2030-01-05")]
    [InlineData("2030-01-01", "2029-12-29")]
    public void DateOutsideTheDeclaredYear_IsRejected(string holiday, string workday)
    {
        var result = WorkingCalendar.FromJson([YearJson(2030, [holiday], [workday])]);

        var outside = holiday.StartsWith("2030", StringComparison.Ordinal) ? workday : holiday;
        AssertInvalid(result, "calendar.date_outside_year", outside);
    }

    [Fact]
    public void SameYearTwice_IsRejected()
    {
        var result = WorkingCalendar.FromJson([YearJson(2030, NoDays, NoDays), YearJson(2030, NoDays, NoDays)]);

        AssertInvalid(result, "calendar.duplicate_year", "2030");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("10000")]
    public void YearOutOfRange_IsRejected(string year)
    {
        var json = $$"""{ "year": {{year}}, "source": "x", "holidays": [], "workdays": [] }""";

        AssertInvalid(WorkingCalendar.FromJson([json]), "calendar.invalid_year", year);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("""{ "year": 2030, "source": "x", "holidays": [] }""")] // workdays missing
    [InlineData("""{ "year": 2030, "source": "x", "holidays": [], "workdays": [], "extra": 1 }""")]
    [InlineData("""{ "year": 2030, "source": "x", "holidays": [{ "date": "2030-13-01", "name": "x" }], "workdays": [] }""")]
    [InlineData("""{ "year": 2030, "source": "x", "holidays": [{ "date": "2030-01-01" }], "workdays": [] }""")]
    [InlineData("""{ "year": 2030, "source": null, "holidays": [], "workdays": [] }""")]
    public void MalformedDocument_IsRejected(string json) =>
        AssertInvalid(WorkingCalendar.FromJson([json]), "calendar.malformed", "#1");

    [Fact]
    public void ErrorsNameTheDocumentAtFault()
    {
        var result = WorkingCalendar.FromJson([YearJson(2029, NoDays, NoDays), YearJson(2030, NoDays, ["2030-01-07"])]);

        AssertInvalid(result, "calendar.workday_not_weekend", "#2");
    }

    [Fact]
    public void DirectoryFiles_AddYearsToTheShippedOnes()
    {
        using var directory = new TempDirectory();
        directory.Write("2030.json", YearJson(2030, ["2030-01-01"], NoDays));

        var result = WorkingCalendar.FromDirectory(directory.Path);

        Assert.True(result.IsSuccess, result.Error?.Code);
        Assert.Equal([2025, 2026, 2030], result.Value.Years.Keys.Order());
        Assert.False(result.Value.IsWorkingDay(Day("2030-01-01")));
        Assert.False(result.Value.IsWorkingDay(Day("2026-10-01")));
    }

    [Fact]
    public void DirectoryFileForAShippedYear_ReplacesTheShippedYear()
    {
        using var directory = new TempDirectory();
        directory.Write("my-2026.json", YearJson(2026, ["2026-03-02"], NoDays));

        var result = WorkingCalendar.FromDirectory(directory.Path);

        Assert.True(result.IsSuccess, result.Error?.Code);
        Assert.False(result.Value.IsWorkingDay(Day("2026-03-02")));
        Assert.True(result.Value.IsWorkingDay(Day("2026-10-01"))); // shipped 国庆 is gone with the shipped year
        Assert.False(result.Value.IsWorkingDay(Day("2025-10-01"))); // other shipped years stay
        Assert.Equal("测试数据", result.Value.Years[2026].Source);
    }

    [Fact]
    public void DirectoryWithAnInvalidFile_IsRejectedNamingTheFile()
    {
        using var directory = new TempDirectory();
        directory.Write("2030.json", YearJson(2030, NoDays, ["2030-01-07"]));

        AssertInvalid(WorkingCalendar.FromDirectory(directory.Path), "calendar.workday_not_weekend", "2030.json");
    }

    [Fact]
    public void DirectoryWithTwoFilesForOneYear_IsRejected()
    {
        using var directory = new TempDirectory();
        directory.Write("a.json", YearJson(2030, NoDays, NoDays));
        directory.Write("b.json", YearJson(2030, NoDays, NoDays));

        AssertInvalid(WorkingCalendar.FromDirectory(directory.Path), "calendar.duplicate_year", "b.json");
    }

    [Fact]
    public void MissingDirectory_IsNotFound()
    {
        var path = Path.Combine(Path.GetTempPath(), "tongban-calendar-" + Guid.NewGuid().ToString("N"));

        var result = WorkingCalendar.FromDirectory(path);

        Assert.False(result.IsSuccess);
        var error = Assert.IsType<NotFound>(result.Error);
        Assert.Equal("calendar.directory_not_found", error.Code);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    private static void AssertInvalid(Result<WorkingCalendar> result, string code, string mentioned)
    {
        Assert.False(result.IsSuccess);
        var error = Assert.IsType<Invalid>(result.Error);
        Assert.Equal(code, error.Code);
        // The message is the Chinese sentence from Messages.resx, with the arguments filled in.
        Assert.NotEqual(code, error.Message);
        Assert.Contains("日历数据", error.Message, StringComparison.Ordinal);
        Assert.Contains(mentioned, error.Message, StringComparison.Ordinal);
    }

    private sealed class TempDirectory : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("tongban-calendar-").FullName;

        public void Write(string name, string json) =>
            File.WriteAllText(System.IO.Path.Combine(Path, name), json, Encoding.UTF8);

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
