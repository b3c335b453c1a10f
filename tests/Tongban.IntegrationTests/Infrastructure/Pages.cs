using System.Net;
using System.Text.RegularExpressions;

namespace Tongban.IntegrationTests.Infrastructure;

/// <summary>Reading pages as a browser would, without one: the anti-forgery token, form posts, visible text.</summary>
public static partial class Pages
{
    public static async Task<string> GetPageAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {Text(html)}");
        return html;
    }

    /// <summary>GETs the page, then posts the form fields with the page's anti-forgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pagePath, IEnumerable<KeyValuePair<string, string>> fields, string? postPath = null)
    {
        var html = await client.GetPageAsync(pagePath);
        var token = AntiforgeryToken(html);
        var content = new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]);
        return await client.PostAsync(postPath ?? pagePath, content);
    }

    public static string AntiforgeryToken(string html) =>
        TokenPattern().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("No anti-forgery token on the page.");

    /// <summary>The page's text as a person reads it: tags stripped, entities decoded, spaces folded.</summary>
    public static string Text(string html)
    {
        var withoutHead = HeadPattern().Replace(html, " ");
        return WebUtility.HtmlDecode(SpacePattern().Replace(TagPattern().Replace(withoutHead, " "), " ")).Trim();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<(head|script|style)[^>]*>.*?</\\1>", RegexOptions.Singleline)]
    private static partial Regex HeadPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();

    [GeneratedRegex("\\s+")]
    private static partial Regex SpacePattern();
}
