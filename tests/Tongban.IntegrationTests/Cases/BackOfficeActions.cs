using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Persistence;
using Tongban.Modules.Catalog;
using Tongban.Platform.Demo;

namespace Tongban.IntegrationTests.Cases;

/// <summary>Intent helpers for the back office: publish an item with a 办理流程, get a case accepted, act on it through the API.</summary>
public static class BackOfficeActions
{
    public const string Approver = "SN-APPROVER";
    public const string SecondApprover = "SN-APPROVER-2";
    public const string Superior = "SN-SCJ-ADMIN";
    public const string DepartmentSystem = "SN-SCJ-SYSTEM";

    public static string Citizen => Actors.CitizenLogin(0);

    /// <summary>受理 → 审查 → 会签 (法规科 and 登记科 together) → 决定 → 办结.</summary>
    public static IReadOnlyList<ProcessStep> ParallelReview { get; } =
    [
        new("accept", "受理"),
        new("review", "审查"),
        new("sign-legal", "法规科会签", ParallelGroup: "会签"),
        new("sign-registry", "登记科会签", ParallelGroup: "会签"),
        new("decide", "决定"),
        new("complete", "办结"),
    ];

    /// <summary>An item with one required upload (申请书) and the given 办理流程, published for 市市场监督管理局 (or another department).</summary>
    public static async Task<ImplementationCode> PublishHandledItemAsync(
        this TongbanApp app, IReadOnlyList<ProcessStep>? process = null, Guid? department = null, IReadOnlyList<string>? instantApprovalRules = null,
        IReadOnlyList<MaterialRequirement>? materials = null, string? licenceTypeCode = null, IReadOnlyList<FormField>? form = null)
    {
        var content = CatalogActions.ValidContent("后台事项" + Guid.NewGuid().ToString("N")[..6]) with
        {
            Process = process ?? ParallelReview,
            InstantApprovalRules = instantApprovalRules ?? [],
            Materials = materials ?? [new MaterialRequirement { Key = "application", Name = "申请书" }],
            LicenceTypeCode = licenceTypeCode,
            Form = form ?? [],
        };
        return (await app.PublishImplementationAsync(content, department ?? DemoCity.MarketRegulation)).Code;
    }

    /// <summary>A citizen applies online with the 申请书 uploaded; answers the case number.</summary>
    public static async Task<string> ApplyAsync(this TongbanApp app, ImplementationCode item, string? citizen = null, object[]? materials = null)
    {
        using var client = await app.ApiClientAsync(citizen ?? Citizen);
        materials ??= [new { key = "application", route = "upload", fileId = await client.UploadAsync(ApplyActions.Pdf, "申请书.pdf") }];
        var response = await client.SubmitAsync(new { implementationCode = item.Value, answers = new Dictionary<string, string>(), formValues = new Dictionary<string, string>(), materials });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseNumber").GetString()!;
    }

    /// <summary>The city window accepts the case (POST /api/v1/cases/{n}/accept); 秒批 runs there when the item has rules.</summary>
    public static async Task AcceptAtWindowAsync(this TongbanApp app, string caseNumber, string clerk = "SN-CLERK")
    {
        using var client = await app.ApiClientAsync(clerk);
        await ExpectOkAsync(await client.AcceptAsync(caseNumber));
    }

    /// <summary>Publishes a 会签 item, applies as the demo citizen and gets it accepted: the case number.</summary>
    public static async Task<string> AcceptedCaseAsync(this TongbanApp app, IReadOnlyList<ProcessStep>? process = null, Guid? department = null)
    {
        var number = await app.ApplyAsync(await app.PublishHandledItemAsync(process, department));
        await app.AcceptAtWindowAsync(number);
        return number;
    }

    public static Task<JsonElement> CaseAsync(this HttpClient client, string caseNumber) =>
        client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseNumber}");

    public static Task<HttpResponseMessage> ApproveStepAsync(this HttpClient client, string caseNumber, string step, string? comment = "同意", int? expectedVersion = null) =>
        client.PostAsJsonAsync($"/api/v1/cases/{caseNumber}/steps/{step}/approve", new { comment, expectedVersion });

    public static Task<HttpResponseMessage> SendBackAsync(this HttpClient client, string caseNumber, string step, string toStep, string? reason) =>
        client.PostAsJsonAsync($"/api/v1/cases/{caseNumber}/steps/{step}/send-back", new { toStepKey = toStep, reason });

    public static Task<HttpResponseMessage> TransferAsync(this HttpClient client, string caseNumber, string step, string toEmployeeId, string? reason) =>
        client.PostAsJsonAsync($"/api/v1/cases/{caseNumber}/steps/{step}/transfer", new { toEmployeeId, reason });

    public static Task<HttpResponseMessage> DecideAsync(this HttpClient client, string caseNumber, string outcome, string? reasons = null, string? legalBasis = null) =>
        client.PostAsJsonAsync($"/api/v1/cases/{caseNumber}/decision", new { outcome, reasons, legalBasis });

    public static Task<HttpResponseMessage> IssueAsync(this HttpClient client, string caseNumber) =>
        client.PostAsJsonAsync($"/api/v1/cases/{caseNumber}/issue", new { });

    public static Task<HttpResponseMessage> DeliverAsync(this HttpClient client, string caseNumber, string method, string? address = null, string? carrier = null, string? trackingNumber = null) =>
        client.PostAsJsonAsync($"/api/v1/cases/{caseNumber}/delivery", new { method, address, carrier, trackingNumber });

    public static Task<HttpResponseMessage> CompleteAsync(this HttpClient client, string caseNumber) =>
        client.PostAsJsonAsync($"/api/v1/cases/{caseNumber}/complete", new { comment = "办结" });

    public static Task<HttpResponseMessage> StartSpecialProcedureAsync(this HttpClient client, string caseNumber, string procedure, string? reason) =>
        client.PostAsJsonAsync($"/api/v1/cases/{caseNumber}/special-procedures", new { procedure, reason });

    public static Task<HttpResponseMessage> EndSpecialProcedureAsync(this HttpClient client, string caseNumber) =>
        client.PostAsJsonAsync($"/api/v1/cases/{caseNumber}/special-procedures/end", new { comment = "检验完毕" });

    public static Task<HttpResponseMessage> ExtendAsync(this HttpClient client, string caseNumber, int workingDays, string? reason, string? requestedBy) =>
        client.PostAsJsonAsync($"/api/v1/cases/{caseNumber}/extension", new { workingDays, reason, requestedBy });

    /// <summary>Approves every step the case runs, stage by stage, as the approver.</summary>
    public static async Task ApproveAllStepsAsync(this HttpClient approver, string caseNumber)
    {
        foreach (var step in (await approver.CaseAsync(caseNumber)).GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("key").GetString()!).ToList())
        {
            await ExpectOkAsync(await approver.ApproveStepAsync(caseNumber, step));
        }
    }

    public static async Task<JsonElement> ExpectOkAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Asserts the ProblemDetails status and code.</summary>
    public static async Task ExpectProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status} {code}, got {(int)response.StatusCode}: {body}");
        Assert.Equal(code, JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
    }

    public static string StepStatus(this JsonElement view, string step) =>
        view.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("key").GetString() == step).GetProperty("status").GetString()!;

    /// <summary>A local (Asia/Shanghai) date of an instant in a view.</summary>
    public static DateOnly LocalDate(JsonElement instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant.GetDateTimeOffset(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);

    /// <summary>Sets the fake clock to a local (Asia/Shanghai) time.</summary>
    public static void SetLocal(this TestClock clock, int year, int month, int day, int hour = 9) =>
        clock.Set(new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.FromHours(8)));
}
