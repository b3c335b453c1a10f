using System.Security.Cryptography;
using System.Text;

namespace Tongban.Domain.Identity;

/// <summary>
/// A bearer token for the API. Only its SHA-256 is stored; it is bound to the account's security
/// stamp at issue, so disabling the account or changing its password ends the token at once.
/// </summary>
public sealed class AccessToken
{
    private AccessToken() { }

    public string TokenHash { get; private set; } = "";
    public Guid AccountId { get; private set; }
    public string SecurityStamp { get; private set; } = "";
    public DateTimeOffset IssuedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>Creates a token; the plain value is returned once and never stored.</summary>
    public static (AccessToken Token, string PlainValue) Issue(Account account, DateTimeOffset now, TimeSpan lifetime)
    {
        var plain = Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var token = new AccessToken
        {
            TokenHash = HashOf(plain),
            AccountId = account.Id,
            SecurityStamp = account.SecurityStamp,
            IssuedAt = now,
            ExpiresAt = now + lifetime,
        };
        return (token, plain);
    }

    public static string HashOf(string plainValue) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(plainValue)));

    public bool IsValidFor(Account account, DateTimeOffset now) =>
        account.IsActive && ExpiresAt > now && string.Equals(SecurityStamp, account.SecurityStamp, StringComparison.Ordinal);

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
