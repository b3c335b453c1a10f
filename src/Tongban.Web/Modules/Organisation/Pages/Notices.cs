using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Tongban.Modules.Organisation.Pages;

/// <summary>A one-time confirmation carried across the redirect after a successful post; shown by _Notice.cshtml.</summary>
public static class Notices
{
    public const string Key = "organisation.notice";

    public static void Notice(this ITempDataDictionary tempData, string text) => tempData[Key] = text;
}
