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
        var application = await client.UploadAsync(ApplyActions.Pdf, "申请书.pdf");
        var copy = await client.UploadAsync(ApplyActions.Pdf, "营业执照复印件.pdf");
        var response = await client.SubmitAsync(new
        {
            implementationCode = item.Value,
            answers = new Dictionary<string, string>(),
            formValues = new Dictionary<string, string>(),
            materials = new object[] { new { key = "application", route = "upload", fileId = application }, new { key = "licence-copy", route = "upload", fileId = copy } },
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseNumber").GetString()!;
    }

    /// <summary>
    /// TEST SETUP through the domain: a walk-in filed at the window with materials left missing, as the
    /// window filing (built in parallel by the applying part) will store it. The case is started, given
    /// its materials and submitted with the item's material list, and saved through CaseStore in a scope.
    /// </summary>
    public static async Task<string> FileAtWindowAsync(this TongbanApp app, ImplementationCode item, string citizen, params string[] missing)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var now = app.Clock.GetUtcNow();
        var published = (await services.GetRequiredService<ICatalog>().FindPublishedAsync(item, null, CancellationToken.None))!;
        var clerk = await AccountIdAsync(services, Clerk);
        var applicant = Applicant.Person(IdNumber.Parse(citizen, DateOnly.MaxValue).Value, "张伟").Value;
        var @case = Case.StartDraft(Guid.NewGuid(), new ImplementationRef(published.Code, published.Version, published.DepartmentId, published.Region), applicant,
            CaseChannel.Window, new CaseActor(clerk, nameof(Role.WindowClerk)), now).Value;
        foreach (var material in published.Content.Materials)
        {
            var provided = missing.Contains(material.Key) ? CaseMaterial.Missing(material.Key) : await UploadedAsync(services, material.Key, material.Name + ".pdf");
            Assert.True(@case.ProvideMaterial(provided.Value, now).IsSuccess);
        }

        var specs = published.Content.Materials.Select(m => new MaterialSpec(m.Key, m.Name, true, m.DeficiencyAllowed, m.Exemptions.Any(e => e.Route == ExemptionRoute.Commitment))).ToList();
        var cases = services.GetRequiredService<CaseStore>();
        await using var transaction = await cases.BeginTransactionAsync(CancellationToken.None);
        var number = (await cases.NextNumberAsync(item, DateOnly.FromDateTime(now.ToOffset(Beijing).DateTime), CancellationToken.None)).Value;
        var submitted = @case.Submit(number, specs, new CaseActor(clerk, nameof(Role.WindowClerk)), now);
        Assert.True(submitted.IsSuccess, submitted.Error?.Message);
        cases.Add(@case);
        await cases.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync();
        return number.Value;
    }

    /// <summary>TEST SETUP through the domain: the applicant answers the correction notice by uploading every material it names (the applicant's correction endpoint is built in parallel).</summary>
    public static Task SupplyCorrectionAsync(this TongbanApp app, string caseNumber, string citizen) =>
        app.ChangeCaseAsync(caseNumber, async (c, services, now) =>
        {
            var materials = new List<CaseMaterial>();
            var actor = CaseActor.Applicant(await AccountIdAsync(services, citizen));
            foreach (var item in c.CorrectionNotice)
            {
                materials.Add((await UploadedAsync(services, item.MaterialKey, "补正-" + item.MaterialKey + ".pdf")).Value);
            }

            return c.SupplyCorrection(materials, actor, now);
        });

    /// <summary>TEST SETUP through the domain: the applicant supplies every owed 容缺 material (the applicant's supplement endpoint is built in parallel).</summary>
    public static Task SupplementAsync(this TongbanApp app, string caseNumber, string citizen) =>
        app.ChangeCaseAsync(caseNumber, async (c, services, now) =>
        {
            var materials = new List<CaseMaterial>();
            var actor = CaseActor.Applicant(await AccountIdAsync(services, citizen));
            foreach (var owed in c.OwedMaterials)
            {
                materials.Add((await UploadedAsync(services, owed.Key, "补齐-" + owed.Key + ".pdf")).Value);
            }

            return c.SupplementDeficiency(materials, actor, now);
        });

    /// <summary>TEST SETUP through the domain: the back office approves every step and takes the decision (the back-office endpoints are built in parallel).</summary>
    public static Task DecideAsync(this TongbanApp app, string caseNumber, CaseDecision decision) =>
        app.ChangeCaseAsync(caseNumber, async (c, services, now) =>
        {
            var approver = new CaseActor(await AccountIdAsync(services, "SN-APPROVER"), nameof(Role.Approver));
            foreach (var step in c.Steps.ToList())
            {
                var approved = c.ApproveStep(step.Key, approver, now);
                Assert.True(approved.IsSuccess, approved.Error?.Message);
            }

            return c.Decide(decision, approver, now);
        });

    public static async Task<DeficiencySweepResult> SweepDeficienciesAsync(this TongbanApp app) =>
        await app.Services.GetRequiredService<DeficiencySweep>().RunAsync(CancellationToken.None);

    /// <summary>Sets the fake clock to a Beijing wall-clock time.</summary>
    public static void SetBeijing(this TongbanApp app, int year, int month, int day, int hour) =>
        app.Clock.Set(new DateTimeOffset(year, month, day, hour, 0, 0, Beijing));

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

    /// <summary>Loads the case through CaseStore in its own scope, runs one transition at the fake clock's now, and saves it.</summary>
    private static async Task ChangeCaseAsync(this TongbanApp app, string caseNumber, Func<Case, IServiceProvider, DateTimeOffset, Task<Result>> act)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var cases = services.GetRequiredService<CaseStore>();
        var @case = (await cases.FindAsync(CaseNumber.Parse(caseNumber).Value, CancellationToken.None))!;
        var result = await act(@case, services, app.Clock.GetUtcNow());
        Assert.True(result.IsSuccess, result.Error?.Message);
        await cases.SaveChangesAsync(CancellationToken.None);
    }

    private static async Task<Result<CaseMaterial>> UploadedAsync(IServiceProvider services, string key, string fileName)
    {
        var bytes = ApplyActions.Pdf.Concat(Guid.NewGuid().ToByteArray()).ToArray();
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        var storageKey = await services.GetRequiredService<IFileStore>().SaveAsync(sha, bytes, CancellationToken.None);
        return CaseMaterial.Uploaded(key, FileReference.Create(storageKey, sha, bytes.Length, "application/pdf", fileName).Value);
    }

    private static Task<Guid> AccountIdAsync(IServiceProvider services, string login) =>
        services.GetRequiredService<TongbanDbContext>().Set<Account>().AsNoTracking().Where(a => a.LoginName == login).Select(a => a.Id).SingleAsync();
}
