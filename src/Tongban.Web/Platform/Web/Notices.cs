using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Tongban.Platform.Web;

/// <summary>A one-time confirmation carried across the redirect after a successful post; shown by /Shared/_Notice.cshtml.</summary>
public static class Notices
{
    public const string Key = "notice";

    public static void Notice(this ITempDataDictionary tempData, string text) => tempData[Key] = text;
}
