using System.Security.Cryptography;
using System.Text;
using Tongban.Domain.Licences;

namespace Tongban.Modules.Licences.Features.Grants;

/// <summary>
/// The one code mechanism of 亮证 and 用证授权. A 亮证 token is 128 random bits (base64url, in a QR
/// code nobody types); a 用证授权 code is 8 characters from an alphabet without 0/O and 1/I (40 bits),
/// short enough to read out, long-lived only as the holder chooses and revocable. Only the SHA-256 of a
/// code is stored; a lookup hashes what it is given.
/// </summary>
public static class GrantCodes
{
    public const string ShareAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    public const int ShareLength = 8;

    /// <summary>The rate-limiting policy of every anonymous opening of a code (page, API, PDF).</summary>
    public const string RateLimit = "licence-codes";

    public static string New(LicenceGrantKind kind) => kind switch
    {
        LicenceGrantKind.Show => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
        LicenceGrantKind.Share => RandomNumberGenerator.GetString(ShareAlphabet, ShareLength),
    };

    /// <summary>The stored hash of a code as given (a share code typed in lower case or with spaces and dashes is the same code).</summary>
    public static string Hash(LicenceGrantKind kind, string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var normal = kind switch
        {
            LicenceGrantKind.Show => code.Trim(),
            LicenceGrantKind.Share => new string([.. code.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant)]),
        };
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normal)));
    }

    /// <summary>Could this be a code of the kind at all (so that junk never reaches the database)?</summary>
    public static bool LooksLike(LicenceGrantKind kind, string? code) => kind switch
    {
        LicenceGrantKind.Show => code is { Length: >= 20 and <= 30 } && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'),
        LicenceGrantKind.Share => code is { Length: <= 20 } && code.Count(c => !char.IsWhiteSpace(c) && c != '-') == ShareLength,
    };
}
