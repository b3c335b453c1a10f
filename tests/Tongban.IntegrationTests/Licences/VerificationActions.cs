using System.Net.Http.Json;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Domain.Licences;
using Tongban.Domain.Primitives;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Platform.Persistence;

namespace Tongban.IntegrationTests.Licences;

/// <summary>Verification as a verifier does it (the public API), and payloads as a forger would alter them.</summary>
public static class VerificationActions
{
    public static async Task<HttpResponseMessage> PostVerifyAsync(this TongbanApp app, object body, HttpClient? client = null)
    {
        using var anonymous = client is null ? app.CreateClient() : null;
        return await (client ?? anonymous!).PostAsJsonAsync("/api/v1/licences/verify", body);
    }

    /// <summary>Verifies anonymously and answers the JSON; fails the test on anything but 200.</summary>
    public static async Task<JsonElement> VerifyAsync(this TongbanApp app, object body, HttpClient? client = null)
    {
        var response = await app.PostVerifyAsync(body, client);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"verify answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<string> StatusOfPayloadAsync(this TongbanApp app, string payload) =>
        (await app.VerifyAsync(new { payload })).GetProperty("status").GetString()!;

    /// <summary>The signed payload the platform stored (and printed in the QR code) for the licence.</summary>
    public static async Task<Licence> StoredLicenceAsync(this TongbanApp app, LicenceIdentifier identifier)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TongbanDbContext>().Set<Licence>().AsNoTracking().SingleAsync(l => l.Identifier == identifier);
    }

    /// <summary>The payload with one value of its JSON body replaced, re-encoded, the old signature kept.</summary>
    public static string WithBodyValue(string payload, string key, Func<JsonNode?, JsonNode?> change)
    {
        var (body, signature) = Split(payload);
        var json = JsonNode.Parse(body)!.AsObject();
        json[key] = change(json[key]?.DeepClone());
        var edited = json.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.NotEqual(Encoding.UTF8.GetString(body), edited);
        return $"{Base64Url(Encoding.UTF8.GetBytes(edited))}.{Base64Url(signature)}";
    }

    /// <summary>The payload with one bit of its signature flipped.</summary>
    public static string WithFlippedSignatureBit(string payload, int index = 10)
    {
        var (body, signature) = Split(payload);
        signature[index] ^= 0x01;
        return $"{Base64Url(body)}.{Base64Url(signature)}";
    }

    private static (byte[] Body, byte[] Signature) Split(string payload)
    {
        var parts = payload.Split('.');
        return (FromBase64Url(parts[0]), FromBase64Url(parts[1]));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text) =>
        Convert.FromBase64String(text.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (text.Length % 4)) % 4));
}
