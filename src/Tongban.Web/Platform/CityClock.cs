using Microsoft.Extensions.Options;

namespace Tongban.Platform;

/// <summary>The injected clock seen in the city's time zone: "today" for the city is a local date.</summary>
public sealed class CityClock(TimeProvider time, IOptions<TongbanOptions> options)
{
    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public DateTimeOffset UtcNow => time.GetUtcNow();

    public DateTimeOffset LocalNow => TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone);

    public DateOnly Today => DateOnly.FromDateTime(LocalNow.DateTime);
}
