using System.Globalization;
using Tongban.Domain.Primitives;

namespace Tongban.Platform;

/// <summary>A period of whole city dates, both inclusive, as the reports and lists take it from a query (?from=&amp;to=, yyyy-MM-dd).</summary>
public sealed record CityPeriod(DateOnly From, DateOnly To)
{
    /// <summary>The UTC instants [start of From, start of the day after To).</summary>
    public (DateTimeOffset Start, DateTimeOffset End) Instants(CityClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return (clock.StartOf(From), clock.StartOf(To.AddDays(1)));
    }

    /// <summary>
    /// Parses from and to (each defaulting when blank). Errors are 400s coded <c>{area}.date-invalid</c>,
    /// <c>{area}.period-reversed</c> and <c>{area}.period-too-long</c> (argument: <paramref name="maxYears"/>).
    /// </summary>
    public static Result<CityPeriod> Parse(string? from, string? to, DateOnly defaultFrom, DateOnly defaultTo, int maxYears, string area)
    {
        if (!Day(from, defaultFrom, "from", area).TryGet(out var start, out var fromError))
        {
            return fromError;
        }

        if (!Day(to, defaultTo, "to", area).TryGet(out var end, out var toError))
        {
            return toError;
        }

        if (end < start)
        {
            return new BadQuery($"{area}.period-reversed") { Field = "to" };
        }

        return end > start.AddYears(maxYears)
            ? new BadQuery($"{area}.period-too-long", maxYears) { Field = "to" }
            : new CityPeriod(start, end);
    }

    /// <summary>The calendar month of <paramref name="today"/>, the default period of the lists.</summary>
    public static (DateOnly From, DateOnly To) MonthOf(DateOnly today)
    {
        var first = new DateOnly(today.Year, today.Month, 1);
        return (first, first.AddMonths(1).AddDays(-1));
    }

    private static Result<DateOnly> Day(string? text, DateOnly fallback, string field, string area) =>
        string.IsNullOrWhiteSpace(text) ? fallback
        : DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : new BadQuery($"{area}.date-invalid", text.Trim()) { Field = field };
}
