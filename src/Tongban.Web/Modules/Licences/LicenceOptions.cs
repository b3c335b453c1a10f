using Microsoft.Extensions.Options;

namespace Tongban.Modules.Licences;

/// <summary>Settings of the Licences module (section <c>Tongban:Licences</c>).</summary>
public sealed class LicenceOptions
{
    public const string Section = "Tongban:Licences";

    /// <summary>The platform's public address as a phone reaching it sees it, printed in every QR code.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>亮证: minutes a shown QR code stays valid (1-60).</summary>
    public int ShowMinutes { get; set; } = 3;

    /// <summary>用证授权: the longest grant a holder may give, in days (1-365).</summary>
    public int MaxGrantDays { get; set; } = 30;

    /// <summary>Anonymous openings of 亮证 and 用证授权 codes per client address and minute on one node (guessing codes is throttled).</summary>
    public int CodeAttemptsPerMinute { get; set; } = 60;

    public TimeSpan ShowLifetime => TimeSpan.FromMinutes(Math.Clamp(ShowMinutes, 1, 60));

    public TimeSpan LongestGrant => TimeSpan.FromDays(Math.Clamp(MaxGrantDays, 1, 365));
}

/// <summary>The links QR codes carry.</summary>
public sealed class LicenceLinks(IOptions<LicenceOptions> options)
{
    /// <summary>What a phone camera opens from a licence's or decision's QR code: the public verification of <paramref name="payload"/>.</summary>
    public string Verification(string payload) => $"{Base}/v/{payload}";

    /// <summary>What a 亮证 QR code opens.</summary>
    public string Shown(string token) => $"{Base}/licences/shown/{token}";

    /// <summary>What a 用证授权 code opens.</summary>
    public string Shared(string code) => $"{Base}/licences/shared/{code}";

    private string Base => options.Value.PublicBaseUrl.TrimEnd('/');
}
