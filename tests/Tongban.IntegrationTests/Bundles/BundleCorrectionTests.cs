using System.Net;
using System.Text.Json;
using Tongban.IntegrationTests.Cases;
using Tongban.IntegrationTests.Infrastructure;
using static Tongban.IntegrationTests.Bundles.BundleActions;
using static Tongban.IntegrationTests.Cases.BackOfficeActions;

namespace Tongban.IntegrationTests.Bundles;

/// <summary>
/// 补正 once through the 一件事: a member's window asks for a material, the applicant answers through the
/// bundle, the answer reaches every member case that asked for it and those cases go on; a bad answer
/// changes nothing; the merged 一次性补正告知书 lists the items while they are pending.
/// </summary>
public abstract class BundleCorrectionTests(TongbanApp app)
{
    [Fact]
    public async Task NewbornHouseholdCorrection_AnsweredOnceThroughTheBundle_TheMemberGoesOn()
    {
        using var citizen = await app.ApiClientAsync(Citizen);
        var (_, submitted) = await citizen.SubmitBundleAsync("newborn", new Dictionary<string, string> { ["parentsMarried"] = "yes" });
        var number = submitted.GetProperty("bundleCaseNumber").GetString()!;
        await app.HandleToResultAsync(CaseOf(submitted, "birth-certificate")!);
        var household = CaseOf(await citizen.BundleCaseAsync(number), "household")!;

        await app.RequestCorrectionAsync(household, ("householdRegister", "户口簿首页不清晰，请重新扫描"));

        var view = await citizen.BundleCaseAsync(number);
        Assert.Equal("awaitingCorrection", view.GetProperty("status").GetString());
        var item = Assert.Single(view.GetProperty("corrections").EnumerateArray());
        var material = item.GetProperty("material").GetString()!;
        Assert.Equal("父亲或母亲的居民户口簿", material);
        Assert.Equal([household], item.GetProperty("caseNumbers").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains("一次性补正告知书", DocumentNames(view));
        var notice = await citizen.BundleDocumentTextAsync(number, "correction");
        Assert.Contains(material, notice, StringComparison.Ordinal);
        Assert.Contains("户口簿首页不清晰", notice, StringComparison.Ordinal);

        var unanswered = await citizen.SupplyBundleCorrectionAsync(number, []);
        await ExpectProblemAsync(unanswered, HttpStatusCode.UnprocessableEntity, "bundle-case.correction-unanswered");
        var notOwnFile = await citizen.SupplyBundleCorrectionAsync(number, [new { material, route = "upload", fileId = Guid.NewGuid() }]);
        await ExpectProblemAsync(notOwnFile, HttpStatusCode.UnprocessableEntity, "cases.file-not-found");
        Assert.Equal("awaitingCorrection", (await citizen.CaseAsync(household)).GetProperty("status").GetString());

        var key = Guid.NewGuid().ToString();
        var answers = new[] { new { material, route = "upload", fileId = await citizen.UploadAsync(ApplyActions.Pdf, "补正-户口簿.pdf") } };
        var answered = await ExpectOkAsync(await citizen.SupplyBundleCorrectionAsync(number, answers, key));
        Assert.Equal("inProgress", answered.GetProperty("status").GetString());
        Assert.Empty(answered.GetProperty("corrections").EnumerateArray());
        Assert.DoesNotContain("一次性补正告知书", DocumentNames(answered));
        var corrected = await citizen.CaseAsync(household);
        Assert.Equal("submitted", corrected.GetProperty("status").GetString());
        var supplied = corrected.GetProperty("materials").EnumerateArray().Single(m => m.GetProperty("key").GetString() == "householdRegister");
        Assert.Contains("补正-户口簿.pdf", supplied.ToString(), StringComparison.Ordinal);

        // The same key and body again change nothing more.
        var history = corrected.GetProperty("history").GetArrayLength();
        await ExpectOkAsync(await citizen.SupplyBundleCorrectionAsync(number, answers, key));
        Assert.Equal(history, (await citizen.CaseAsync(household)).GetProperty("history").GetArrayLength());

        await app.HandleToResultAsync(household);
        view = await citizen.BundleCaseAsync(number);
        Assert.Equal("inProgress", view.GetProperty("status").GetString());
        Assert.NotNull(CaseOf(view, "medical-insurance"));
    }

    [Fact]
    public async Task TwoMembersAskingForTheSameMaterial_AreAnsweredOnce()
    {
        using var citizen = await app.ApiClientAsync(Citizen);
        var (_, submitted) = await citizen.SubmitBundleAsync("after-death");
        var number = submitted.GetProperty("bundleCaseNumber").GetString()!;
        await app.HandleToResultAsync(CaseOf(submitted, "death-certificate")!);
        var view = await citizen.BundleCaseAsync(number);
        var (household, funeral) = (CaseOf(view, "household-cancellation")!, CaseOf(view, "funeral")!);

        await app.RequestCorrectionAsync(household, ("applicantId", "身份证已过有效期"));
        await app.RequestCorrectionAsync(funeral, ("applicantId", "身份证照片页模糊"));

        view = await citizen.BundleCaseAsync(number);
        Assert.Equal("awaitingCorrection", view.GetProperty("status").GetString());
        var item = Assert.Single(view.GetProperty("corrections").EnumerateArray());
        Assert.Equal(new[] { household, funeral }.Order(StringComparer.Ordinal), item.GetProperty("caseNumbers").EnumerateArray().Select(c => c.GetString()!).Order(StringComparer.Ordinal));
        Assert.Contains("身份证已过有效期", item.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("身份证照片页模糊", item.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var material = item.GetProperty("material").GetString()!;

        var notAsked = await citizen.SupplyBundleCorrectionAsync(number, [
            new { material, route = "upload", fileId = (Guid?)await citizen.UploadAsync(ApplyActions.Pdf, "身份证.pdf") },
            new { material = "结婚证", route = "upload", fileId = (Guid?)await citizen.UploadAsync(ApplyActions.Pdf, "结婚证.pdf") },
        ]);
        await ExpectProblemAsync(notAsked, HttpStatusCode.UnprocessableEntity, "bundle-case.correction-not-requested");

        var answered = await ExpectOkAsync(await citizen.SupplyBundleCorrectionAsync(number,
            [new { material, route = "upload", fileId = await citizen.UploadAsync(ApplyActions.Pdf, "补正-身份证.pdf") }]));
        Assert.Equal("inProgress", answered.GetProperty("status").GetString());
        foreach (var member in new[] { household, funeral })
        {
            var corrected = await citizen.CaseAsync(member);
            Assert.Equal("submitted", corrected.GetProperty("status").GetString());
            Assert.Contains("补正-身份证.pdf", corrected.GetProperty("materials").EnumerateArray().Single(m => m.GetProperty("key").GetString() == "applicantId").ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task CorrectionPage_UploadsOncePerItem_AndReturnsToTheBundleCase()
    {
        using var citizen = await app.ApiClientAsync(Citizen);
        var (_, submitted) = await citizen.SubmitBundleAsync("after-death");
        var number = submitted.GetProperty("bundleCaseNumber").GetString()!;
        var death = CaseOf(submitted, "death-certificate")!;
        await app.RequestCorrectionAsync(death, ("deceasedId", "身份证复印件缺背面"), ("applicantId", "身份证已过有效期"));
        using var browser = await app.CitizenBrowserAsync();
        var page = $"/me/bundles/{number}/correction";
        var text = Pages.Text(await browser.GetPageAsync(page));
        Assert.Contains("逝者居民身份证", text, StringComparison.Ordinal);
        Assert.Contains("身份证复印件缺背面", text, StringComparison.Ordinal);

        var html = await browser.GetPageAsync(page);
        var materials = HiddenMaterials(html);
        Assert.Equal(2, materials.Count);
        var fields = materials.Select((m, i) => new KeyValuePair<string, string>($"Materials[{i}]", m)).ToList();

        var missingFile = await browser.PostMultipartAsync(page, fields, [new PostedFile("File_0", ApplyActions.Pdf, "病历.pdf")]);
        Assert.Equal(HttpStatusCode.OK, missingFile.StatusCode);
        var shown = Pages.Text(await missingFile.Content.ReadAsStringAsync());
        Assert.Contains("提交的内容有问题", shown, StringComparison.Ordinal);
        Assert.Contains(materials[1], shown, StringComparison.Ordinal);
        Assert.Equal("awaitingCorrection", (await citizen.CaseAsync(death)).GetProperty("status").GetString());

        var posted = await browser.PostMultipartAsync(page, fields,
            [new PostedFile("File_0", ApplyActions.Pdf, "病历.pdf"), new PostedFile("File_1", ApplyActions.Pdf, "身份证.pdf")]);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal($"/me/bundles/{number}", posted.Headers.Location?.OriginalString);
        Assert.Equal("submitted", (await citizen.CaseAsync(death)).GetProperty("status").GetString());
        Assert.Equal("submitted", (await citizen.BundleCaseAsync(number)).GetProperty("status").GetString());
    }

    private static List<string> HiddenMaterials(string html) =>
        [.. System.Text.RegularExpressions.Regex.Matches(html, "name=\"Materials\\[(\\d+)\\]\" value=\"([^\"]*)\"")
            .Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[2].Value))];
}

public sealed class BundleCorrectionTestsOnSqlite(SqliteApp app) : BundleCorrectionTests(app), IClassFixture<SqliteApp>;

public sealed class BundleCorrectionTestsOnPostgres(PostgresApp app) : BundleCorrectionTests(app), IClassFixture<PostgresApp>;
