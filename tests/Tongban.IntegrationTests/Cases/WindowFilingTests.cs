using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Cases;
using Tongban.Domain.Catalog;
using Tongban.Domain.Identity;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Platform.Demo;

namespace Tongban.IntegrationTests.Cases;

public abstract class WindowFilingTests(TongbanApp app)
{
    private static string Elderly => Actors.CitizenLogin(1); // 王秀英, born 1956

    [Fact]
    public async Task AssistedFiling_RecordsTheClerk_ThePerson_AndTheConsent_AndTheCaseIsTheApplicants()
    {
        var item = await app.PublishApplicableItemAsync("帮办代办" + Unique());
        using var clerk = await app.SignedInBrowserAsync("SN-CLERK");
        var start = $"/workbench/apply?Code={item.Value}&Applicant={Elderly}";
        var shown = Pages.Text(await clerk.GetPageAsync(start));
        Assert.Contains("申请人：王秀英", shown, StringComparison.Ordinal);

        var response = await clerk.PostMultipartAsync(start, [.. Fields(item), new("Assisted", "true"), new("OnBehalfOf", "王秀英"), new("Circumstance", "老年人"),
            new("ConsentText", "本人同意由窗口工作人员代为填报和提交。")], [ApplyingActions.ApplicationPdf, new("ConsentScan", ApplyActions.Pdf, "同意书.pdf")]);

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, ApplyingActions.ErrorSummary(await response.Content.ReadAsStringAsync()));
        var number = response.Headers.Location!.ToString().Split("filed=")[1];
        var stored = await app.StoredCaseAsync(number);
        var clerkId = await AccountIdAsync("SN-CLERK");
        Assert.Equal(CaseChannel.Window, stored.Channel);
        Assert.Equal(CaseStatus.Submitted, stored.Status);
        Assert.Equal(clerkId, stored.FiledBy);
        Assert.Equal(clerkId, stored.AssistedFiling!.ClerkAccountId);
        Assert.Equal("王秀英（老年人）", stored.AssistedFiling.OnBehalfOf);
        Assert.Equal("本人同意由窗口工作人员代为填报和提交。", stored.AssistedFiling.ConsentText);
        Assert.StartsWith("同意书.pdf sha256:", stored.AssistedFiling.ConsentReference, StringComparison.Ordinal);
        Assert.Equal("王秀英", stored.FormValues["name"]);
        Assert.Contains($"已收件，办件编号 {number}", Pages.Text(await clerk.GetPageAsync($"/workbench/apply?filed={number}")), StringComparison.Ordinal);
        using var elderly = await app.CitizenBrowserAsync(1);
        Assert.Contains(number, await elderly.GetPageAsync("/me/cases"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssistedFiling_WithoutConsent_IsAClearError_AndNothingIsFiled()
    {
        var item = await app.PublishApplicableItemAsync("无同意" + Unique());
        using var clerk = await app.SignedInBrowserAsync("SN-CLERK");
        var start = $"/workbench/apply?Code={item.Value}&Applicant={Elderly}";

        var response = await clerk.PostMultipartAsync(start, [.. Fields(item), new("Assisted", "true"), new("OnBehalfOf", "王秀英"), new("Circumstance", "老年人")], [ApplyingActions.ApplicationPdf]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(html.Contains("href=\"#ConsentText\"", StringComparison.Ordinal), ApplyingActions.ErrorSummary(html));
        Assert.Contains("同意", Pages.Text(html), StringComparison.Ordinal);
        Assert.Equal(0, await CasesOfAsync(item));
    }

    [Fact]
    public async Task WalkInNotInTheDirectory_IsAClearError()
    {
        var item = await app.PublishApplicableItemAsync("查无此人" + Unique());
        using var clerk = await app.SignedInBrowserAsync("SN-CLERK");

        var page = Pages.Text(await clerk.GetPageAsync($"/workbench/apply?Code={item.Value}&Applicant=110101199003077777"));

        Assert.Contains("未在自然人或法人名录中找到“110101199003077777”", page, StringComparison.Ordinal);
        Assert.DoesNotContain("提交收件", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Citizen_CannotUseTheWindowFilingPage()
    {
        using var citizen = await app.CitizenBrowserAsync();

        var response = await citizen.GetAsync("/workbench/apply");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/forbidden", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WindowPicker_OffersTheHallsWindows_AndTheCaseRecordsTheHallAndThePickedWindowsKind()
    {
        var item = await app.PublishApplicableItemAsync("选择窗口" + Unique());
        using var clerk = await app.SignedInBrowserAsync("SN-CLERK");
        var start = $"/workbench/apply?Code={item.Value}&Applicant={Elderly}";

        var windows = WindowOptions(await clerk.GetPageAsync(start));

        // 市政务服务中心's six windows; 李娜 (大数据局, no 专窗 of her own) starts at the first 综合窗口.
        Assert.Equal(["A01 综合受理窗口 1（综合窗口）", "A02 综合受理窗口 2（综合窗口）", "A03 帮办代办窗口（综合窗口）", "B01 公安专窗（专窗）", "C01 不动产登记专窗（专窗）", "D01 统一出件窗口（综合窗口）"],
            windows.Select(w => w.Label));
        Assert.Equal("A01 综合受理窗口 1（综合窗口）", Assert.Single(windows, w => w.Selected).Label);
        var dedicated = windows.Single(w => w.Label.StartsWith("B01", StringComparison.Ordinal)).Id;

        var response = await clerk.PostMultipartAsync(start, [.. Fields(item), new("WindowId", dedicated)], [ApplyingActions.ApplicationPdf]);

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, ApplyingActions.ErrorSummary(await response.Content.ReadAsStringAsync()));
        var stored = await app.StoredCaseAsync(response.Headers.Location!.ToString().Split("filed=")[1]);
        Assert.Equal(DemoCity.CityHall, stored.IntakeHallId);
        Assert.Equal(Tongban.Domain.Primitives.WindowKind.Dedicated, stored.IntakeWindowKind);
    }

    [Fact]
    public async Task WindowPicker_AnUnknownWindow_IsAClearError_AndNothingIsFiled()
    {
        var item = await app.PublishApplicableItemAsync("未知窗口" + Unique());
        using var clerk = await app.SignedInBrowserAsync("SN-CLERK");
        var start = $"/workbench/apply?Code={item.Value}&Applicant={Elderly}";
        using var countyClerk = await app.SignedInBrowserAsync("PX-CLERK");
        var otherHalls = WindowOptions(await countyClerk.GetPageAsync(start));

        var response = await clerk.PostMultipartAsync(start, [.. Fields(item), new("WindowId", otherHalls[0].Id)], [ApplyingActions.ApplicationPdf]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(html.Contains("href=\"#WindowId\"", StringComparison.Ordinal), ApplyingActions.ErrorSummary(html));
        Assert.Contains("所选窗口不是您所在政务服务中心的窗口", Pages.Text(html), StringComparison.Ordinal);
        Assert.Equal(0, await CasesOfAsync(item));
    }

    [Fact]
    public async Task WindowPicker_IsNotShown_WhereTheRegionHasNoHall()
    {
        var item = await app.PublishApplicableItemAsync("无大厅" + Unique());
        using var clerk = await app.SignedInBrowserAsync("CS-CLERK"); // 船山区 has no hall of its own in the demo city

        var html = await clerk.GetPageAsync($"/workbench/apply?Code={item.Value}&Applicant={Elderly}");

        Assert.Contains("提交收件", Pages.Text(html), StringComparison.Ordinal);
        Assert.Empty(WindowOptions(html));
    }

    /// <summary>The window picker's options as the clerk sees them.</summary>
    private static List<(string Id, string Label, bool Selected)> WindowOptions(string html)
    {
        var select = System.Text.RegularExpressions.Regex.Match(html, "<select id=\"WindowId\"[^>]*>(.*?)</select>", System.Text.RegularExpressions.RegexOptions.Singleline);
        return [.. System.Text.RegularExpressions.Regex.Matches(select.Groups[1].Value, "<option value=\"([0-9a-f-]{36})\"( selected=\"selected\")?>([^<]*)</option>")
            .Select(m => (m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[3].Value), m.Groups[2].Success))];
    }

    [Fact]
    public async Task WindowApi_FilesForTheWalkIn_Idempotently_AndCitizensAreForbidden()
    {
        var content = CatalogActions.ValidContent("窗口接口" + Unique()) with
        {
            Materials = [new MaterialRequirement { Key = "site", Name = "场地证明", Exemptions = [new Exemption(ExemptionRoute.Commitment)] }],
            CommitmentAllowed = true,
        };
        var item = (await app.PublishImplementationAsync(content, DemoCity.MarketRegulation)).Code;
        var body = new
        {
            implementationCode = item.Value,
            materials = new[] { new { key = "site", route = "commitment" } },
            applicantIdentifier = Elderly,
            onBehalfOf = "王秀英（老年人）",
            consentText = "本人同意代办",
        };
        using var clerk = await app.ApiClientAsync("SN-CLERK");
        using var citizen = await app.ApiClientAsync(Actors.CitizenLogin(0));

        var first = await PostAsync(clerk, body, "window-1");
        var again = await PostAsync(clerk, body, "window-1");
        var noConsent = await PostAsync(clerk, body with { consentText = "" }, "window-2");
        var forbidden = await PostAsync(citizen, body, "window-3");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var number = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseNumber").GetString()!;
        Assert.Equal(number, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseNumber").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noConsent.StatusCode);
        Assert.Equal(CaseErrors.AssistedFilingNeedsConsentCode, (await noConsent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(1, await CasesOfAsync(item));
        Assert.Equal(CaseChannel.Window, (await app.StoredCaseAsync(number)).Channel);
    }

    /// <summary>What the filing form posts: its hidden item and applicant, and the form values (the name tampered with).</summary>
    private static IEnumerable<KeyValuePair<string, string>> Fields(Tongban.Domain.Primitives.ImplementationCode item) =>
        [new("Code", item.Value), new("Applicant", Elderly), new("Values[name]", "别人"), new("Values[idNumber]", Actors.CitizenLogin(0)), new("Values[phone]", "13800000002"), new("Commitments", "site")];

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/window/cases") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private Task<Guid> AccountIdAsync(string login) =>
        app.WithDbAsync(db => db.Set<Account>().Where(a => a.LoginName == login).Select(a => a.Id).SingleAsync());

    private Task<int> CasesOfAsync(Tongban.Domain.Primitives.ImplementationCode item) =>
        app.WithDbAsync(db => db.Set<Case>().CountAsync(c => c.ImplementationCode == item));

    private static string Unique() => Guid.NewGuid().ToString("N")[..6];
}

public sealed class WindowFilingOnSqlite(SqliteApp app) : WindowFilingTests(app), IClassFixture<SqliteApp>;

public sealed class WindowFilingOnPostgres(PostgresApp app) : WindowFilingTests(app), IClassFixture<PostgresApp>;
