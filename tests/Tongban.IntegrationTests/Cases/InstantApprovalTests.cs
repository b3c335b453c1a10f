using System.Net.Http.Json;
using System.Text.Json;
using Tongban.Domain.Catalog;
using Tongban.IntegrationTests.Infrastructure;
using static Tongban.IntegrationTests.Cases.BackOfficeActions;

namespace Tongban.IntegrationTests.Cases;

public abstract class InstantApprovalTests(TongbanApp app)
{
    private static string FlaggedCitizen => CityPolicyApp.FlaggedCitizen;

    private static readonly string[] AllChecks =
        [InstantApprovalChecks.IdentityVerified, InstantApprovalChecks.GoodStanding, InstantApprovalChecks.MaterialsComplete, InstantApprovalChecks.LicencesValid];

    [Fact]
    public async Task InstantApproval_WhenEveryRuleHolds_ApprovesAtReceiptWithoutAHuman_AndRecordsTheRules()
    {
        var item = await app.PublishHandledItemAsync(instantApprovalRules: AllChecks);

        var number = await app.ApplyAsync(item);

        using var citizen = await app.ApiClientAsync(Citizen);
        var view = await citizen.CaseAsync(number);
        Assert.Equal("approved", view.GetProperty("status").GetString());
        Assert.Equal(["申请人已实名认证", "无严重失信记录、无虚假承诺", "必要材料齐全", "所需证照有效"],
            view.GetProperty("instantApprovalRules").EnumerateArray().Select(r => r.GetString()));
        var history = view.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal("System", Assert.Single(history, e => e.GetProperty("action").GetString() == "Accepted").GetProperty("actorRole").GetString());
        Assert.Equal("System", Assert.Single(history, e => e.GetProperty("action").GetString() == "InstantlyApproved").GetProperty("actorRole").GetString());
        Assert.All(view.GetProperty("steps").EnumerateArray(), s => Assert.Equal("Approved", s.GetProperty("status").GetString()));
        using var clerk = await app.ApiClientAsync(IntakeActions.Clerk);
        var queue = await clerk.GetFromJsonAsync<JsonElement>("/api/v1/intake/queue");
        Assert.DoesNotContain(number, queue.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstantApproval_ThroughTheApplyPage_TheConfirmationSaysItIsApproved()
    {
        var content = ApplyActions.ApplicableContent("秒批页面" + Guid.NewGuid().ToString("N")[..6]) with
        {
            Materials = [new MaterialRequirement { Key = "application", Name = "申请书" }],
            InstantApprovalRules = [InstantApprovalChecks.IdentityVerified, InstantApprovalChecks.GoodStanding, InstantApprovalChecks.MaterialsComplete],
        };
        var item = (await app.PublishImplementationAsync(content, global::Tongban.Platform.Demo.DemoCity.MarketRegulation)).Code;
        using var browser = await app.CitizenBrowserAsync();

        var number = await browser.ApplyOnlineAsync(item);

        var page = Pages.Text(await browser.GetPageAsync($"/me/cases/{number}/submitted"));
        Assert.Contains("已自动受理并准予许可", page, StringComparison.Ordinal);
        Assert.Contains("必要材料齐全", page, StringComparison.Ordinal);
        Assert.DoesNotContain("决定是否受理", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstantApproval_OfAWalkInCorrectedAtTheWindow_HappensAtAcceptance()
    {
        var item = await app.PublishHandledItemAsync(instantApprovalRules: AllChecks);
        var number = await app.FileAtWindowAsync(item, Citizen, "application");
        Assert.Equal("submitted", await app.StatusAsync(number));
        await app.RequestCorrectionAsync(number, "application", "未带申请书");
        await app.SupplyCorrectionAsync(number, Citizen);

        await app.AcceptAtWindowAsync(number);

        var view = await app.ShowAsync(number);
        Assert.Equal("approved", view.GetProperty("status").GetString());
        Assert.Equal(AllChecks.Length, view.GetProperty("instantApprovalRules").GetArrayLength());
    }

    [Fact]
    public async Task InstantApproval_WhenTheApplicantIsFlagged_StaysForAPerson_AndRecordsNothingExtra()
    {
        var item = await app.PublishHandledItemAsync(instantApprovalRules: AllChecks);
        var number = await app.ApplyAsync(item, FlaggedCitizen);

        await app.AcceptAtWindowAsync(number);

        using var approver = await app.ApiClientAsync(Approver);
        var view = await approver.CaseAsync(number);
        Assert.Equal("accepted", view.GetProperty("status").GetString());
        Assert.Empty(view.GetProperty("instantApprovalRules").EnumerateArray());
        Assert.DoesNotContain(view.GetProperty("history").EnumerateArray(), e => e.GetProperty("action").GetString() == "InstantlyApproved");
        Assert.Equal("Active", view.StepStatus("review"));
    }

    [Fact]
    public async Task InstantApproval_WhenALicenceMaterialIsUploadedInsteadOfHeld_StaysForAPerson()
    {
        var item = await app.PublishHandledItemAsync(instantApprovalRules: [InstantApprovalChecks.LicencesValid], materials:
        [
            new MaterialRequirement { Key = "application", Name = "申请书" },
            new MaterialRequirement { Key = "licence", Name = "营业执照", Exemptions = [new Exemption(ExemptionRoute.HeldLicence, "11100000000013127D001")] },
        ]);
        using var client = await app.ApiClientAsync(Citizen);
        var file = await client.UploadAsync(ApplyActions.Pdf, "申请书.pdf");
        var number = await app.ApplyAsync(item, materials:
        [
            new { key = "application", route = "upload", fileId = file },
            new { key = "licence", route = "upload", fileId = file },
        ]);

        await app.AcceptAtWindowAsync(number);

        Assert.Equal("accepted", (await client.CaseAsync(number)).GetProperty("status").GetString());
    }
}

public sealed class InstantApprovalTestsOnSqlite(CityPolicySqliteApp app) : InstantApprovalTests(app), IClassFixture<CityPolicySqliteApp>;

public sealed class InstantApprovalTestsOnPostgres(CityPolicyPostgresApp app) : InstantApprovalTests(app), IClassFixture<CityPolicyPostgresApp>;
