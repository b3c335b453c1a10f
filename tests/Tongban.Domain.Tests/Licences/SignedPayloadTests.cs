using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Tongban.Domain.Licences;
using static Tongban.Domain.Tests.Identifiers.IdentifierAssert;

namespace Tongban.Domain.Tests.Licences;

/// <summary>
/// The signed QR payload with a real ES256 key: it reads back as composed, it verifies with the
/// public key alone, and any change to a claim, a body byte or a signature byte fails the check.
/// </summary>
public sealed class SignedPayloadTests : IDisposable
{
    private const string KeyId = "kid-Sn1";
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private static readonly PayloadClaims Claims = new(
        PayloadKind.Licence,
        "1.2.156.3005.2.11510900MB1A00036T116.11510900MB1A00036T.1.001.U",
        "张*",
        new DateOnly(2026, 3, 2),
        new DateOnly(2031, 3, 1),
        new Dictionary<string, string> { ["经营者名称"] = "张伟小吃店", ["许可证编号"] = "JY15109030000123" });

    private readonly ECDsa _seal = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _verifier = ECDsa.Create();

    public SignedPayloadTests() => _verifier.ImportSubjectPublicKeyInfo(_seal.ExportSubjectPublicKeyInfo(), out _);

    public void Dispose()
    {
        _seal.Dispose();
        _verifier.Dispose();
    }

    private string Signed(PayloadClaims claims, string keyId = KeyId)
    {
        var body = SignedPayload.Body(claims, keyId);
        return SignedPayload.Compose(body, _seal.SignData(body, HashAlgorithmName.SHA256));
    }

    private string Signed(byte[] body) => SignedPayload.Compose(body, _seal.SignData(body, HashAlgorithmName.SHA256));

    /// <summary>As a verifier does it: the public key, the bytes exactly as received, the 64-byte r‖s signature.</summary>
    private bool Verifies(ParsedPayload payload) =>
        payload.Signature.Length == 64 && _verifier.VerifyData(payload.SignedBytes, payload.Signature, HashAlgorithmName.SHA256);

    private static ParsedPayload Parsed(string text) => Succeeds(SignedPayload.Parse(text));

    private static (byte[] Body, byte[] Signature) Split(string text)
    {
        var parsed = Parsed(text);
        return (parsed.SignedBytes, parsed.Signature);
    }

    [Fact]
    public void Compose_ThenParse_GivesBackTheClaimsAndKey_AndVerifies()
    {
        var text = Signed(Claims);

        var parsed = Parsed(text);

        Assert.Equal(KeyId, parsed.KeyId);
        Assert.Equal(Claims.Kind, parsed.Claims.Kind);
        Assert.Equal(Claims.Id, parsed.Claims.Id);
        Assert.Equal(Claims.Holder, parsed.Claims.Holder);
        Assert.Equal(Claims.From, parsed.Claims.From);
        Assert.Equal(Claims.Until, parsed.Claims.Until);
        Assert.Equal(Claims.Fields, parsed.Claims.Fields);
        Assert.Equal(SignedPayload.Body(Claims, KeyId), parsed.SignedBytes);
        Assert.Equal(64, parsed.Signature.Length);
        Assert.True(Verifies(parsed));
    }

    [Fact]
    public void Body_IsCompactJson_WithChineseUnescaped_AndDatesAsYearMonthDay()
    {
        var json = SignedPayload.BodyText(SignedPayload.Body(Claims, KeyId));

        Assert.StartsWith("{\"v\":1,\"t\":\"L\",", json, StringComparison.Ordinal);
        Assert.Contains("\"h\":\"张*\"", json, StringComparison.Ordinal);
        Assert.Contains("\"f\":\"20260302\",\"u\":\"20310301\"", json, StringComparison.Ordinal);
        Assert.Contains("\"k\":\"kid-Sn1\"", json, StringComparison.Ordinal);
        Assert.Contains("\"经营者名称\":\"张伟小吃店\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_IsBase64UrlWithoutPadding()
    {
        var text = Signed(Claims);

        Assert.Single(text, '.');
        Assert.All(text, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.', $"'{c}' is not base64url"));
        Assert.True(text.Length <= SignedPayload.MaxLength);
    }

    [Fact]
    public void OpenEndedDecision_RoundTrips_WithNoLastDayAndNoFields()
    {
        var decision = new PayloadClaims(PayloadKind.Decision, "SN-2026-000001", "遂宁市张伟餐饮有限公司", new DateOnly(2026, 3, 2), null, new Dictionary<string, string>());

        var parsed = Parsed(Signed(decision));

        Assert.Equal(PayloadKind.Decision, parsed.Claims.Kind);
        Assert.Null(parsed.Claims.Until);
        Assert.Empty(parsed.Claims.Fields);
        Assert.True(Verifies(parsed));
    }

    [Theory]
    [InlineData("https://zwfw.suining.example/v/{0}")]
    [InlineData("http://127.0.0.1:5080/v/{0}")]
    [InlineData("/v/{0}")]
    [InlineData("  {0}  ")]
    public void Parse_TheVerificationUrlOrTheBarePayload_ReadsThePayload(string scanned)
    {
        var text = Signed(Claims);

        var parsed = Parsed(string.Format(System.Globalization.CultureInfo.InvariantCulture, scanned, text));

        Assert.Equal(Parsed(text).SignedBytes, parsed.SignedBytes);
        Assert.Equal(Claims.Id, parsed.Claims.Id);
        Assert.True(Verifies(parsed));
    }

    public static TheoryData<string> ClaimChanges => new()
    {
        "i", "h", "f", "u", "k", "d.value", "d.label", "d.added", "d.removed", "t", "u.none",
    };

    [Theory]
    [MemberData(nameof(ClaimChanges))]
    public void ChangingAnyClaim_StillReads_ButFailsVerification(string change)
    {
        var (body, signature) = Split(Signed(Claims));
        var json = JsonNode.Parse(body)!.AsObject();
        var d = json["d"]!.AsObject();
        switch (change)
        {
            case "i": json["i"] = "1.2.156.3005.2.11510900MB1A00036T116.11510900MB1A00036T.2.001.R"; break;
            case "h": json["h"] = "李*"; break;
            case "f": json["f"] = "20260301"; break;
            case "u": json["u"] = "20360301"; break;
            case "u.none": json["u"] = null; break;
            case "k": json["k"] = "kid-Sn2"; break;
            case "t": json["t"] = "D"; break;
            case "d.value": d["经营者名称"] = "李四小吃店"; break;
            case "d.label": d.Remove("许可证编号"); d["许可编号"] = "JY15109030000123"; break;
            case "d.added": d["经营项目"] = "热食类食品制售"; break;
            case "d.removed": d.Remove("许可证编号"); break;
        }

        var changed = Encoding.UTF8.GetBytes(json.ToJsonString(Relaxed));
        var parsed = Parsed(SignedPayload.Compose(changed, signature));

        Assert.NotEqual(body, parsed.SignedBytes);
        Assert.False(Verifies(parsed));
        // The same change signed by the seal would verify: it is the signature that catches it.
        Assert.True(Verifies(Parsed(Signed(changed))));
    }

    [Fact]
    public void ChangingAnyByteOfTheBody_FailsParsingOrVerification()
    {
        var (body, signature) = Split(Signed(Claims));
        var read = 0;
        for (var i = 0; i < body.Length; i++)
        {
            foreach (var flip in new byte[] { 0x01, 0x20, 0x80 })
            {
                var changed = (byte[])body.Clone();
                changed[i] ^= flip;
                var result = SignedPayload.Parse(SignedPayload.Compose(changed, signature));
                if (result.IsSuccess)
                {
                    read++;
                    Assert.False(Verifies(result.Value), $"body byte {i} ^ {flip:X2} still verifies");
                }
                else
                {
                    Assert.Equal("licences.payload-malformed", result.Error.Code);
                }
            }
        }

        Assert.True(read > 0, "some changed bodies should still read, so that the signature is what refuses them");
    }

    [Fact]
    public void ChangingAnyByteOfTheSignature_FailsVerification()
    {
        var (body, signature) = Split(Signed(Claims));
        for (var i = 0; i < signature.Length; i++)
        {
            var changed = (byte[])signature.Clone();
            changed[i] ^= 0x01;
            Assert.False(Verifies(Parsed(SignedPayload.Compose(body, changed))), $"signature byte {i} changed still verifies");
        }
    }

    [Fact]
    public void ASignatureOfAnotherKey_OrTruncated_FailsVerification()
    {
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var body = SignedPayload.Body(Claims, KeyId);

        Assert.False(Verifies(Parsed(SignedPayload.Compose(body, stranger.SignData(body, HashAlgorithmName.SHA256)))));
        Assert.False(Verifies(Parsed(SignedPayload.Compose(body, _seal.SignData(body, HashAlgorithmName.SHA256)[..63]))));
    }

    [Fact]
    public void ChangingAnyCharacterOfThePayloadText_NeverPassesAsGenuine()
    {
        var text = Signed(Claims);
        const string alphabet = "AZaz09-_";
        for (var i = 0; i < text.Length; i++)
        {
            foreach (var c in alphabet.Where(c => c != text[i] && text[i] != '.'))
            {
                var changed = string.Concat(text.AsSpan(0, i), c.ToString(), text.AsSpan(i + 1));
                var result = SignedPayload.Parse(changed);
                Assert.False(result.IsSuccess && Verifies(result.Value), $"character {i} → {c} still verifies");
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abc")]
    [InlineData("abc.def.ghi")]
    [InlineData(".abc")]
    [InlineData("abc.")]
    [InlineData("ab+c.def")]
    [InlineData("abc.de=f")]
    [InlineData("https://zwfw.suining.example/v/")]
    public void Parse_TextThatIsNotAPayload_IsMalformed(string text) =>
        Assert.Equal("payload", FailsInvalid(SignedPayload.Parse(text), "licences.payload-malformed").Field);

    [Fact]
    public void Parse_Null_IsMalformed() => FailsInvalid(SignedPayload.Parse(null), "licences.payload-malformed");

    [Theory]
    [InlineData("{\"v\":2,\"t\":\"L\",\"i\":\"x\",\"h\":\"张*\",\"f\":\"20260302\",\"u\":null,\"k\":\"kid\",\"d\":{}}")]
    [InlineData("{\"v\":1,\"t\":\"X\",\"i\":\"x\",\"h\":\"张*\",\"f\":\"20260302\",\"u\":null,\"k\":\"kid\",\"d\":{}}")]
    [InlineData("{\"v\":1,\"t\":\"L\",\"h\":\"张*\",\"f\":\"20260302\",\"u\":null,\"k\":\"kid\",\"d\":{}}")]
    [InlineData("{\"v\":1,\"t\":\"L\",\"i\":\"x\",\"f\":\"20260302\",\"u\":null,\"k\":\"kid\",\"d\":{}}")]
    [InlineData("{\"v\":1,\"t\":\"L\",\"i\":\"x\",\"h\":\"张*\",\"f\":\"20260302\",\"u\":null,\"d\":{}}")]
    [InlineData("{\"v\":1,\"t\":\"L\",\"i\":\"x\",\"h\":\"张*\",\"f\":\"2026-03-02\",\"u\":null,\"k\":\"kid\",\"d\":{}}")]
    [InlineData("{\"v\":1,\"t\":\"L\",\"i\":\"x\",\"h\":\"张*\",\"f\":\"20260302\",\"u\":\"20260230\",\"k\":\"kid\",\"d\":{}}")]
    [InlineData("{\"v\":1,\"t\":\"L\",\"i\":\"x\",\"h\":\"张*\",\"f\":\"20260302\",\"u\":null,\"k\":\"kid\",\"d\":{\"a\":1}}")]
    [InlineData("[1,2,3]")]
    [InlineData("not json")]
    public void Parse_SignedBodiesThatBreakTheFormat_AreMalformed(string json) =>
        FailsInvalid(SignedPayload.Parse(Signed(Encoding.UTF8.GetBytes(json))), "licences.payload-malformed");

    [Fact]
    public void Parse_LongerThanTheLimit_IsMalformed()
    {
        var fields = Enumerable.Range(0, 100).ToDictionary(i => $"字段{i}", i => new string('值', 20));
        var text = Signed(Claims with { Fields = fields });

        Assert.True(text.Length > SignedPayload.MaxLength);
        FailsInvalid(SignedPayload.Parse(text), "licences.payload-malformed");
    }
}
