using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Domain.Catalog;
using Tongban.Domain.Licences;
using Tongban.Domain.Primitives;
using Tongban.IntegrationTests.Cases;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.IntegrationTests.Platform;
using Tongban.Modules.Licences;
using Tongban.Platform.Demo;
using Tongban.Platform.Persistence;
using static Tongban.IntegrationTests.Cases.BackOfficeActions;

namespace Tongban.IntegrationTests.Licences;

/// <summary>
/// 免提交 and issuance in whole journeys: a held, valid licence replaces a material (the applicant is
/// not asked for it, the clerk sees it verified), approval issues the item's own licence, and a
/// licence that is revoked or expired never satisfies anything.
/// </summary>
public abstract class LicenceJourneyTests(TongbanApp app)
{
    [Fact]
    public async Task HeldLicence_ReplacesTheMaterial_TheClerkSeesItVerified_AndApprovalIssuesTheItemsLicence()
    {
        var held = await app.DefineTestTypeAsync("营业执照（测试）");
        var issued = await app.DefineTestTypeAsync("食品经营许可证（测试）");
        var licence = await app.IssueToCitizenAsync(held, 0);
        var item = await app.PublishHandledItemAsync(materials: Exempted(held), licenceTypeCode: issued.Value, form: LicenceForm);
        using var citizen = await app.ApiClientAsync(Citizen);

        // The applicant uploads the application only: the licence material is not asked for.
        var number = await SubmitAsync(citizen, item, new { key = "application", route = "upload", fileId = await citizen.UploadAsync(ApplyActions.Pdf, "申请书.pdf") });

        var material = Material(await citizen.CaseAsync(number), "licence");
        Assert.Equal("HeldLicence", material.GetProperty("route").GetString());
        Assert.Equal(licence.Value, material.GetProperty("reference").GetString());
        using var clerk = await app.SignedInBrowserAsync(IntakeActions.Clerk);
        var intake = Pages.Text(await clerk.GetPageAsync($"/workbench/intake/{number}"));
        Assert.Contains(licence.Value, intake, StringComparison.Ordinal);
        Assert.Contains("有效，签名已核验", intake, StringComparison.Ordinal);

        await app.AcceptAtWindowAsync(number);
        using var approver = await app.ApiClientAsync(Approver);
        await approver.ApproveAllStepsAsync(number);
        var decided = await ExpectOkAsync(await approver.DecideAsync(number, "approve"));

        // Approval issued the item's licence to the applicant at once (制证), and the decision names it.
        Assert.Equal("issued", decided.GetProperty("status").GetString());
        var result = LicenceIdentifier.Parse(decided.GetProperty("licenceId").GetString()).Value;
        Assert.Equal(issued, result.Type);
        var found = await FindAsync(result);
        Assert.True(found is { IsValid: true }, $"the issued licence is {found?.State}");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<TongbanDbContext>().Set<Licence>().AsNoTracking().SingleAsync(l => l.Identifier == result);
            Assert.Equal(DemoCity.IdNumberFor(DemoCity.Citizens[0]).Value, stored.Holder.Code);
            Assert.Equal("遂宁市船山区张伟小吃店", stored.Data["name"]);
            Assert.Equal(number, stored.CaseNumber);
        }

        var decision = await citizen.GetAsync($"/cases/{number}/documents/decision.pdf");
        var payload = SignedPayload.Parse(Assert.Single(await PdfTools.QrCodesAsync(await decision.Content.ReadAsByteArrayAsync()))).Value;
        Assert.Equal(result.Value, payload.Claims.Fields["证照"]);

        // The applicant's case page links the licence into their wallet, and the decision document too.
        using var browser = await app.SignedInBrowserAsync(Citizen, @as: "citizen");
        var casePage = await browser.GetPageAsync($"/me/cases/{number}");
        Assert.Contains($"/me/licences/{result.Value}", casePage, StringComparison.Ordinal);
        Assert.Contains($"/cases/{number}/documents/decision.pdf", casePage, StringComparison.Ordinal);
        var wallet = Pages.Text(await browser.GetPageAsync($"/me/licences/{result.Value}"));
        Assert.Contains("遂宁市船山区张伟小吃店", wallet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokedLicence_NeverSatisfies_TheApplicantIsTold_AndNothingIsFiled()
    {
        var held = await app.DefineTestTypeAsync("营业执照（撤销测试）");
        var licence = await app.IssueToCitizenAsync(held, 1);
        await ChangeAsync(licence, l => l.Revoke("以欺骗手段取得", app.Clock.GetUtcNow()));
        var item = await app.PublishHandledItemAsync(materials: Exempted(held), form: LicenceForm);
        using var citizen = await app.ApiClientAsync(Actors.CitizenLogin(1));

        var response = await citizen.SubmitAsync(Application(item, new { key = "licence", route = "licence", reference = licence.Value }, await UploadedApplicationAsync(citizen)));

        await ExpectProblemAsync(response, HttpStatusCode.UnprocessableEntity, "cases.licence-not-held");
        var withoutIt = await citizen.SubmitAsync(Application(item, await UploadedApplicationAsync(citizen)));
        Assert.NotEqual(HttpStatusCode.Created, withoutIt.StatusCode);
    }

    [Fact]
    public async Task ExpiredLicence_NeverSatisfies()
    {
        var held = await app.DefineTestTypeAsync("营业执照（过期测试）");
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().AddHours(8).DateTime);
        var citizen = DemoCity.Citizens[2];
        LicenceIdentifier licence;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var issued = await scope.ServiceProvider.GetRequiredService<ILicences>().IssueForCaseAsync(new LicenceToIssue(held, DemoCity.MarketRegulation,
                LicenceHolder.Person(DemoCity.IdNumberFor(citizen), citizen.Name), new Dictionary<string, string?> { ["name"] = "射洪市过期小店", ["scope"] = "零售" },
                LicenceOrigin.Imported, IssuedOn: today.AddYears(-5), ValidFrom: today.AddYears(-5), ValidUntil: today.AddDays(-1)), CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<TongbanDbContext>().SaveChangesAsync();
            licence = issued.Value;
        }

        Assert.Equal(LicenceState.Expired, (await FindAsync(licence))!.State);
        var item = await app.PublishHandledItemAsync(materials: Exempted(held), form: LicenceForm);
        using var client = await app.ApiClientAsync(Actors.CitizenLogin(2));

        var response = await client.SubmitAsync(Application(item, new { key = "licence", route = "licence", reference = licence.Value }, await UploadedApplicationAsync(client)));

        await ExpectProblemAsync(response, HttpStatusCode.UnprocessableEntity, "cases.licence-not-held");
    }

    [Fact]
    public async Task InstantApproval_ChecksTheHeldLicence_ARevokedOneLeavesTheCaseToAPerson()
    {
        var held = await app.DefineTestTypeAsync("营业执照（秒批测试）");
        var licence = await app.IssueToCitizenAsync(held, 3);
        var item = await app.PublishHandledItemAsync(instantApprovalRules: [InstantApprovalChecks.LicencesValid], materials: Exempted(held));

        // Complete at the window: the held licence fills its material, and 秒批 approves at receipt.
        var valid = await FileAtWindowAsync(item, Actors.CitizenLogin(3), withApplication: true);
        var approved = await app.ShowAsync(valid);
        Assert.Equal("approved", approved.GetProperty("status").GetString());
        Assert.Equal("HeldLicence", Material(approved, "licence").GetProperty("route").GetString());

        // Filed without the application form; the licence is revoked before the case is accepted.
        var late = await FileAtWindowAsync(item, Actors.CitizenLogin(3), withApplication: false);
        await ChangeAsync(licence, l => l.Revoke("许可证被依法吊销", app.Clock.GetUtcNow()));
        await app.RequestCorrectionAsync(late, "application", "未带申请书");
        await app.SupplyCorrectionAsync(late, Actors.CitizenLogin(3));
        await app.AcceptAtWindowAsync(late);

        var stays = await app.ShowAsync(late);
        Assert.Equal("accepted", stays.GetProperty("status").GetString());
        Assert.DoesNotContain(stays.GetProperty("history").EnumerateArray(), e => e.GetProperty("action").GetString() == "InstantlyApproved");
    }

    private static readonly FormField[] LicenceForm =
    [
        new() { Key = "name", Label = "名称", Required = true },
        new() { Key = "scope", Label = "经营范围", Required = true },
    ];

    /// <summary>An application and a licence material a held licence of <paramref name="type"/> may replace.</summary>
    private static MaterialRequirement[] Exempted(LicenceTypeCode type) =>
    [
        new() { Key = "application", Name = "申请书" },
        new() { Key = "licence", Name = "营业执照", Exemptions = [new Exemption(ExemptionRoute.HeldLicence, type.Value)] },
    ];

    private static object Application(ImplementationCode item, params object[] materials) => new
    {
        implementationCode = item.Value,
        answers = new Dictionary<string, string>(),
        formValues = new Dictionary<string, string> { ["name"] = "遂宁市船山区张伟小吃店", ["scope"] = "餐饮服务（小型餐馆）" },
        materials,
    };

    private static async Task<object> UploadedApplicationAsync(HttpClient client) =>
        new { key = "application", route = "upload", fileId = await client.UploadAsync(ApplyActions.Pdf, "申请书.pdf") };

    private static async Task<string> SubmitAsync(HttpClient client, ImplementationCode item, params object[] materials)
    {
        var response = await client.SubmitAsync(Application(item, materials));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseNumber").GetString()!;
    }

    /// <summary>The window files a walk-in application, with the application form or noting it missing; a held licence fills the licence material.</summary>
    private async Task<string> FileAtWindowAsync(ImplementationCode item, string applicant, bool withApplication)
    {
        using var clerk = await app.ApiClientAsync(IntakeActions.Clerk);
        var application = withApplication ? await UploadedApplicationAsync(clerk) : new { key = "application", route = "missing" };
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/window/cases")
        {
            Content = JsonContent.Create(new { implementationCode = item.Value, applicantIdentifier = applicant, materials = new[] { application } }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await clerk.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseNumber").GetString()!;
    }

    private static JsonElement Material(JsonElement view, string key) =>
        view.GetProperty("materials").EnumerateArray().Single(m => m.GetProperty("key").GetString() == key);

    private async Task<HeldLicence?> FindAsync(LicenceIdentifier identifier)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ILicences>().FindAsync(identifier, CancellationToken.None);
    }

    /// <summary>The issuer changes a licence's status (as its own pages do), saved.</summary>
    private async Task ChangeAsync(LicenceIdentifier identifier, Func<Licence, Result> change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TongbanDbContext>();
        var licence = await db.Set<Licence>().SingleAsync(l => l.Identifier == identifier);
        Assert.True(change(licence).IsSuccess);
        await db.SaveChangesAsync();
    }
}

public sealed class LicenceJourneyTestsOnSqlite(SqliteApp app) : LicenceJourneyTests(app), IClassFixture<SqliteApp>;

public sealed class LicenceJourneyTestsOnPostgres(PostgresApp app) : LicenceJourneyTests(app), IClassFixture<PostgresApp>;
