using System.Globalization;

namespace Tongban.Platform.Web;

/// <summary>How pages and documents write dates (in the city's time zone) and shares.</summary>
public static class Formats
{
    public static string Day(DateTimeOffset instant, CityClock clock) =>
        TimeZoneInfo.ConvertTime(instant, clock.Zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Minute(DateTimeOffset instant, CityClock clock) =>
        TimeZoneInfo.ConvertTime(instant, clock.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>0.6 → "60%".</summary>
    public static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
