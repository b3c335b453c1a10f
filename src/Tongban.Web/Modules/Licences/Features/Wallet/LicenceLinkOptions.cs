namespace Tongban.Modules.Licences.Features.Wallet;

/// <summary>
/// The "Tongban:Licences" settings the holder's wallet uses: the public address printed in QR codes
/// (verification links, 亮证 and 用证授权 links), how long a 亮证 code lives and the longest 用证授权.
/// </summary>
public sealed class LicenceLinkOptions
{
    public const string Section = "Tongban:Licences";

    /// <summary>The platform's public address as a phone reaching it sees it, without a trailing slash.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>亮证: minutes a shown QR code stays valid (1-60).</summary>
    public int ShowMinutes { get; set; } = 3;

    /// <summary>用证授权: the longest grant a holder may give, in days (1-365).</summary>
    public int MaxGrantDays { get; set; } = 30;

    /// <summary>Anonymous openings of 亮证 and 用证授权 codes per client address and minute on one node (guessing codes is throttled).</summary>
    public int CodeAttemptsPerMinute { get; set; } = 60;

    public TimeSpan ShowLifetime => TimeSpan.FromMinutes(Math.Clamp(ShowMinutes, 1, 60));

    public TimeSpan LongestGrant => TimeSpan.FromDays(Math.Clamp(MaxGrantDays, 1, 365));

    /// <summary>&lt;base&gt;/v/&lt;payload&gt;: what a licence's QR code holds.</summary>
    public string VerificationUrl(string payload) => $"{Base}/v/{payload}";

    public string ShownUrl(string token) => $"{Base}/licences/shown/{token}";

    public string SharedUrl(string code) => $"{Base}/licences/shared/{code}";

    private string Base => PublicBaseUrl.TrimEnd('/');
}
