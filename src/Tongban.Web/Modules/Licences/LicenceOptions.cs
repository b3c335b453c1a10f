using Microsoft.Extensions.Options;

namespace Tongban.Modules.Licences;

/// <summary>Settings of the Licences module (section <c>Tongban:Licences</c>).</summary>
public sealed class LicenceOptions
{
    public const string Section = "Tongban:Licences";

    /// <summary>The platform's public address, printed in every QR code so a phone camera opens the verification page.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";
}

/// <summary>The links QR codes carry.</summary>
public sealed class LicenceLinks(IOptions<LicenceOptions> options)
{
    /// <summary>What a phone camera opens from a QR code: the public verification of <paramref name="payload"/>.</summary>
    public string Verification(string payload) => $"{options.Value.PublicBaseUrl.TrimEnd('/')}/v/{payload}";
}
