using System.Globalization;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Tongban.Platform;

namespace Tongban.Modules.Catalog.Pages.Admin;

/// <summary>How the catalog administration pages write dates, shares and the one-time notice after a post.</summary>
public static class CatalogDisplay
{
    public const string NoticeKey = "catalog.notice";

    /// <summary>Carries a confirmation across the redirect after a successful post (shown by _Notice.cshtml).</summary>
    public static void Notice(this ITempDataDictionary tempData, string text) => tempData[NoticeKey] = text;

    public static string Day(DateTimeOffset instant, CityClock clock) =>
        TimeZoneInfo.ConvertTime(instant, clock.Zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Minute(DateTimeOffset instant, CityClock clock) =>
        TimeZoneInfo.ConvertTime(instant, clock.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>0.6 → "60%".</summary>
    public static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
