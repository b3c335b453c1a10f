using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tongban.Domain.Licences;

namespace Tongban.Modules.Licences.Features.Jwks;

/// <summary>
/// A seal's public key as a JWK (RFC 7517/7518: EC P-256, ES256), with the seal's record as
/// non-standard members: department, USCC, validity and when it was retired.
/// </summary>
public sealed record SealJwk(
    string Kty,
    string Crv,
    string X,
    string Y,
    string Kid,
    string Alg,
    string Use,
    string DepartmentName,
    string Uscc,
    int Generation,
    DateTimeOffset ValidFrom,
    DateTimeOffset ValidUntil,
    DateTimeOffset? RetiredAt);

/// <summary>A JWK Set: <c>{"keys": [...]}</c>.</summary>
public sealed record SealJwkSet(IReadOnlyList<SealJwk> Keys);

/// <summary>
/// The one conversion between the seals' SubjectPublicKeyInfo and JWKs, used by the JWKS endpoint
/// and by the offline verifier (which turns a JWK back into the SubjectPublicKeyInfo that
/// <see cref="Seals.SealBook.Verify"/> takes).
/// </summary>
public static class JsonWebKeys
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static SealJwk From(Seal seal)
    {
        ArgumentNullException.ThrowIfNull(seal);
        using var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(seal.PublicKey), out _);
        var point = key.ExportParameters(includePrivateParameters: false).Q;
        return new SealJwk("EC", "P-256", Base64Url(point.X!), Base64Url(point.Y!), seal.KeyId, "ES256", "sig",
            seal.DepartmentName, seal.Uscc.Value, seal.Generation, seal.ValidFrom, seal.ValidUntil, seal.RetiredAt);
    }

    /// <summary>The SubjectPublicKeyInfo (DER) of a P-256 public key given by its JWK coordinates; null when they are not a point on the curve.</summary>
    public static byte[]? SubjectPublicKeyInfo(string x, string y)
    {
        if (FromBase64Url(x) is not { Length: 32 } xBytes || FromBase64Url(y) is not { Length: 32 } yBytes)
        {
            return null;
        }

        try
        {
            using var key = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = xBytes, Y = yBytes } });
            return key.ExportSubjectPublicKeyInfo();
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>
    /// Reads a JWK Set as published at <c>/.well-known/jwks.json</c>: the EC P-256 signing keys by kid.
    /// Keys of other kinds are skipped; a text that is not a JWK Set throws <see cref="JsonException"/>.
    /// </summary>
    public static IReadOnlyDictionary<string, (SealJwk Jwk, byte[] SubjectPublicKeyInfo)> ReadSet(string json)
    {
        var set = JsonSerializer.Deserialize<LooseSet>(json, Json) ?? throw new JsonException("The JWK Set is empty.");
        var keys = new Dictionary<string, (SealJwk, byte[])>(StringComparer.Ordinal);
        foreach (var jwk in set.Keys ?? [])
        {
            if (jwk is { Kty: "EC", Crv: "P-256", Kid: { } kid, X: { } x, Y: { } y } && SubjectPublicKeyInfo(x, y) is { } spki)
            {
                keys[kid] = (new SealJwk("EC", "P-256", x, y, kid, jwk.Alg ?? "ES256", jwk.Use ?? "sig", jwk.DepartmentName ?? "", jwk.Uscc ?? "",
                    jwk.Generation ?? 0, jwk.ValidFrom ?? default, jwk.ValidUntil ?? default, jwk.RetiredAt), spki);
            }
        }

        return keys;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[]? FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (text.Length % 4)) % 4);
        var buffer = new byte[padded.Length];
        return Convert.TryFromBase64String(padded, buffer, out var written) ? buffer[..written] : null;
    }

    private sealed record LooseSet([property: JsonPropertyName("keys")] IReadOnlyList<LooseKey>? Keys);

    private sealed record LooseKey(string? Kty, string? Crv, string? X, string? Y, string? Kid, string? Alg, string? Use,
        string? DepartmentName, string? Uscc, int? Generation, DateTimeOffset? ValidFrom, DateTimeOffset? ValidUntil, DateTimeOffset? RetiredAt);
}
