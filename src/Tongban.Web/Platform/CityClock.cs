using Microsoft.Extensions.Options;
using Tongban.Domain.Primitives.Calendar;

namespace Tongban.Platform;

/// <summary>The injected clock seen in the city's time zone: "today" for the city is a local date.</summary>
public sealed class CityClock(TimeProvider time, IOptions<TongbanOptions> options)
{
    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public DateTimeOffset UtcNow => time.GetUtcNow();

    public DateTimeOffset LocalNow => TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone);

    public DateOnly Today => DateOnly.FromDateTime(LocalNow.DateTime);

    /// <summary>The instant of a local date and time in the city.</summary>
    public DateTimeOffset InstantOf(DateOnly day, TimeOnly time) => WorkingCalendar.ToInstant(day, time, Zone);

    /// <summary>The city date an instant falls on.</summary>
    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>The instant a city date begins (local midnight).</summary>
    public DateTimeOffset StartOf(DateOnly day) => InstantOf(day, TimeOnly.MinValue);
}
