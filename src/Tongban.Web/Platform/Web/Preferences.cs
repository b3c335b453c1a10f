using Microsoft.AspNetCore.Antiforgery;

namespace Tongban.Platform.Web;

/// <summary>
/// 适老化 display preferences: font size (标准/大/特大) and high contrast, kept in a long-lived cookie
/// so they persist across visits and sign-ins, and set by a plain form post (no JavaScript needed).
/// </summary>
public sealed record DisplayPreferences(FontSize FontSize, bool HighContrast)
{
    public const string CookieName = "tb.display";

    public static DisplayPreferences Default { get; } = new(FontSize.Standard, false);

    public static DisplayPreferences From(HttpRequest request)
    {
        var raw = request.Cookies[CookieName];
        if (string.IsNullOrEmpty(raw))
        {
            return Default;
        }

        var parts = raw.Split('.');
        var size = Enum.TryParse<FontSize>(parts[0], ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : FontSize.Standard;
        return new DisplayPreferences(size, parts.Length > 1 && parts[1] == "hc");
    }

    public string CssClasses => $"font-{FontSize.ToString().ToLowerInvariant()}{(HighContrast ? " contrast-high" : "")}";

    public string CookieValue => $"{FontSize.ToString().ToLowerInvariant()}.{(HighContrast ? "hc" : "normal")}";
}

public enum FontSize
{
    Standard,
    Large,
    ExtraLarge,
}

internal static class PreferencesEndpoint
{
    public static IEndpointRouteBuilder MapPreferences(this IEndpointRouteBuilder app)
    {
        app.MapPost("/preferences", async (HttpContext context, IAntiforgery antiforgery, TimeProvider clock) =>
        {
            await antiforgery.ValidateRequestAsync(context);
            var form = await context.Request.ReadFormAsync();
            var current = DisplayPreferences.From(context.Request);
            var size = Enum.TryParse<FontSize>(form["fontSize"], ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : current.FontSize;
            var contrast = form["contrast"].ToString() switch
            {
                "high" => true,
                "normal" => false,
                _ => current.HighContrast,
            };
            var chosen = new DisplayPreferences(size, contrast);
            context.Response.Cookies.Append(DisplayPreferences.CookieName, chosen.CookieValue, new CookieOptions
            {
                Expires = clock.GetUtcNow().AddYears(1),
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                IsEssential = true,
            });
            var returnUrl = form["returnUrl"].ToString();
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl : "/");
        }).ExcludeFromDescription().DisableAntiforgery();
        return app;
    }

    private static bool IsLocal(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
