using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tongban.Domain.Primitives;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Platform.Demo;

namespace Tongban.IntegrationTests.Licences;

/// <summary>The issuer's pages for issued licences: list and search, then 暂停 / 恢复 / 撤销 / 变更换发 by form.</summary>
public abstract class IssuedPagesTests(TongbanApp app)
{
    private const string Approver = "SN-APPROVER";

    private static string PageOf(LicenceIdentifier id) => $"/licences/issued/{id.Value}";

    private static string ActionOf(LicenceIdentifier id, string handler) => $"{PageOf(id)}?handler={handler}";

    private static List<KeyValuePair<string, string>> ReasonForm(string reason, int version) =>
        [new("Reason", reason), new("Version", version.ToString(CultureInfo.InvariantCulture))];

    [Fact]
    public async Task Approver_FindsTheLicence_SuspendsReinstatesAndRevokesIt_WithReasons_AndVerificationFollows()
    {
        var id = await app.IssueToCitizenAsync(await app.DefineTestTypeAsync("摊位经营许可证"), 0);
        var citizen = DemoCity.Citizens[0];
        using var browser = await app.SignedInBrowserAsync(Approver);

        var byIdentifier = Pages.Text(await browser.GetPageAsync($"/licences/issued?q={Uri.EscapeDataString(id.Value)}"));
        Assert.Contains(id.Value, byIdentifier, StringComparison.Ordinal);
        Assert.Contains("摊位经营许可证", byIdentifier, StringComparison.Ordinal);
        var byHolder = Pages.Text(await browser.GetPageAsync($"/licences/issued?q={DemoCity.IdNumberFor(citizen).Value}&state=valid"));
        Assert.Contains(id.Value, byHolder, StringComparison.Ordinal);
        var suspendedOnly = Pages.Text(await browser.GetPageAsync($"/licences/issued?q={Uri.EscapeDataString(id.Value)}&state=suspended"));
        Assert.DoesNotContain(id.Value, suspendedOnly, StringComparison.Ordinal);

        var detail = Pages.Text(await browser.GetPageAsync(PageOf(id)));
        Assert.Contains(citizen.Name, detail, StringComparison.Ordinal);
        Assert.Contains(DemoCity.IdNumberFor(citizen).Value, detail, StringComparison.Ordinal);
        Assert.Contains("遂宁市船山区张伟小吃店", detail, StringComparison.Ordinal);

        var suspended = await browser.PostFormAsync(PageOf(id), ReasonForm("经营场所与登记不符，责令整改", await VersionAsync(id)), ActionOf(id, "suspend"));
        Assert.Equal(HttpStatusCode.Redirect, suspended.StatusCode);
        var afterSuspend = Pages.Text(await browser.GetPageAsync(suspended.Headers.Location!.OriginalString));
        Assert.Contains("已暂停该证照", afterSuspend, StringComparison.Ordinal);
        Assert.Contains("经营场所与登记不符，责令整改", afterSuspend, StringComparison.Ordinal);
        Assert.Contains("周伟", afterSuspend, StringComparison.Ordinal);
        var verified = await app.VerifyAsync(new { identifier = id.Value });
        Assert.Equal("revoked", verified.GetProperty("status").GetString());
        Assert.True(verified.GetProperty("suspended").GetBoolean());
        var listed = Pages.Text(await browser.GetPageAsync($"/licences/issued?q={Uri.EscapeDataString(id.Value)}&state=suspended"));
        Assert.Contains(id.Value, listed, StringComparison.Ordinal);

        var reinstated = await browser.PostFormAsync(PageOf(id), ReasonForm("整改完成，复核通过", await VersionAsync(id)), ActionOf(id, "reinstate"));
        Assert.Equal(HttpStatusCode.Redirect, reinstated.StatusCode);
        Assert.Equal("valid", (await app.VerifyAsync(new { identifier = id.Value })).GetProperty("status").GetString());

        var revoked = await browser.PostFormAsync(PageOf(id), ReasonForm("以欺骗手段取得许可，依法撤销", await VersionAsync(id)), ActionOf(id, "revoke"));
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        var end = await browser.GetPageAsync(PageOf(id));
        var endText = Pages.Text(end);
        Assert.Contains("已撤销", endText, StringComparison.Ordinal);
        Assert.Contains("整改完成，复核通过", endText, StringComparison.Ordinal);
        Assert.DoesNotContain("?handler=", end, StringComparison.Ordinal);
        var answer = await app.VerifyAsync(new { identifier = id.Value });
        Assert.Equal("revoked", answer.GetProperty("status").GetString());
        Assert.Equal("以欺骗手段取得许可，依法撤销", answer.GetProperty("statusReason").GetString());
    }

    [Fact]
    public async Task Suspend_WithoutAReason_ShowsTheErrorSummary_AndTheLicenceStaysValid()
    {
        var id = await app.IssueToCitizenAsync(await app.DefineTestTypeAsync(), 1);
        using var browser = await app.SignedInBrowserAsync(Approver);

        var response = await browser.PostFormAsync(PageOf(id), ReasonForm("  ", await VersionAsync(id)), ActionOf(id, "suspend"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Pages.Text(await response.Content.ReadAsStringAsync());
        Assert.Contains("提交的内容有问题", text, StringComparison.Ordinal);
        Assert.Contains("请填写原因", text, StringComparison.Ordinal);
        Assert.Equal("valid", (await app.VerifyAsync(new { identifier = id.Value })).GetProperty("status").GetString());
        Assert.Contains("颁发以来未变更状态", Pages.Text(await browser.GetPageAsync(PageOf(id))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFormReadBeforeSomeoneElsesChange_ChangesNothing_AndSaysTheLicenceWasJustChanged()
    {
        var id = await app.IssueToCitizenAsync(await app.DefineTestTypeAsync(), 2);
        using var browser = await app.SignedInBrowserAsync(Approver);
        var seen = await VersionAsync(id);
        using var colleague = await app.ApiClientAsync("SN-APPROVER-2");
        var suspended = await colleague.PostAsJsonAsync($"/api/v1/licences/{id.Value}/suspend", new { reason = "暂停核查", expectedVersion = seen });
        Assert.Equal(HttpStatusCode.OK, suspended.StatusCode);

        var response = await browser.PostFormAsync(PageOf(id), ReasonForm("撤销", seen), ActionOf(id, "revoke"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Pages.Text(await response.Content.ReadAsStringAsync());
        Assert.Contains("这张证照刚被他人修改", text, StringComparison.Ordinal);
        var answer = await app.VerifyAsync(new { identifier = id.Value });
        Assert.True(answer.GetProperty("suspended").GetBoolean());
        Assert.Equal("暂停核查", answer.GetProperty("statusReason").GetString());
    }

    [Fact]
    public async Task Reissue_FromThePage_MakesVersion002_AndTheOldPageSaysItWasSuperseded()
    {
        var id = await app.IssueToCitizenAsync(await app.DefineTestTypeAsync(), 3, "遂宁市船山区李娜茶馆");
        using var browser = await app.SignedInBrowserAsync(Approver);
        var form = await browser.GetPageAsync(PageOf(id));
        Assert.Contains("value=\"遂宁市船山区李娜茶馆\"", form, StringComparison.Ordinal);

        var response = await browser.PostFormAsync(PageOf(id),
            [new("Version", (await VersionAsync(id)).ToString(CultureInfo.InvariantCulture)), new("Data[name]", "遂宁市船山区李娜茶楼"), new("Data[scope]", "餐饮服务（小型餐馆）"), new("Data[approvedOn]", "")],
            ActionOf(id, "reissue"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var next = id.NextVersion().Value;
        Assert.Equal(PageOf(next), response.Headers.Location!.OriginalString);
        var nextText = Pages.Text(await browser.GetPageAsync(PageOf(next)));
        Assert.Contains("遂宁市船山区李娜茶楼", nextText, StringComparison.Ordinal);
        Assert.Contains(".002.", next.Value, StringComparison.Ordinal);
        var oldText = Pages.Text(await browser.GetPageAsync(PageOf(id)));
        Assert.Contains("已被新版本替代", oldText, StringComparison.Ordinal);
        Assert.Contains(next.Value, oldText, StringComparison.Ordinal);
        Assert.Equal("superseded", (await app.VerifyAsync(new { identifier = id.Value })).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Reissue_WithARequiredFieldCleared_ShowsTheErrorAtTheField_AndIssuesNothing()
    {
        var id = await app.IssueToCitizenAsync(await app.DefineTestTypeAsync(), 2);
        using var browser = await app.SignedInBrowserAsync(Approver);

        var response = await browser.PostFormAsync(PageOf(id),
            [new("Version", (await VersionAsync(id)).ToString(CultureInfo.InvariantCulture)), new("Data[name]", " "), new("Data[scope]", "餐饮服务")],
            ActionOf(id, "reissue"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("请填写证照字段“名称”", Pages.Text(html), StringComparison.Ordinal);
        Assert.Contains("href=\"#Data_name\"", html, StringComparison.Ordinal);
        Assert.Equal("valid", (await app.VerifyAsync(new { identifier = id.Value })).GetProperty("status").GetString());
    }

    [Fact]
    public async Task StaffOfAnotherCounty_GetNotFound_AndAClerkWithoutAnIssuerRoleIsRefused()
    {
        var id = await app.IssueToCitizenAsync(await app.DefineTestTypeAsync(), 0);
        using var county = await app.SignedInBrowserAsync("PX-APPROVER");
        using var clerk = await app.SignedInBrowserAsync("SN-CLERK");

        Assert.Equal(HttpStatusCode.NotFound, (await county.GetAsync(PageOf(id))).StatusCode);
        Assert.DoesNotContain(id.Value, Pages.Text(await county.GetPageAsync($"/licences/issued?q={Uri.EscapeDataString(id.Value)}")), StringComparison.Ordinal);
        var forged = await county.ForgePostAsync("/licences/issued", ReasonForm("越权撤销", 1), ActionOf(id, "revoke"));
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync(PageOf(id))).StatusCode);
        var refused = await clerk.GetAsync("/licences/issued");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/forbidden", refused.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal("valid", (await app.VerifyAsync(new { identifier = id.Value })).GetProperty("status").GetString());
    }

    private async Task<int> VersionAsync(LicenceIdentifier id)
    {
        using var api = await app.ApiClientAsync(Approver);
        return (await api.GetFromJsonAsync<JsonElement>($"/api/v1/licences/{id.Value}")).GetProperty("version").GetInt32();
    }
}

public sealed class IssuedPagesTestsOnSqlite(SqliteApp app) : IssuedPagesTests(app), IClassFixture<SqliteApp>;

public sealed class IssuedPagesTestsOnPostgres(PostgresApp app) : IssuedPagesTests(app), IClassFixture<PostgresApp>;
