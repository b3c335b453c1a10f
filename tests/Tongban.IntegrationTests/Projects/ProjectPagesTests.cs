using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Tongban.IntegrationTests.Cases;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Platform.Demo;

namespace Tongban.IntegrationTests.Projects;

/// <summary>
/// 工程建设项目 in the browser, without JavaScript: the agent opens a project and files its first stage once
/// on the project page (one set of drawings); staff of an involved department read it on the workbench,
/// staff of another department and another enterprise do not find it.
/// </summary>
public abstract partial class ProjectPagesTests(TongbanApp app)
{
    [Fact]
    public async Task TheAgent_OpensAProject_AndFilesAStageOnce_StaffOfTheDepartmentsSeeIt()
    {
        app.Clock.SetLocal(2026, 8, 3);
        using var agent = await SignInAgentAsync(0);
        var opened = await agent.PostFormAsync("/me/projects", [new("Code", "2026-510900-47-01-000456"), new("Name", "河东新区标准厂房项目")]);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var path = opened.Headers.Location!.OriginalString;
        Assert.StartsWith("/me/projects/GCXM", path);
        var number = path["/me/projects/".Length..];

        var page = Pages.Text(await agent.GetPageAsync(path));
        Assert.Contains("申报立项用地规划许可阶段", page);
        Assert.Contains("已用 0 个工作日，时限 90 个工作日，剩余 90 个工作日", page);

        var html = await agent.GetPageAsync(path);
        var action = System.Net.WebUtility.HtmlDecode(FileActionPattern().Match(html).Groups[1].Value);
        Assert.Contains("landUsePlanning", action);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Pages.AntiforgeryToken(html, action, path)), "__RequestVerificationToken" },
            { new StringContent(FormTokenPattern().Match(html).Groups[1].Value), "FormToken" },
            { new StringContent("self"), "Answers[agent]" },
            { new StringContent("grant"), "Answers[supply]" },
            { new StringContent("河东新区标准厂房项目"), "Values[projectName]" },
            { new StringContent("2026-510900-47-01-000456"), "Values[projectCode]" },
            { new StringContent("遂宁市船山区河东新区 88 号"), "Values[projectAddress]" },
            { new StringContent("8000"), "Values[landArea]" },
        };
        form.Add(Pdf(), "Drawings", "用地范围图.pdf");
        foreach (var key in new[] { "application", "siteReport", "businessLicence" })
        {
            form.Add(Pdf(), "material-" + key, key + ".pdf");
        }

        var filed = await agent.PostAsync(action, form);
        Assert.True(filed.StatusCode == HttpStatusCode.Redirect, Pages.Text(await filed.Content.ReadAsStringAsync()));
        page = Pages.Text(await agent.GetPageAsync(path));
        Assert.Contains("本阶段已一次申报", page);
        var cases = CaseNumberPattern().Matches(page).Select(m => m.Value).Distinct().ToList();
        Assert.Equal(2, cases.Count);
        Assert.DoesNotContain("申报立项用地规划许可阶段", page);

        using (var planning = await app.SignedInBrowserAsync("SN-ZRGH-APPROVER"))
        {
            var workbench = Pages.Text(await planning.GetPageAsync($"/workbench/projects/{number}"));
            Assert.All(cases, c => Assert.Contains(c, workbench));
            Assert.Contains("开始特别程序", workbench);
        }

        using (var market = await app.SignedInBrowserAsync("SN-APPROVER"))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await market.GetAsync($"/workbench/projects/{number}")).StatusCode);
        }

        using var other = await SignInAgentAsync(1);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(path)).StatusCode);
        Assert.DoesNotContain(number, Pages.Text(await other.GetPageAsync("/me/projects")));
    }

    private static ByteArrayContent Pdf()
    {
        var file = new ByteArrayContent(ApplyActions.Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return file;
    }

    private Task<HttpClient> SignInAgentAsync(int enterprise)
    {
        var parts = Actors.AgentLogin(enterprise).Split(':');
        return SignInAsync(parts[0], parts[1]);
    }

    private async Task<HttpClient> SignInAsync(string uscc, string username)
    {
        var browser = app.Browser();
        var response = await browser.PostFormAsync("/signin?as=enterprise", [new("As", "enterprise"), new("Uscc", uscc), new("Username", username), new("Password", DemoCity.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    [GeneratedRegex("name=\"FormToken\" value=\"([0-9a-f]+)\"")]
    private static partial Regex FormTokenPattern();

    [GeneratedRegex("action=\"([^\"]*handler=file[^\"]*)\"")]
    private static partial Regex FileActionPattern();

    [GeneratedRegex("11510900MB1A\\w{31}")]
    private static partial Regex CaseNumberPattern();
}

public sealed class ProjectPagesTestsOnSqlite(SqliteApp app) : ProjectPagesTests(app), IClassFixture<SqliteApp>;

public sealed class ProjectPagesTestsOnPostgres(PostgresApp app) : ProjectPagesTests(app), IClassFixture<PostgresApp>;
