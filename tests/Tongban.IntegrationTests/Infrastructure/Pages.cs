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

    /// <summary>
    /// GETs the page, then posts the fields as the page's form that targets <paramref name="postPath"/>
    /// (the page itself by default) would, with that form's own anti-forgery token: a form that lacks
    /// one fails here as it would in a browser, not passes on another form's token.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pagePath, IEnumerable<KeyValuePair<string, string>> fields, string? postPath = null)
    {
        var html = await client.GetPageAsync(pagePath);
        var target = postPath ?? pagePath;
        var token = AntiforgeryToken(html, target, pagePath);
        var content = new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]);
        return await client.PostAsync(target, content);
    }

    /// <summary>
    /// A request made by hand, not through a form the page offers: the fields posted to
    /// <paramref name="postPath"/> with the session's valid anti-forgery token taken from
    /// <paramref name="tokenPage"/>, as someone probing for a missing authorisation check would send it.
    /// </summary>
    public static async Task<HttpResponseMessage> ForgePostAsync(this HttpClient client, string tokenPage, IEnumerable<KeyValuePair<string, string>> fields, string postPath)
    {
        var token = AntiforgeryToken(await client.GetPageAsync(tokenPage));
        return await client.PostAsync(postPath, new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]));
    }

    /// <summary>The anti-forgery token of the first form on the page (for pages with one form).</summary>
    public static string AntiforgeryToken(string html) =>
        TokenPattern().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("No anti-forgery token on the page.");

    /// <summary>The token inside the form that posts to <paramref name="target"/> (a form without an action posts to the page it is on).</summary>
    public static string AntiforgeryToken(string html, string target, string pagePath)
    {
        foreach (Match form in FormPattern().Matches(html))
        {
            var action = ActionPattern().Match(form.Groups[1].Value) is { Success: true } a ? WebUtility.HtmlDecode(a.Groups[1].Value) : "";
            var posts = action.Length == 0 ? pagePath : action;
            if (string.Equals(posts, target, StringComparison.Ordinal))
            {
                return TokenPattern().Match(form.Value) is { Success: true } token
                    ? WebUtility.HtmlDecode(token.Groups[1].Value)
                    : throw new InvalidOperationException($"The form posting to {target} has no anti-forgery token.");
            }
        }

        throw new InvalidOperationException($"No form on {pagePath} posts to {target}.");
    }

    /// <summary>The page's text as a person reads it: tags stripped, entities decoded, spaces folded.</summary>
    public static string Text(string html)
    {
        var withoutHead = HeadPattern().Replace(html, " ");
        return WebUtility.HtmlDecode(SpacePattern().Replace(TagPattern().Replace(withoutHead, " "), " ")).Trim();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<form\\b([^>]*)>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormPattern();

    [GeneratedRegex("\\baction=\"([^\"]*)\"")]
    private static partial Regex ActionPattern();

    [GeneratedRegex("<(head|script|style)[^>]*>.*?</\\1>", RegexOptions.Singleline)]
    private static partial Regex HeadPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();

    [GeneratedRegex("\\s+")]
    private static partial Regex SpacePattern();
}
