using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Audit;
using Tongban.Domain.Cases;
using Tongban.IntegrationTests.Cases;
using Tongban.IntegrationTests.Infrastructure;
using static Tongban.IntegrationTests.Bundles.BundleActions;

namespace Tongban.IntegrationTests.Bundles;

/// <summary>
/// The applicant's 一件事 pages without JavaScript: the public list, one form asking each shared field and
/// material once, a double post filing once, the bundle case page with each member, 我的办件, and nobody
/// else reading it.
/// </summary>
public abstract partial class BundlePagesTests(TongbanApp app)
{
    private const string ApplyPath = "/bundles/newborn/apply";
    private const string Answered = ApplyPath + "?Answers[parentsMarried]=yes";

    [Fact]
    public async Task AnonymousVisitor_SeesEachBundle_WithItsLeadDepartment_Members_PromisedLimit_AndApply()
    {
        using var anonymous = app.Browser();
        var bundles = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/bundles");

        var html = await anonymous.GetPageAsync("/bundles");

        var text = Pages.Text(html);
        foreach (var bundle in bundles.EnumerateArray())
        {
            Assert.Contains(bundle.GetProperty("name").GetString()!, text, StringComparison.Ordinal);
            Assert.Contains(bundle.GetProperty("leadDepartment").GetString()!, text, StringComparison.Ordinal);
            Assert.Contains(bundle.GetProperty("promisedLimit").GetProperty("explanation").GetString()!, text, StringComparison.Ordinal);
            Assert.All(bundle.GetProperty("members").EnumerateArray(), m => Assert.Contains(m.GetProperty("name").GetString()!, text, StringComparison.Ordinal));
            Assert.Contains($"href=\"/bundles/{bundle.GetProperty("code").GetString()}/apply\">申请", html, StringComparison.Ordinal);
        }

        Assert.Contains("href=\"/bundles\"", await anonymous.GetPageAsync("/"), StringComparison.Ordinal);
        Assert.Contains("href=\"/bundles\"", await anonymous.GetPageAsync("/items"), StringComparison.Ordinal);
        Assert.Contains("出生医学证明办理", Pages.Text(await anonymous.GetPageAsync("/bundles/newborn")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/bundles/no-such-bundle")).StatusCode);
    }

    [Fact]
    public async Task ApplyPage_AsksEachMergedField_AndEachMergedMaterial_Once()
    {
        using var citizen = await app.CitizenBrowserAsync(1);
        var application = await ApplicationAsync(citizen);

        var html = await citizen.GetPageAsync(Answered);

        foreach (var field in application.GetProperty("fields").EnumerateArray())
        {
            Assert.Single(Regex.Matches(html, $"name=\"Values\\[{field.GetProperty("field").GetProperty("key").GetString()}\\]\""));
        }

        foreach (var material in application.GetProperty("materials").EnumerateArray())
        {
            Assert.Single(Regex.Matches(html, $"name=\"File_{Regex.Escape(material.GetProperty("key").GetString()!)}\""));
        }

        Assert.DoesNotContain("name=\"Values[birthCertificateNumber]\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_WithAMissingFieldOrMaterial_ShowsTheErrorBesideIt_AndFilesNothing()
    {
        using var citizen = await app.CitizenBrowserAsync(2);
        var application = await ApplicationAsync(citizen);
        var before = await BundleCasesAsync();

        var noName = await citizen.PostMultipartAsync(Answered, [.. Fields(application).Where(f => f.Key != "Values[babyName]")], Files(application));
        var noFiles = await citizen.PostMultipartAsync(Answered, Fields(application));

        Assert.Equal(HttpStatusCode.OK, noName.StatusCode);
        var nameHtml = await noName.Content.ReadAsStringAsync();
        Assert.Contains("提交的内容有问题", Pages.Text(nameHtml), StringComparison.Ordinal);
        Assert.Contains("href=\"#Values_babyName\"", nameHtml, StringComparison.Ordinal);
        Assert.Matches("class=\"field-error\"[^>]*>[^<]*新生儿姓名", nameHtml);
        Assert.Equal(HttpStatusCode.OK, noFiles.StatusCode);
        var filesHtml = await noFiles.Content.ReadAsStringAsync();
        Assert.Contains("href=\"#materials\"", filesHtml, StringComparison.Ordinal);
        Assert.Matches("href=\"#materials\">[^<]*出生医学证明首次签发登记表", filesHtml);
        Assert.Equal(before, await BundleCasesAsync());
    }

    [Fact]
    public async Task Apply_PostedTwiceWithTheSameForm_FilesOneBundleCase_AndShowsItsMembers()
    {
        using var citizen = await app.CitizenBrowserAsync(3);
        var application = await ApplicationAsync(citizen);
        var token = ApplyingActions.FormToken(await citizen.GetPageAsync(Answered));
        var before = await BundleCasesAsync();

        var first = await citizen.PostMultipartAsync(Answered, Fields(application), Files(application), formToken: token);
        var again = await citizen.PostMultipartAsync(Answered, Fields(application), Files(application), formToken: token);

        var number = NumberFrom(first);
        Assert.Equal(number, NumberFrom(again));
        Assert.Equal(before + 1, await BundleCasesAsync());
        using var api = await app.ApiClientAsync(Actors.CitizenLogin(3));
        var view = await api.GetFromJsonAsync<JsonElement>($"/api/v1/bundle-cases/{number}");
        var birth = view.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("key").GetString() == "birth-certificate");
        var birthCase = birth.GetProperty("caseNumber").GetString()!;

        var html = await citizen.GetPageAsync($"/me/bundles/{number}");
        var text = Pages.Text(html);
        Assert.Contains(number, text, StringComparison.Ordinal);
        Assert.Contains("当前状态 待受理", text, StringComparison.Ordinal);
        Assert.Contains($"承诺在 {view.GetProperty("promisedBy").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd} 前全部办结", text, StringComparison.Ordinal);
        Assert.Contains($"href=\"/me/cases/{birthCase}\"", html, StringComparison.Ordinal);
        Assert.Contains($"{birth.GetProperty("name").GetString()} {birthCase} 待受理", text, StringComparison.Ordinal);
        Assert.Contains($"等待{birth.GetProperty("name").GetString()}办结后自动申请", text, StringComparison.Ordinal);
        var audited = await app.WithDbAsync(db => db.Set<AuditRecord>().AsNoTracking().CountAsync(r => r.Action == "bundles.view" && r.EntityId == number));
        Assert.True(audited > 0);

        var list = await citizen.GetPageAsync("/me/cases");
        Assert.True(list.IndexOf(number, StringComparison.Ordinal) < list.IndexOf(birthCase, StringComparison.Ordinal), "the bundle case is listed above the single cases");
        Assert.Contains($"href=\"/me/bundles/{number}\"", list, StringComparison.Ordinal);
        Assert.Contains($"href=\"/me/bundles/{number}\"", await citizen.GetPageAsync($"/me/cases/{birthCase}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherCitizen_GetsNotFound_ForTheBundleCasePage()
    {
        using var owner = await app.CitizenBrowserAsync(0);
        var application = await ApplicationAsync(owner);
        var number = NumberFrom(await owner.PostMultipartAsync(Answered, Fields(application), Files(application)));
        using var other = await app.CitizenBrowserAsync(1);

        var response = await other.GetAsync($"/me/bundles/{number}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(number, Pages.Text(await other.GetPageAsync("/me/cases")), StringComparison.Ordinal);
    }

    private static Task<JsonElement> ApplicationAsync(HttpClient browser) =>
        browser.GetFromJsonAsync<JsonElement>("/api/v1/bundles/newborn/application?parentsMarried=yes");

    /// <summary>The answer and each merged field once (prefilled ones are replaced by the directory's values anyway).</summary>
    private static List<KeyValuePair<string, string>> Fields(JsonElement application) =>
        [
            new("Answers[parentsMarried]", "yes"),
            .. application.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("field"))
                .Select(f => new KeyValuePair<string, string>($"Values[{f.GetProperty("key").GetString()}]", SampleValue(f))),
        ];

    /// <summary>A PDF for each required merged material.</summary>
    private static List<PostedFile> Files(JsonElement application) =>
        [.. application.GetProperty("materials").EnumerateArray()
            .Where(m => m.GetProperty("requirement").GetProperty("necessity").GetString() == "required")
            .Select(m => new PostedFile($"File_{m.GetProperty("key").GetString()}", ApplyActions.Pdf, "材料.pdf"))];

    private static string NumberFrom(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"answered {(int)response.StatusCode}");
        var match = BundlePagePattern().Match(response.Headers.Location!.ToString());
        Assert.True(match.Success, $"redirected to {response.Headers.Location}");
        return match.Groups[1].Value;
    }

    private Task<int> BundleCasesAsync() => app.WithDbAsync(db => db.Set<BundleCase>().CountAsync());

    [GeneratedRegex("^/me/bundles/([^/?]+)$")]
    private static partial Regex BundlePagePattern();
}

public sealed class BundlePagesTestsOnSqlite(SqliteApp app) : BundlePagesTests(app), IClassFixture<SqliteApp>;

public sealed class BundlePagesTestsOnPostgres(PostgresApp app) : BundlePagesTests(app), IClassFixture<PostgresApp>;
