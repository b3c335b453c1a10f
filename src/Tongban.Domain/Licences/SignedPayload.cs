using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Tongban.Domain.Primitives;

namespace Tongban.Domain.Licences;

/// <summary>What a signed payload is about.</summary>
public enum PayloadKind
{
    /// <summary>An e-licence (<c>L</c>): the id is its 电子证照标识.</summary>
    Licence,

    /// <summary>A decision document (<c>D</c>): the id is the 办件编号.</summary>
    Decision,
}

/// <summary>
/// The claims a QR code carries, signed by the issuer's seal: kind, id, the holder's public name,
/// validity (from, last day or none) and a few key fields by label. Personal data is masked before it
/// gets here (<see cref="LicenceHolder.PublicName"/>).
/// </summary>
public sealed record PayloadClaims(PayloadKind Kind, string Id, string Holder, DateOnly From, DateOnly? Until, IReadOnlyDictionary<string, string> Fields)
{
    public static PayloadClaims ForLicence(Licence licence, IReadOnlyDictionary<string, string> keyFields)
    {
        ArgumentNullException.ThrowIfNull(licence);
        return new(PayloadKind.Licence, licence.Identifier.Value, licence.Holder.PublicName, licence.ValidFrom, licence.ValidUntil, keyFields);
    }
}

/// <summary>A signed payload as text, with the key that signed it.</summary>
public sealed record SignedPayloadText(string Text, string KeyId);

/// <summary>A payload taken apart: its claims, the key id, the exact signed bytes and the signature.</summary>
public sealed record ParsedPayload(PayloadClaims Claims, string KeyId, byte[] SignedBytes, byte[] Signature);

/// <summary>
/// The compact signed payload of a QR code: <c>base64url(body) "." base64url(signature)</c>, where body
/// is UTF-8 JSON <c>{"v":1,"t":"L","i":id,"h":holder,"f":"yyyyMMdd","u":"yyyyMMdd"|null,"k":keyId,"d":{label:value}}</c>
/// and the signature is ES256 (ECDSA P-256 with SHA-256, r‖s, 64 bytes) over the body bytes exactly as
/// they appear. A verifier needs only the issuer's public key (JWKS, by <c>k</c>); nothing is
/// re-serialised before checking, so any changed byte fails the signature.
/// </summary>
public static class SignedPayload
{
    public const int FormatVersion = 1;
    public const int MaxLength = 2000;

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All), PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>The bytes to sign for <paramref name="claims"/> under key <paramref name="keyId"/>.</summary>
    public static byte[] Body(PayloadClaims claims, string keyId)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var body = new BodyJson(FormatVersion, KindLetter(claims.Kind), claims.Id, claims.Holder, Compact(claims.From), claims.Until is { } u ? Compact(u) : null, keyId, claims.Fields);
        return JsonSerializer.SerializeToUtf8Bytes(body, Json);
    }

    public static string Compose(byte[] body, byte[] signature) => $"{Base64Url(body)}.{Base64Url(signature)}";

    /// <summary>
    /// Reads a payload as scanned: the bare payload, or the verification URL ending in <c>/v/{payload}</c>.
    /// Fails with licences.payload-malformed when it is not one; whether it is genuine is the signature's question.
    /// </summary>
    public static Result<ParsedPayload> Parse(string? scanned)
    {
        var text = scanned?.Trim() ?? "";
        var slash = text.LastIndexOf('/');
        if (slash >= 0)
        {
            text = text[(slash + 1)..];
        }

        var parts = text.Split('.');
        if (text.Length is 0 or > MaxLength || parts.Length != 2 || !TryBase64Url(parts[0], out var body) || !TryBase64Url(parts[1], out var signature))
        {
            return Malformed();
        }

        try
        {
            var read = JsonSerializer.Deserialize<BodyJson>(body, Json);
            if (read is null || read.V != FormatVersion || read.I is null || read.K is null || read.H is null || !TryDate(read.F, out var from)
                || (read.U is not null && !TryDate(read.U, out _)) || KindOf(read.T) is not { } kind)
            {
                return Malformed();
            }

            DateOnly? until = read.U is null ? null : DateOnly.ParseExact(read.U, "yyyyMMdd", CultureInfo.InvariantCulture);
            var claims = new PayloadClaims(kind, read.I, read.H, from, until, read.D ?? new Dictionary<string, string>());
            return new ParsedPayload(claims, read.K, body, signature);
        }
        catch (JsonException)
        {
            return Malformed();
        }
    }

    private static Invalid Malformed() => new("licences.payload-malformed") { Field = "payload" };

    private static string KindLetter(PayloadKind kind) => kind switch
    {
        PayloadKind.Licence => "L",
        PayloadKind.Decision => "D",
    };

    private static PayloadKind? KindOf(string? letter) => letter switch
    {
        "L" => PayloadKind.Licence,
        "D" => PayloadKind.Decision,
        _ => null,
    };

    private static string Compact(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryBase64Url(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length == 0 || text.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            return false;
        }

        var padded = text.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (text.Length % 4)) % 4);
        var buffer = new byte[padded.Length];
        if (!Convert.TryFromBase64String(padded, buffer, out var written))
        {
            return false;
        }

        bytes = buffer[..written];
        // Only the canonical spelling is accepted, so one payload has one text.
        return Base64Url(bytes) == text;
    }

    /// <summary>The JSON body; short names keep the QR code small.</summary>
    private sealed record BodyJson(int V, string T, string I, string H, string F, string? U, string K, IReadOnlyDictionary<string, string>? D);

    /// <summary>The UTF-8 text a person would read from the body bytes (for logs and the offline tool).</summary>
    public static string BodyText(byte[] body) => Encoding.UTF8.GetString(body);
}
