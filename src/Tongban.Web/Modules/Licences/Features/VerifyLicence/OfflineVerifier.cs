using System.Text.Json;
using Tongban.Domain.Licences;
using Tongban.Modules.Licences.Features.Jwks;
using Tongban.Modules.Licences.Seals;

namespace Tongban.Modules.Licences.Features.VerifyLicence;

/// <summary>
/// Verification with nothing but the published keys: parse the payload, find its key id in the JWK
/// Set, check ES256 over the signed bytes. No database, no network; the steps of docs/licences.md
/// "Offline verification".
/// </summary>
public static class OfflineVerifier
{
    public static OfflineVerdict Verify(string jwksJson, string scanned)
    {
        IReadOnlyDictionary<string, (SealJwk Jwk, byte[] SubjectPublicKeyInfo)> keys;
        try
        {
            keys = JsonWebKeys.ReadSet(jwksJson);
        }
        catch (JsonException e)
        {
            return new OfflineVerdict(false, "invalid-jwks", null, null, $"The key file is not a JWK Set: {e.Message}");
        }

        if (!SignedPayload.Parse(scanned).TryGet(out var payload, out var error))
        {
            return new OfflineVerdict(false, "malformed", null, null, error.Message);
        }

        var claims = SignedPayload.BodyText(payload.SignedBytes);
        if (!keys.TryGetValue(payload.KeyId, out var key))
        {
            return new OfflineVerdict(false, "invalid-signature", claims, null, $"No key with kid \"{payload.KeyId}\" in the JWK Set: not signed by a seal it publishes.");
        }

        var signer = $"{key.Jwk.DepartmentName} ({key.Jwk.Uscc}), kid {key.Jwk.Kid}";
        return SealBook.Verify(key.SubjectPublicKeyInfo, payload.SignedBytes, payload.Signature)
            ? new OfflineVerdict(true, "valid", claims, signer, null)
            : new OfflineVerdict(false, "invalid-signature", claims, signer, "The signature does not match the content: the payload was altered or signed by another key.");
    }
}
