using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Audit;
using Tongban.IntegrationTests.Cases;
using Tongban.IntegrationTests.Identity;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Platform.Demo;
using static Tongban.IntegrationTests.Cases.BackOfficeActions;

namespace Tongban.IntegrationTests.Bundles;

/// <summary>What applicants and departments do with a 一件事 through the API, as intent helpers.</summary>
public static class BundleActions
{
    /// <summary>Each member's department works its own case; a department without a demo approver is worked by the platform administrator.</summary>
    private static readonly Dictionary<string, string> Approvers = new(StringComparer.Ordinal)
    {
        ["11510900MB1A00116E"] = "SN-WJW-APPROVER",
        ["11510900MB1A000280"] = "SN-GA-APPROVER",
        ["11510900MB1A00095X"] = "SN-YB-APPROVER",
        ["11510900MB1A000873"] = "SN-RS-APPROVER",
        ["11510900MB1A00036T"] = "SN-APPROVER",
        ["11510900MB1A00060B"] = "SN-ZJ-APPROVER",
        ["11510900MB1A000798"] = "SN-SW-APPROVER",
        ["11510900MB1A00052G"] = "SN-BDC-APPROVER",
        ["11510900MB1A00044M"] = "SN-ZRGH-APPROVER",
    };

    /// <summary>Departments of the demo bundles without a demo approver: 民政局.</summary>
    private static readonly Dictionary<string, Guid> WithoutDemoApprover = new(StringComparer.Ordinal)
    {
        ["11510900MB1A00108K"] = DemoCity.CivilAffairs,
    };

    public static string ApproverOf(string caseNumber) => Approvers[caseNumber[..18]];

    /// <summary>
    /// Submits a bundle with each merged field filled once, each situation answered (by <paramref name="answers"/>,
    /// or its first answer) and every required material uploaded.
    /// </summary>
    public static async Task<(Dictionary<string, string> Values, JsonElement BundleCase)> SubmitBundleAsync(
        this HttpClient applicant, string code, IReadOnlyDictionary<string, string>? answers = null, IReadOnlyDictionary<string, string>? values = null)
    {
        var application = await applicant.GetFromJsonAsync<JsonElement>($"/api/v1/bundles/{code}/application");
        var chosen = application.GetProperty("situations").EnumerateArray().Select(s => s.GetProperty("situation")).ToDictionary(
            s => s.GetProperty("key").GetString()!,
            s => answers?.GetValueOrDefault(s.GetProperty("key").GetString()!) ?? s.GetProperty("answers")[0].GetProperty("key").GetString()!);
        var filled = application.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("field"))
            .ToDictionary(f => f.GetProperty("key").GetString()!, f => values?.GetValueOrDefault(f.GetProperty("key").GetString()!) ?? SampleValue(f));
        var materials = new List<object>();
        foreach (var material in application.GetProperty("materials").EnumerateArray()
            .Where(m => m.GetProperty("requirement").GetProperty("necessity").GetString() == "required"))
        {
            materials.Add(new { key = material.GetProperty("key").GetString(), route = "upload", fileId = await applicant.UploadAsync(ApplyActions.Pdf, "材料.pdf") });
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/bundles/{code}/cases")
        {
            Content = JsonContent.Create(new { answers = chosen, formValues = filled, materials }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var submitted = await applicant.SendAsync(request);
        Assert.True(submitted.StatusCode == HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync());
        return (filled, await submitted.Content.ReadFromJsonAsync<JsonElement>());
    }

    public static Task<JsonElement> BundleCaseAsync(this HttpClient applicant, string number) =>
        applicant.GetFromJsonAsync<JsonElement>($"/api/v1/bundle-cases/{number}");

    public static JsonElement Member(JsonElement bundleCase, string key) =>
        bundleCase.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("key").GetString() == key);

    public static string? CaseOf(JsonElement bundleCase, string key) => Member(bundleCase, key).GetProperty("caseNumber").GetString();

    /// <summary>Answers the bundle's corrections once (POST /api/v1/bundle-cases/{n}/correction).</summary>
    public static async Task<HttpResponseMessage> SupplyBundleCorrectionAsync(this HttpClient applicant, string number, IEnumerable<object> answers, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/bundle-cases/{number}/correction") { Content = JsonContent.Create(new { answers }) };
        request.Headers.Add("Idempotency-Key", idempotencyKey ?? Guid.NewGuid().ToString());
        return await applicant.SendAsync(request);
    }

    /// <summary>The city window asks a member case for corrections of its materials (by the member's own keys).</summary>
    public static async Task RequestCorrectionAsync(this TongbanApp app, string caseNumber, params (string MaterialKey, string Reason)[] items)
    {
        using var clerk = await app.ApiClientAsync("SN-CLERK");
        await ExpectOkAsync(await clerk.TakeIntakeDecisionAsync(caseNumber, "request-correction",
            new { items = items.Select(i => new { materialKey = i.MaterialKey, reason = i.Reason }) }));
    }

    /// <summary>
    /// 受理 at the city window (unless the system already accepted it), then every open step, 准予 and 制证 by the
    /// member's department, as far as its process goes (a 秒批 member is already approved).
    /// </summary>
    public static async Task HandleToResultAsync(this TongbanApp app, string caseNumber)
    {
        using var staff = await app.StaffOfAsync(caseNumber);
        var status = await app.AcceptAndApproveStepsAsync(staff, caseNumber);
        if (status == "accepted")
        {
            await ExpectOkAsync(await staff.DecideAsync(caseNumber, "approve"));
            status = (await staff.CaseAsync(caseNumber)).GetProperty("status").GetString();
        }

        if (status == "approved")
        {
            await ExpectOkAsync(await staff.IssueAsync(caseNumber));
        }
    }

    /// <summary>受理, every step, then 不予许可 with its reasons.</summary>
    public static async Task DenyAsync(this TongbanApp app, string caseNumber, string reasons)
    {
        using var staff = await app.StaffOfAsync(caseNumber);
        await app.AcceptAndApproveStepsAsync(staff, caseNumber);
        await ExpectOkAsync(await staff.DecideAsync(caseNumber, "deny", reasons, "《户口登记条例》第八条"));
    }

    /// <summary>An approver of the case's department: the demo one, or one the administrator enrols for a department without one.</summary>
    private static async Task<HttpClient> StaffOfAsync(this TongbanApp app, string caseNumber)
    {
        if (Approvers.TryGetValue(caseNumber[..18], out var approver))
        {
            return await app.ApiClientAsync(approver);
        }

        var department = WithoutDemoApprover[caseNumber[..18]];
        var employee = StaffActions.NewEmployeeId("YJS");
        using (var admin = await app.SignedInBrowserAsync("ADMIN"))
        {
            await admin.EnrolStaffAsync(employee, "510900000000", department, "Approver");
        }

        return await app.ApiClientAsync(employee, StaffActions.InitialPassword);
    }

    private static async Task<string?> AcceptAndApproveStepsAsync(this TongbanApp app, HttpClient staff, string caseNumber)
    {
        if ((await staff.CaseAsync(caseNumber)).GetProperty("status").GetString() == "submitted")
        {
            using var clerk = await app.ApiClientAsync("SN-CLERK");
            await ExpectOkAsync(await clerk.AcceptAsync(caseNumber));
        }

        await app.ApproveStepsAsync(staff, caseNumber);
        return (await staff.CaseAsync(caseNumber)).GetProperty("status").GetString();
    }

    /// <summary>Every open back-office step, as the department's approver (a DepartmentSystem step as the department's system).</summary>
    private static async Task ApproveStepsAsync(this TongbanApp app, HttpClient staff, string caseNumber)
    {
        foreach (var step in (await staff.CaseAsync(caseNumber)).GetProperty("steps").EnumerateArray().ToList())
        {
            if (step.GetProperty("status").GetString() is "approved" or "Approved" or "skipped" or "Skipped")
            {
                continue;
            }

            var key = step.GetProperty("key").GetString()!;
            if (step.GetProperty("role").GetString() == "DepartmentSystem")
            {
                using var system = await app.ApiClientAsync(DepartmentSystem);
                await ExpectOkAsync(await system.ApproveStepAsync(caseNumber, key));
            }
            else
            {
                await ExpectOkAsync(await staff.ApproveStepAsync(caseNumber, key));
            }
        }
    }

    /// <summary>A bundle document's text (white space removed); fails unless it is a PDF.</summary>
    public static async Task<string> BundleDocumentTextAsync(this HttpClient client, string number, string kind)
    {
        var response = await client.GetAsync($"/bundle-cases/{number}/documents/{kind}.pdf");
        Assert.True(response.IsSuccessStatusCode, $"{kind}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return await IntakeActions.PdfTextAsync(await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>The document names the bundle case view lists.</summary>
    public static IReadOnlyList<string> DocumentNames(JsonElement bundleCase) =>
        [.. bundleCase.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("name").GetString()!)];

    /// <summary>How often the applicant was told the bundle is finished (each notification is audited).</summary>
    public static Task<int> FinishedNotificationsAsync(this TongbanApp app, string number) =>
        app.WithDbAsync(db => db.Set<AuditRecord>().AsNoTracking().CountAsync(r => r.Action == "bundles.finished" && r.EntityId == number));

    /// <summary>What <see cref="SampleValue"/> fills into a text field.</summary>
    public const string SampleText = "张小宝";

    /// <summary>A value a form field of its type accepts.</summary>
    public static string SampleValue(JsonElement field) => field.GetProperty("type").GetString() switch
    {
        "date" => "2026-02-20",
        "choice" => field.GetProperty("choices")[0].GetString()!,
        "idNumber" => Citizen,
        "phone" => "13800000001",
        "number" => "1",
        "uscc" => DemoCity.UsccFor("91", DemoCity.Enterprises[0].RegionCode, DemoCity.Enterprises[0].OrganisationCodeBody).Value,
        _ => SampleText,
    };
}
