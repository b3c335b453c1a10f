using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tongban.Bench;

/// <summary>The app's public API as the scenarios and the template cases use it: one way to sign in, apply and work a case.</summary>
public sealed class Api(HttpClient http)
{
    public const string Password = "Tongban@2026";
    public const string Clerk = "SN-CLERK";
    public const string Approver = "SN-APPROVER";
    public const string Supervisor = "SN-SUPERVISOR";

    /// <summary>The demo citizens (README "Demo accounts"); the bench gives each of them historical cases.</summary>
    public static readonly string[] Citizens = ["510903199003071234", "510921195608182441", "510981198811203551", "510904199506124664"];

    public HttpClient Http => http;

    public async Task<string> TokenAsync(string username)
    {
        using var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { username, password = Password });
        var body = await ExpectAsync(response, HttpStatusCode.OK);
        return body.GetProperty("access_token").GetString()!;
    }

    /// <summary>The bench item's application: a phone number and the 申请书 as an upload or under commitment.</summary>
    public async Task<string> SubmitAsync(string token, string implementationCode, Guid? fileId = null)
    {
        var material = fileId is null ? (object)new { key = "application", route = "commitment" } : new { key = "application", route = "upload", fileId };
        using var request = Request(HttpMethod.Post, "/api/v1/cases", token, new
        {
            implementationCode,
            answers = new Dictionary<string, string>(),
            formValues = new Dictionary<string, string> { ["phone"] = "13800000000" },
            materials = new[] { material },
        });
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await http.SendAsync(request);
        return (await ExpectAsync(response, HttpStatusCode.Created)).GetProperty("caseNumber").GetString()!;
    }

    public async Task<Guid> UploadAsync(string token, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "申请书.pdf");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/files") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        return (await ExpectAsync(response, HttpStatusCode.Created, HttpStatusCode.OK)).GetProperty("fileId").GetGuid();
    }

    public Task<JsonElement> PostAsync(string token, string path, object body) => SendAsync(HttpMethod.Post, token, path, body);

    public Task<JsonElement> GetAsync(string? token, string path) => SendAsync(HttpMethod.Get, token, path, null);

    /// <summary>受理 at the window: 告知承诺 (accept under commitment) when the 申请书 was replaced by a commitment.</summary>
    public Task AcceptAsync(string clerkToken, string caseNumber, bool committed) => committed
        ? PostAsync(clerkToken, $"/api/v1/cases/{caseNumber}/accept-under-commitment", new { commitment = "申请人承诺所报材料真实有效" })
        : PostAsync(clerkToken, $"/api/v1/cases/{caseNumber}/accept", new { });

    /// <summary>受理 at the window, then the first step approved in the back office: two transitions.</summary>
    public async Task AcceptAndApproveAsync(string clerkToken, string approverToken, string caseNumber, bool committed)
    {
        await AcceptAsync(clerkToken, caseNumber, committed);
        await PostAsync(approverToken, $"/api/v1/cases/{caseNumber}/steps/review/approve", new { comment = "同意" });
    }

    /// <summary>Every step approved, decided, issued, handed over and completed: a case as it ends.</summary>
    public async Task WorkToCompletionAsync(string approverToken, string caseNumber)
    {
        var steps = (await GetAsync(approverToken, $"/api/v1/cases/{caseNumber}")).GetProperty("steps").EnumerateArray()
            .Where(s => s.GetProperty("status").GetString() != "approved").Select(s => s.GetProperty("key").GetString()!).ToList();
        foreach (var step in steps)
        {
            await PostAsync(approverToken, $"/api/v1/cases/{caseNumber}/steps/{step}/approve", new { comment = "同意" });
        }

        await PostAsync(approverToken, $"/api/v1/cases/{caseNumber}/decision", new { outcome = "approve" });
        await PostAsync(approverToken, $"/api/v1/cases/{caseNumber}/issue", new { });
        await PostAsync(approverToken, $"/api/v1/cases/{caseNumber}/delivery", new { method = "electronic" });
        await PostAsync(approverToken, $"/api/v1/cases/{caseNumber}/complete", new { comment = "办结" });
    }

    private async Task<JsonElement> SendAsync(HttpMethod method, string? token, string path, object? body)
    {
        using var request = Request(method, path, token, body);
        using var response = await http.SendAsync(request);
        return await ExpectAsync(response, HttpStatusCode.OK, HttpStatusCode.Created);
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string? token, object? body)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    private static async Task<JsonElement> ExpectAsync(HttpResponseMessage response, params HttpStatusCode[] expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!expected.Contains(response.StatusCode))
        {
            throw new ApiException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: {(int)response.StatusCode} {text[..Math.Min(text.Length, 300)]}");
        }

        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}

/// <summary>An API answer other than the one expected: an error of the scenario.</summary>
public sealed class ApiException(string message) : Exception(message);
