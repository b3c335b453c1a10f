using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tongban.Domain.Cases;
using Tongban.IntegrationTests.Infrastructure;

namespace Tongban.IntegrationTests.Cases;

public abstract class ApplicantActionsTests(TongbanApp app)
{
    private static string Citizen => Actors.CitizenLogin(0);

    [Fact]
    public async Task Withdraw_BeforeADecision_WithAReason_CaseIsWithdrawn_AndASecondWithdrawIs409()
    {
        var number = await SubmitAsync("撤回事项");
        using var client = await app.ApiClientAsync(Citizen);

        var noReason = await client.PostAsJsonAsync($"/api/v1/cases/{number}/withdraw", new { reason = " " });
        var withdrawn = await client.PostAsJsonAsync($"/api/v1/cases/{number}/withdraw", new { reason = "材料准备有误，重新申请" });
        var again = await client.PostAsJsonAsync($"/api/v1/cases/{number}/withdraw", new { reason = "再撤一次" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal("withdrawn", (await withdrawn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Withdraw_AfterADecision_IsRefused_AndTheDecisionStands()
    {
        var content = ApplyActions.ApplicableContent("已决定" + Unique());
        var number = await SubmitAsync(content.Name, content);
        await app.RequestAsync(IntakeActions.Clerk, number, "accept-under-commitment", new { commitment = "本人承诺所报材料真实有效" });
        await app.DecideAsync(number, CaseDecision.Approve());
        using var client = await app.ApiClientAsync(Citizen);

        var response = await client.PostAsJsonAsync($"/api/v1/cases/{number}/withdraw", new { reason = "不想办了" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(CaseErrors.WithdrawOnlyBeforeADecisionCode, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(CaseStatus.Approved, (await app.StoredCaseAsync(number)).Status);
    }

    [Fact]
    public async Task Correction_ThroughTheApi_SuppliesTheListedMaterial_AndTheCaseAwaitsIntakeAgain()
    {
        var number = await SubmitAsync("补正事项");
        await app.RequestCorrectionAsync(number, "application", "申请书未签名");
        using var client = await app.ApiClientAsync(Citizen);
        var fileId = await client.UploadAsync(ApplyActions.Pdf, "签名申请书.pdf");

        var unlisted = await client.PostAsJsonAsync($"/api/v1/cases/{number}/correction", new { materials = new[] { new { key = "site", route = "commitment" } } });
        var supplied = await client.PostAsJsonAsync($"/api/v1/cases/{number}/correction", new { materials = new[] { new { key = "application", route = "upload", fileId } } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, unlisted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, supplied.StatusCode);
        var view = await supplied.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("submitted", view.GetProperty("status").GetString());
        Assert.Contains(view.GetProperty("materials").EnumerateArray(), m => m.GetProperty("fileName").GetString() == "签名申请书.pdf");
    }

    [Fact]
    public async Task Correction_ThroughTheCasePage_UploadsTheListedMaterial()
    {
        var number = await SubmitAsync("页面补正");
        await app.RequestCorrectionAsync(number, "application", "申请书模糊");
        using var browser = await app.CitizenBrowserAsync();
        Assert.Contains("补正理由：申请书模糊", Pages.Text(await browser.GetPageAsync($"/me/cases/{number}")), StringComparison.Ordinal);
        var version = (await app.StoredCaseAsync(number)).Version;

        var response = await browser.PostMultipartAsync($"/me/cases/{number}", [new("Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            [new PostedFile("File_application", ApplyActions.Pdf, "清晰申请书.pdf")], postPath: $"/me/cases/{number}?handler=correction");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = Pages.Text(await browser.GetPageAsync($"/me/cases/{number}"));
        Assert.Contains("补正材料已提交", page, StringComparison.Ordinal);
        Assert.Contains("已上传 清晰申请书.pdf", page, StringComparison.Ordinal);
        Assert.Equal(CaseStatus.Submitted, (await app.StoredCaseAsync(number)).Status);
    }

    [Fact]
    public async Task Supplement_OwedDeficiencyMaterial_ThroughTheApi_CaseIsAcceptedAgain()
    {
        var number = await app.SeedAcceptedWithDeficiencyAsync("容缺事项" + Unique());
        using var client = await app.ApiClientAsync(Citizen);
        var fileId = await client.UploadAsync(ApplyActions.Png, "照片.png");

        var response = await client.PostAsJsonAsync($"/api/v1/cases/{number}/supplement", new { materials = new[] { new { key = "photo", route = "upload", fileId } } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("accepted", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Empty((await app.StoredCaseAsync(number)).OwedMaterials);
    }

    [Fact]
    public async Task Withdraw_FromAStalePage_ShowsWhoActedFirst_AndChangesNothing()
    {
        var number = await SubmitAsync("过期页面");
        using var browser = await app.CitizenBrowserAsync();
        var shownVersion = (await app.StoredCaseAsync(number)).Version;
        await app.RequestCorrectionAsync(number, "application", "缺少签名");

        var response = await browser.PostFormAsync($"/me/cases/{number}",
            [new("Version", shownVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Reason", "不办了")], $"/me/cases/{number}?handler=withdraw");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("该办件已被他人处理，当前状态为“待补正”", Pages.Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(CaseStatus.AwaitingCorrection, (await app.StoredCaseAsync(number)).Status);
    }

    [Fact]
    public async Task Withdraw_ThroughTheCasePage_WithAReason()
    {
        var number = await SubmitAsync("页面撤回");
        using var browser = await app.CitizenBrowserAsync();
        var version = (await app.StoredCaseAsync(number)).Version;

        var response = await browser.PostFormAsync($"/me/cases/{number}",
            [new("Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Reason", "已在窗口办理")], $"/me/cases/{number}?handler=withdraw");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = Pages.Text(await browser.GetPageAsync($"/me/cases/{number}"));
        Assert.Contains("申请已撤回", page, StringComparison.Ordinal);
        Assert.Contains("撤回申请：已在窗口办理", page, StringComparison.Ordinal);
    }

    private async Task<string> SubmitAsync(string name, Tongban.Domain.Catalog.ImplementationContent? content = null)
    {
        var item = content is null
            ? await app.PublishApplicableItemAsync(name + Unique())
            : (await app.PublishImplementationAsync(content, Tongban.Platform.Demo.DemoCity.MarketRegulation)).Code;
        using var browser = await app.CitizenBrowserAsync();
        return await browser.ApplyOnlineAsync(item);
    }

    private static string Unique() => Guid.NewGuid().ToString("N")[..6];
}

public sealed class ApplicantActionsOnSqlite(SqliteApp app) : ApplicantActionsTests(app), IClassFixture<SqliteApp>;

public sealed class ApplicantActionsOnPostgres(PostgresApp app) : ApplicantActionsTests(app), IClassFixture<PostgresApp>;
