using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Domain.Cases;
using Tongban.Domain.Catalog;
using Tongban.Domain.Identity;
using Tongban.Domain.Primitives;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Modules.Cases.Features.CheckDeficiencies;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Files;
using Tongban.Modules.Cases.Persistence;
using Tongban.Modules.Catalog;
using Tongban.Platform;
using Tongban.Platform.Demo;
using Tongban.Platform.Persistence;

namespace Tongban.IntegrationTests.Cases;

/// <summary>The platform with one applicant flagged for serious bad credit (Tongban:Credit:SeriousBadCredit), for the 告知承诺 rules.</summary>
public abstract class IntakeApp(DatabaseProvider provider) : TongbanApp(provider)
{
    public static string FlaggedCitizen => Actors.CitizenLogin(3);

    /// <summary>Items whose name starts with this have an after-acceptance step that refuses.</summary>
    public const string RefusedAfterAcceptance = "后续步骤拒绝";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Tongban:Credit:SeriousBadCredit:0", FlaggedCitizen);
        builder.ConfigureServices(services => services.AddScoped<IAfterAcceptance, RefusingStep>());
    }

    /// <summary>An after-acceptance step (like 秒批) that fails for some items, to show the acceptance is then not saved either.</summary>
    private sealed class RefusingStep : IAfterAcceptance
    {
        public Task<Result> RunAsync(Case @case, PublishedImplementation implementation, CancellationToken cancellationToken) =>
            Task.FromResult(implementation.Content.Name.StartsWith(RefusedAfterAcceptance, StringComparison.Ordinal) && @case.Status == CaseStatus.Accepted
                ? new Conflict("test.after-acceptance-refused")
                : Result.Success);
    }
}

public sealed class IntakeSqliteApp() : IntakeApp(DatabaseProvider.Sqlite);

public sealed class IntakePostgresApp() : IntakeApp(DatabaseProvider.Postgres);

/// <summary>Intent helpers for the window: items to accept, cases to decide on, the clerk's decisions, the documents, the 容缺 sweep.</summary>
public static class IntakeActions
{
    public const string Clerk = "SN-CLERK";
    public const string SecondClerk = "SN-CLERK-2";
    public const string CountyClerk = "PX-CLERK";
    public static string Citizen => Actors.CitizenLogin(0);

    public static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>An item with two uploads: 申请书 (key material) and 营业执照复印件 (容缺: may be supplied after acceptance); promised 10, statutory 20 working days.</summary>
    public static async Task<ImplementationCode> PublishIntakeItemAsync(this TongbanApp app, string name, bool publicSafety = false, bool commitment = false)
    {
        var content = CatalogActions.ValidContent(name) with
        {
            PromisedLimit = new TimeLimit(10, Domain.Primitives.Calendar.TimeLimitUnit.WorkingDays),
            Materials =
            [
                new MaterialRequirement { Key = "application", Name = "申请书" },
                new MaterialRequirement
                {
                    Key = "licence-copy", Name = "营业执照复印件", DeficiencyAllowed = true,
                    Exemptions = commitment ? [new Exemption(ExemptionRoute.Commitment)] : [],
                },
            ],
            CommitmentAllowed = commitment,
            PublicSafety = publicSafety,
            PublicSafetyReason = publicSafety ? "涉及公共安全，材料须齐全" : null,
        };
        return (await app.PublishImplementationAsync(content, DemoCity.MarketRegulation)).Code;
    }

    /// <summary>The citizen applies online (API) with both materials uploaded; answers the case number.</summary>
    public static async Task<string> ApplyOnlineAsync(this TongbanApp app, ImplementationCode item, string? citizen = null)
    {
        citizen ??= Citizen;
        using var client = await app.ApiClientAsync(citizen);
        return await app.ApplyAsync(item, citizen,
        [
            new { key = "application", route = "upload", fileId = await client.UploadAsync(ApplyActions.Pdf, "申请书.pdf") },
            new { key = "licence-copy", route = "upload", fileId = await client.UploadAsync(ApplyActions.Pdf, "营业执照复印件.pdf") },
        ]);
    }

    /// <summary>
    /// A walk-in filed at the window by the city clerk (POST /api/v1/window/cases): every material of the
    /// item scanned and uploaded, except those the person lacks (缺件).
    /// </summary>
    public static async Task<string> FileAtWindowAsync(this TongbanApp app, ImplementationCode item, string citizen, params string[] missing)
    {
        using var clerk = await app.ApiClientAsync(Clerk);
        var materials = new List<object>();
        foreach (var key in await MaterialKeysAsync(clerk, item))
        {
            materials.Add(missing.Contains(key)
                ? new { key, route = "missing" }
                : new { key, route = "upload", fileId = (Guid?)await clerk.UploadAsync(ApplyActions.Pdf, key + ".pdf") });
        }

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/window/cases")
        {
            Content = JsonContent.Create(new { implementationCode = item.Value, applicantIdentifier = citizen, materials }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await clerk.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseNumber").GetString()!;
    }

    /// <summary>The applicant answers the correction notice online, uploading every material it names (POST /api/v1/cases/{n}/correction).</summary>
    public static async Task SupplyCorrectionAsync(this TongbanApp app, string caseNumber, string citizen)
    {
        using var client = await app.ApiClientAsync(citizen);
        var notices = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseNumber}")).GetProperty("notices").EnumerateArray().Select(n => n.GetProperty("materialKey").GetString()!);
        var response = await client.PostAsJsonAsync($"/api/v1/cases/{caseNumber}/correction", new { materials = await UploadsAsync(client, notices, "补正-") });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The applicant supplies every owed 容缺 material online (POST /api/v1/cases/{n}/supplement).</summary>
    public static async Task SupplementAsync(this TongbanApp app, string caseNumber, string citizen)
    {
        using var client = await app.ApiClientAsync(citizen);
        var owed = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseNumber}")).GetProperty("materials").EnumerateArray()
            .Where(m => m.GetProperty("route").GetString() == "Missing").Select(m => m.GetProperty("key").GetString()!);
        var response = await client.PostAsJsonAsync($"/api/v1/cases/{caseNumber}/supplement", new { materials = await UploadsAsync(client, owed, "补齐-") });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The back office approves every step and decides (SN-APPROVER through the back-office API).</summary>
    public static async Task DecideAsync(this TongbanApp app, string caseNumber, CaseDecision decision)
    {
        using var approver = await app.ApiClientAsync("SN-APPROVER");
        await approver.ApproveAllStepsAsync(caseNumber);
        var outcome = decision.Outcome == DecisionOutcome.Approve ? "approve" : "deny";
        await BackOfficeActions.ExpectOkAsync(await approver.DecideAsync(caseNumber, outcome, decision.Reasons, decision.LegalBasis));
    }

    public static async Task<DeficiencySweepResult> SweepDeficienciesAsync(this TongbanApp app) =>
        await app.Services.GetRequiredService<DeficiencySweep>().RunAsync(CancellationToken.None);

    /// <summary>Sets the fake clock to a Beijing wall-clock time.</summary>
    public static void SetBeijing(this TongbanApp app, int year, int month, int day, int hour) =>
        app.Clock.SetLocal(year, month, day, hour);

    public static Task<HttpResponseMessage> TakeIntakeDecisionAsync(this HttpClient clerk, string caseNumber, string decision, object? body = null) =>
        clerk.PostAsJsonAsync($"/api/v1/cases/{caseNumber}/{decision}", body ?? new { });

    public static Task<HttpResponseMessage> AcceptAsync(this HttpClient clerk, string caseNumber, int? expectedVersion = null) =>
        clerk.TakeIntakeDecisionAsync(caseNumber, "accept", new { expectedVersion });

    public static async Task<JsonElement> ShowAsync(this TongbanApp app, string caseNumber)
    {
        using var clerk = await app.ApiClientAsync(Clerk);
        return await clerk.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseNumber}");
    }

    public static async Task<string> StatusAsync(this TongbanApp app, string caseNumber) =>
        (await app.ShowAsync(caseNumber)).GetProperty("status").GetString()!;

    public static async Task<string> CodeOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;

    /// <summary>A case document's text as pdftotext reads it (white space removed); fails unless it is a PDF.</summary>
    public static async Task<string> DocumentTextAsync(this HttpClient client, string caseNumber, string kind)
    {
        var response = await client.GetAsync($"/cases/{caseNumber}/documents/{kind}.pdf");
        Assert.True(response.IsSuccessStatusCode, $"{kind}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return await PdfTextAsync(await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>A PDF's text as pdftotext reads it, white space removed (for the browser tests, which hold the downloaded bytes).</summary>
    public static Task<string> PdfTextAsync(byte[] pdf) => Platform.PdfTools.TextAsync(pdf);

    private static async Task<IReadOnlyList<string>> MaterialKeysAsync(HttpClient client, ImplementationCode item) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/v1/items/{item.Value}")).GetProperty("content").GetProperty("materials").EnumerateArray().Select(m => m.GetProperty("key").GetString()!)];

    private static async Task<object[]> UploadsAsync(HttpClient client, IEnumerable<string> keys, string prefix)
    {
        var uploads = new List<object>();
        foreach (var key in keys)
        {
            uploads.Add(new { key, route = "upload", fileId = await client.UploadAsync(ApplyActions.Pdf, prefix + key + ".pdf") });
        }

        return [.. uploads];
    }
}
