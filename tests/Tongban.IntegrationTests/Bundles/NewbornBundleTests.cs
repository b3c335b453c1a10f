using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tongban.IntegrationTests.Cases;
using Tongban.IntegrationTests.Infrastructure;
using static Tongban.IntegrationTests.Bundles.BundleActions;
using static Tongban.IntegrationTests.Cases.BackOfficeActions;

namespace Tongban.IntegrationTests.Bundles;

/// <summary>
/// 新生儿出生一件事 end to end through the API: one application with each shared field once, one bundle
/// case; the birth certificate is filed at once, the household registration only once the certificate
/// is issued (its number and the e-licence flow into it), then 医保参保 and 社保卡申领.
/// </summary>
public abstract class NewbornBundleTests(TongbanApp app)
{
    /// <summary>Each member's department works its own case: 卫健委, 公安局 (户政), 医保局, 人社局.</summary>
    [Fact]
    public async Task OneApplication_FilesMembersAsResultsExist_WithDataFlowingFromTheBirthCertificate()
    {
        using var citizen = await app.ApiClientAsync(Citizen);
        var bundles = await citizen.GetFromJsonAsync<JsonElement>("/api/v1/bundles");
        var newborn = bundles.EnumerateArray().Single(b => b.GetProperty("code").GetString() == "newborn");
        Assert.Equal(["birth-certificate", "household", "medical-insurance", "social-security-card"],
            newborn.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("key").GetString()));

        var application = await citizen.GetFromJsonAsync<JsonElement>("/api/v1/bundles/newborn/application");
        var fields = application.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("field")).ToList();
        var keys = fields.Select(f => f.GetProperty("key").GetString()!).ToList();
        Assert.Equal(keys.Distinct().Count(), keys.Count);
        Assert.Contains("babyName", keys);
        Assert.DoesNotContain("birthCertificateNumber", keys);

        var (values, bundleCase) = await SubmitAsync(citizen, fields);
        var number = bundleCase.GetProperty("bundleCaseNumber").GetString()!;
        Assert.StartsWith("YJS", number);
        Assert.Equal("submitted", bundleCase.GetProperty("status").GetString());
        var birth = Member(bundleCase, "birth-certificate").GetProperty("caseNumber").GetString()!;
        Assert.Equal(JsonValueKind.Null, Member(bundleCase, "household").GetProperty("caseNumber").ValueKind);

        await app.HandleToResultAsync(birth);

        var view = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/bundle-cases/{number}");
        Assert.Equal("inProgress", view.GetProperty("status").GetString());
        var household = Member(view, "household").GetProperty("caseNumber").GetString();
        Assert.NotNull(household);
        var householdCase = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{household}");
        var birthCase = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{birth}");
        var licence = birthCase.GetProperty("licenceId").GetString();
        Assert.Equal(licence, householdCase.GetProperty("formValues").GetProperty("birthCertificateNumber").GetString());
        Assert.Equal(values["babyName"], householdCase.GetProperty("formValues").GetProperty("babyName").GetString());
        var certificate = householdCase.GetProperty("materials").EnumerateArray().Single(m => m.GetProperty("key").GetString() == "birthCertificate");
        Assert.Equal(("HeldLicence", licence), (certificate.GetProperty("route").GetString()!, certificate.GetProperty("reference").GetString()));
        Assert.Equal(JsonValueKind.Null, Member(view, "medical-insurance").GetProperty("caseNumber").ValueKind);

        await app.HandleToResultAsync(household!);
        view = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/bundle-cases/{number}");
        Assert.All(new[] { "medical-insurance", "social-security-card" }, key => Assert.NotEqual(JsonValueKind.Null, Member(view, key).GetProperty("caseNumber").ValueKind));
    }

    /// <summary>Submits 新生儿出生一件事 with each merged field filled once and every required material uploaded.</summary>
    private static async Task<(Dictionary<string, string> Values, JsonElement BundleCase)> SubmitAsync(HttpClient citizen, IReadOnlyList<JsonElement>? fields = null)
    {
        var application = await citizen.GetFromJsonAsync<JsonElement>("/api/v1/bundles/newborn/application");
        fields ??= [.. application.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("field"))];
        var values = fields.ToDictionary(f => f.GetProperty("key").GetString()!, SampleValue);
        var materials = new List<object>();
        foreach (var material in application.GetProperty("materials").EnumerateArray()
            .Where(m => m.GetProperty("requirement").GetProperty("necessity").GetString() == "required"))
        {
            materials.Add(new { key = material.GetProperty("key").GetString(), route = "upload", fileId = await citizen.UploadAsync(ApplyActions.Pdf, "材料.pdf") });
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/bundles/newborn/cases")
        {
            Content = JsonContent.Create(new { answers = new Dictionary<string, string> { ["parentsMarried"] = "yes" }, formValues = values, materials }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var submitted = await citizen.SendAsync(request);
        Assert.True(submitted.StatusCode == HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync());
        var bundleCase = await submitted.Content.ReadFromJsonAsync<JsonElement>();
        return (values, bundleCase);
    }

    [Fact]
    public async Task AMembersDenial_BlocksWhatWaitsForIt_AndTheBundleSaysNotCompleted()
    {
        using var citizen = await app.ApiClientAsync(Citizen);
        var (_, submitted) = await SubmitAsync(citizen);
        var number = submitted.GetProperty("bundleCaseNumber").GetString()!;
        var birth = Member(submitted, "birth-certificate").GetProperty("caseNumber").GetString()!;
        using (var clerk = await app.ApiClientAsync("SN-CLERK"))
        {
            await ExpectOkAsync(await clerk.AcceptAsync(birth));
        }

        using var approver = await app.ApiClientAsync("SN-WJW-APPROVER");
        await approver.ApproveAllStepsAsync(birth);
        await ExpectOkAsync(await approver.DecideAsync(birth, "deny", "出生信息与医院记录不符", "《出生医学证明管理办法》"));

        var view = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/bundle-cases/{number}");
        Assert.Equal("notCompleted", view.GetProperty("status").GetString());
        Assert.All(new[] { "household", "medical-insurance", "social-security-card" }, key =>
        {
            Assert.True(Member(view, key).GetProperty("blocked").GetBoolean());
            Assert.Equal(JsonValueKind.Null, Member(view, key).GetProperty("caseNumber").ValueKind);
        });
    }

    [Fact]
    public async Task ResultsTogether_AMemberIsNotDeliveredBeforeTheOthersFinish()
    {
        using var citizen = await app.ApiClientAsync(Citizen);
        var (_, submitted) = await SubmitAsync(citizen);
        var birth = Member(submitted, "birth-certificate").GetProperty("caseNumber").GetString()!;
        await app.HandleToResultAsync(birth);

        using var approver = await app.ApiClientAsync("SN-WJW-APPROVER");
        var held = await approver.DeliverAsync(birth, "pickup");
        await ExpectProblemAsync(held, HttpStatusCode.Conflict, "bundle-case.deliver-together");
        Assert.Equal("issued", (await approver.CaseAsync(birth)).GetProperty("status").GetString());
    }

    private static JsonElement Member(JsonElement bundleCase, string key) =>
        bundleCase.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("key").GetString() == key);
}

public sealed class NewbornBundleTestsOnSqlite(SqliteApp app) : NewbornBundleTests(app), IClassFixture<SqliteApp>;

public sealed class NewbornBundleTestsOnPostgres(PostgresApp app) : NewbornBundleTests(app), IClassFixture<PostgresApp>;
