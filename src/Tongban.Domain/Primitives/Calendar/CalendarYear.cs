namespace Tongban.Domain.Primitives.Calendar;

/// <summary>One listed day of a year's holiday arrangement: a holiday day or a 调休 make-up working day.</summary>
public sealed record CalendarDay(DateOnly Date, string Name);

/// <summary>
/// The holiday arrangement the State Council announces for one year (国务院办公厅关于某年部分节假日安排的通知).
/// <see cref="Holidays"/> lists every day off of each holiday block, weekend days inside a block included;
/// <see cref="Workdays"/> lists the weekend days that are working days (调休上班).
/// </summary>
public sealed class CalendarYear
{
    internal CalendarYear(int year, string source, IReadOnlyList<CalendarDay> holidays, IReadOnlyList<CalendarDay> workdays)
    {
        Year = year;
        Source = source;
        Holidays = holidays;
        Workdays = workdays;
    }

    public int Year { get; }

    /// <summary>The notice the data was taken from.</summary>
    public string Source { get; }

    public IReadOnlyList<CalendarDay> Holidays { get; }

    public IReadOnlyList<CalendarDay> Workdays { get; }
}
