using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Domain.Audit;
using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives;
using Tongban.IntegrationTests.Cases;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Modules.Catalog;
using Tongban.Platform.Demo;
using static Tongban.IntegrationTests.Bundles.BundleActions;
using static Tongban.IntegrationTests.Cases.BackOfficeActions;

namespace Tongban.IntegrationTests.Bundles;

/// <summary>
/// The lead department's side of 一件事, end to end through the API: 不动产登记“三窗合一” accepted once at the
/// 不动产登记中心 window and recorded on all three members, worked in parallel by 住建, 税务 and 登记, one result
/// delivered together; 开餐馆一件事 from the company registration to the three permits the licence flows into;
/// and a member that cannot be filed when its predecessor is done: recorded, shown, filed again.
/// </summary>
public abstract class LeadDepartmentBundleTests(TongbanApp app)
{
    private const string PropertyWindow = "SN-BDC-CLERK";
    private const string FoodLicence = "11510900MB1A00036T3000126002000";

    /// <summary>Each member's department works its own case: 市场监管, 住建, 税务, 不动产登记中心.</summary>
    private static readonly Dictionary<string, string> Approvers = new(StringComparer.Ordinal)
    {
        ["11510900MB1A00036T"] = "SN-APPROVER",
        ["11510900MB1A00060B"] = "SN-ZJ-APPROVER",
        ["11510900MB1A000798"] = "SN-SW-APPROVER",
        ["11510900MB1A00052G"] = "SN-BDC-APPROVER",
    };

    [Fact]
    public async Task Property_OneAcceptanceAtTheLeadWindow_IsRecordedOnAllThree_ThenTheyRunInParallel_ToOneResultDeliveredTogether()
    {
        using var citizen = await app.ApiClientAsync(Citizen);
        var submitted = await SubmitAsync(citizen, "property", new() { ["cause"] = "sale", ["mortgaged"] = "no", ["agent"] = "self" });
        var number = submitted.GetProperty("bundleCaseNumber").GetString()!;
        var members = new[] { "contract-filing", "tax-assessment", "transfer" }.ToDictionary(k => k, k => Member(submitted, k).GetProperty("caseNumber").GetString()!);

        // The lead department follows it; another department does not see it.
        using var window = await app.ApiClientAsync(PropertyWindow);
        var list = await window.GetFromJsonAsync<JsonElement>("/api/v1/backoffice/bundle-cases");
        var item = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("bundleCaseNumber").GetString() == number);
        Assert.Equal(("submitted", 0, 3, false), (item.GetProperty("status").GetString(), item.GetProperty("membersDone").GetInt32(), item.GetProperty("membersTotal").GetInt32(), item.GetProperty("overdue").GetBoolean()));
        Assert.Equal("张*", item.GetProperty("applicantName").GetString());
        using (var housing = await app.ApiClientAsync("SN-ZJ-APPROVER"))
        {
            Assert.DoesNotContain((await housing.GetFromJsonAsync<JsonElement>("/api/v1/backoffice/bundle-cases")).GetProperty("items").EnumerateArray(),
                i => i.GetProperty("bundleCaseNumber").GetString() == number);
            Assert.Equal(HttpStatusCode.NotFound, (await housing.GetAsync($"/api/v1/backoffice/bundle-cases/{number}")).StatusCode);
            await ExpectProblemAsync(await housing.PostAsJsonAsync($"/api/v1/backoffice/bundle-cases/{number}/acceptance", new { decision = "accept" }), HttpStatusCode.NotFound, "bundles.case-not-found");
        }

        var view = await window.GetFromJsonAsync<JsonElement>($"/api/v1/backoffice/bundle-cases/{number}");
        Assert.Equal(("single", true), (view.GetProperty("acceptance").GetString(), view.GetProperty("mayDecideAcceptance").GetBoolean()));
        Assert.Equal(["市住房和城乡建设局", "国家税务总局遂宁市税务局", "市不动产登记中心"], view.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("department").GetString()));
        using (var leadApprover = await app.ApiClientAsync("SN-BDC-APPROVER"))
        {
            await ExpectProblemAsync(await leadApprover.PostAsJsonAsync($"/api/v1/backoffice/bundle-cases/{number}/acceptance", new { decision = "accept" }), HttpStatusCode.Forbidden, "bundles.acceptance-not-lead-window");
        }

        // A member is not accepted (nor refused) on its own: the bundle is accepted once.
        using (var cityWindow = await app.ApiClientAsync("SN-CLERK"))
        {
            await ExpectProblemAsync(await cityWindow.AcceptAsync(members["transfer"]), HttpStatusCode.Conflict, "bundles.accepted-once-at-lead-window");
            await ExpectProblemAsync(await cityWindow.TakeIntakeDecisionAsync(members["tax-assessment"], "refuse", new { reason = "材料不全" }), HttpStatusCode.Conflict, "bundles.accepted-once-at-lead-window");
        }

        var accepted = await ExpectOkAsync(await window.PostAsJsonAsync($"/api/v1/backoffice/bundle-cases/{number}/acceptance", new { decision = "accept" }));
        Assert.Equal("inProgress", accepted.GetProperty("status").GetString());
        Assert.All(accepted.GetProperty("members").EnumerateArray(), m => Assert.Equal("accepted", m.GetProperty("status").GetString()));
        await ExpectProblemAsync(await window.PostAsJsonAsync($"/api/v1/backoffice/bundle-cases/{number}/acceptance", new { decision = "accept" }), HttpStatusCode.Conflict, "bundles.acceptance-not-awaiting");

        // Recorded on every member by the one clerk, and once for the bundle with where it was done and for whom.
        var clerkId = await app.WithDbAsync(db => db.Set<Tongban.Domain.Identity.Account>().Where(a => a.LoginName == PropertyWindow).Select(a => a.Id).SingleAsync());
        foreach (var caseNumber in members.Values)
        {
            var accept = await app.WithDbAsync(db => db.Set<AuditRecord>().AsNoTracking().SingleAsync(r => r.EntityId == caseNumber && r.Action == "cases.accept"));
            Assert.Equal(clerkId.ToString(), accept.ActorId);
        }

        var once = await app.WithDbAsync(db => db.Set<AuditRecord>().AsNoTracking().SingleAsync(r => r.EntityId == number && r.Action == "bundles.acceptance"));
        Assert.Contains("市不动产登记中心", once.After, StringComparison.Ordinal);
        Assert.Contains("国家税务总局遂宁市税务局", once.After, StringComparison.Ordinal);
        Assert.Contains("510900000000", once.After, StringComparison.Ordinal);

        // The three departments work in parallel: each step of each member in turn.
        var staff = new Dictionary<string, HttpClient>();
        foreach (var caseNumber in members.Values)
        {
            staff[caseNumber] = await app.ApiClientAsync(Approvers[caseNumber[..18]]);
        }

        var steps = new Dictionary<string, List<string>>();
        foreach (var caseNumber in members.Values)
        {
            steps[caseNumber] = [.. (await staff[caseNumber].CaseAsync(caseNumber)).GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("key").GetString()!)];
        }

        for (var i = 0; i < steps.Values.Max(s => s.Count); i++)
        {
            foreach (var caseNumber in members.Values.Where(c => i < steps[c].Count))
            {
                await ExpectOkAsync(await staff[caseNumber].ApproveStepAsync(caseNumber, steps[caseNumber][i]));
            }
        }

        foreach (var caseNumber in members.Values)
        {
            await ExpectOkAsync(await staff[caseNumber].DecideAsync(caseNumber, "approve"));
            if ((await staff[caseNumber].CaseAsync(caseNumber)).GetProperty("status").GetString() == "approved")
            {
                await ExpectOkAsync(await staff[caseNumber].IssueAsync(caseNumber));
            }

            if (caseNumber == members["contract-filing"])
            {
                // Results together: the first is held until the others are finished.
                await ExpectProblemAsync(await staff[caseNumber].DeliverAsync(caseNumber, "pickup"), HttpStatusCode.Conflict, "bundle-case.deliver-together");
            }
        }

        foreach (var caseNumber in members.Values)
        {
            await ExpectOkAsync(await staff[caseNumber].DeliverAsync(caseNumber, "pickup"));
            staff[caseNumber].Dispose();
        }

        var mine = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/bundle-cases/{number}");
        Assert.Equal("completed", mine.GetProperty("status").GetString());
        var followed = await window.GetFromJsonAsync<JsonElement>($"/api/v1/backoffice/bundle-cases/{number}");
        Assert.Equal(("completed", false), (followed.GetProperty("status").GetString(), followed.GetProperty("mayDecideAcceptance").GetBoolean()));
    }

    [Fact]
    public async Task Property_ACorrectionAtTheLeadWindow_GoesToTheMembersNamingTheMaterial_AndARefusalToAll()
    {
        using var citizen = await app.ApiClientAsync(Citizen);
        var submitted = await SubmitAsync(citizen, "property", new() { ["cause"] = "sale", ["mortgaged"] = "no", ["agent"] = "self" });
        var number = submitted.GetProperty("bundleCaseNumber").GetString()!;
        using var window = await app.ApiClientAsync(PropertyWindow);

        await ExpectProblemAsync(await window.PostAsJsonAsync($"/api/v1/backoffice/bundle-cases/{number}/acceptance", new { decision = "correction", items = new[] { new { material = "不存在的材料", reason = "x" } } }),
            HttpStatusCode.UnprocessableEntity, "bundles.correction-material-unknown");
        var corrected = await ExpectOkAsync(await window.PostAsJsonAsync($"/api/v1/backoffice/bundle-cases/{number}/acceptance",
            new { decision = "correction", items = new[] { new { material = "房屋买卖合同", reason = "合同缺少买受人签字页" } } }));
        Assert.Equal("awaitingCorrection", corrected.GetProperty("status").GetString());
        Assert.All(corrected.GetProperty("members").EnumerateArray(), m => Assert.Equal("awaitingCorrection", m.GetProperty("status").GetString()));
        var mine = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/bundle-cases/{number}");
        var correction = Assert.Single(mine.GetProperty("corrections").EnumerateArray());
        Assert.Equal(3, correction.GetProperty("caseNumbers").GetArrayLength());

        var other = await SubmitAsync(citizen, "property", new() { ["cause"] = "sale", ["mortgaged"] = "no", ["agent"] = "self" });
        var otherNumber = other.GetProperty("bundleCaseNumber").GetString()!;
        var refused = await ExpectOkAsync(await window.PostAsJsonAsync($"/api/v1/backoffice/bundle-cases/{otherNumber}/acceptance", new { decision = "refuse", reason = "该房屋已被司法查封，不予受理" }));
        Assert.Equal("notCompleted", refused.GetProperty("status").GetString());
        Assert.All(refused.GetProperty("members").EnumerateArray(), m => Assert.Equal("refused", m.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Restaurant_TheCompanyFirst_ThenFoodDrainageAndSignboard_WithTheBusinessLicenceFlowingIn()
    {
        using var citizen = await app.ApiClientAsync(Citizen);
        var submitted = await SubmitAsync(citizen, "restaurant", new() { ["agent"] = "self", ["preApproval"] = "no" });
        var number = submitted.GetProperty("bundleCaseNumber").GetString()!;
        var company = Member(submitted, "company").GetProperty("caseNumber").GetString()!;
        Assert.All(new[] { "food", "drainage", "signboard" }, k => Assert.Equal(JsonValueKind.Null, Member(submitted, k).GetProperty("caseNumber").ValueKind));

        // 市场监管 leads it and sees the three permits waiting for the company registration.
        using var lead = await app.ApiClientAsync("SN-APPROVER");
        var followed = await lead.GetFromJsonAsync<JsonElement>($"/api/v1/backoffice/bundle-cases/{number}");
        Assert.Equal(["企业设立登记"], Member(followed, "food").GetProperty("waitsFor").EnumerateArray().Select(w => w.GetString()));
        Assert.True(Member(followed, "company").GetProperty("reachable").GetBoolean());

        await app.HandleToResultAsync(company);
        using var approver = await app.ApiClientAsync("SN-APPROVER");
        var licence = (await approver.CaseAsync(company)).GetProperty("licenceId").GetString();
        Assert.False(string.IsNullOrEmpty(licence));

        var view = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/bundle-cases/{number}");
        Assert.Equal("inProgress", view.GetProperty("status").GetString());
        foreach (var key in new[] { "food", "drainage", "signboard" })
        {
            var caseNumber = Member(view, key).GetProperty("caseNumber").GetString();
            Assert.NotNull(caseNumber);
            var memberCase = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseNumber}");
            var businessLicence = memberCase.GetProperty("materials").EnumerateArray().Single(m => m.GetProperty("key").GetString() == "businessLicence");
            Assert.Equal(("HeldLicence", licence), (businessLicence.GetProperty("route").GetString()!, businessLicence.GetProperty("reference").GetString()));
            Assert.Equal(SampleText, memberCase.GetProperty("formValues").GetProperty("enterpriseName").GetString());
        }

        // 住建 does not lead this bundle: its member is its own, the bundle case is not.
        using (var housing = await app.ApiClientAsync("SN-ZJ-APPROVER"))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await housing.GetAsync($"/api/v1/backoffice/bundle-cases/{number}")).StatusCode);
        }

        foreach (var key in new[] { "food", "drainage", "signboard" })
        {
            var caseNumber = Member(view, key).GetProperty("caseNumber").GetString()!;
            await app.HandleToResultAsync(caseNumber);
            using var staff = await app.ApiClientAsync(Approvers[caseNumber[..18]]);
            // Results as each is ready: delivered without waiting for the others.
            await ExpectOkAsync(await staff.DeliverAsync(caseNumber, "electronic"));
        }

        await ExpectOkAsync(await approver.DeliverAsync(company, "electronic"));
        Assert.Equal("completed", (await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/bundle-cases/{number}")).GetProperty("status").GetString());
        var list = await lead.GetFromJsonAsync<JsonElement>("/api/v1/backoffice/bundle-cases?status=completed");
        var item = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("bundleCaseNumber").GetString() == number);
        Assert.Equal((4, 4), (item.GetProperty("membersDone").GetInt32(), item.GetProperty("membersTotal").GetInt32()));
    }

    [Fact]
    public async Task AMemberThatCannotBeFiled_IsRecordedAndShown_AndTheLeadDepartmentFilesItAgainOnceFixed()
    {
        using var citizen = await app.ApiClientAsync(Citizen);
        var submitted = await SubmitAsync(citizen, "restaurant", new() { ["agent"] = "self", ["preApproval"] = "no" });
        var number = submitted.GetProperty("bundleCaseNumber").GetString()!;
        var company = Member(submitted, "company").GetProperty("caseNumber").GetString()!;

        // After the submission, 食品经营许可 starts asking a required field nobody filled in.
        var (id, original) = await PublishedAsync(FoodLicence);
        await app.ReviseAsync(id, original with { Form = [.. original.Form, new FormField { Key = "seatCount", Label = "餐位数", Type = FormFieldType.Number, Required = true }] });
        try
        {
            await app.HandleToResultAsync(company);

            var mine = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/bundle-cases/{number}");
            var food = Member(mine, "food");
            Assert.Equal(JsonValueKind.Null, food.GetProperty("caseNumber").ValueKind);
            Assert.Equal("cases.form-field-required", food.GetProperty("failure").GetProperty("code").GetString());
            Assert.Contains("餐位数", food.GetProperty("failure").GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.NotEqual(JsonValueKind.Null, Member(mine, "drainage").GetProperty("caseNumber").ValueKind);
            Assert.Equal(JsonValueKind.Null, Member(mine, "drainage").GetProperty("failure").ValueKind);

            using var lead = await app.ApiClientAsync("SN-APPROVER");
            var item = (await lead.GetFromJsonAsync<JsonElement>("/api/v1/backoffice/bundle-cases")).GetProperty("items").EnumerateArray()
                .Single(i => i.GetProperty("bundleCaseNumber").GetString() == number);
            Assert.Equal(1, item.GetProperty("membersFailed").GetInt32());
            var followed = await lead.GetFromJsonAsync<JsonElement>($"/api/v1/backoffice/bundle-cases/{number}");
            Assert.True(Member(followed, "food").GetProperty("mayRetry").GetBoolean());
            Assert.False(Member(followed, "drainage").GetProperty("mayRetry").GetBoolean());
            await ExpectProblemAsync(await lead.PostAsJsonAsync($"/api/v1/backoffice/bundle-cases/{number}/members/drainage/retry", new { }), HttpStatusCode.Conflict, "bundle-case.retry-not-failed");

            // Retried before the cause is fixed: still failing, the attempt counted.
            await ExpectProblemAsync(await lead.PostAsJsonAsync($"/api/v1/backoffice/bundle-cases/{number}/members/food/retry", new { }), HttpStatusCode.UnprocessableEntity, "cases.form-field-required");
            Assert.Equal(2, Member(await lead.GetFromJsonAsync<JsonElement>($"/api/v1/backoffice/bundle-cases/{number}"), "food").GetProperty("failure").GetProperty("attempts").GetInt32());

            // The department publishes the item without that field again; the lead department files the member.
            await app.ReviseAsync(id, original);
            using (var other = await app.ApiClientAsync("SN-ZJ-APPROVER"))
            {
                await ExpectProblemAsync(await other.PostAsJsonAsync($"/api/v1/backoffice/bundle-cases/{number}/members/food/retry", new { }), HttpStatusCode.NotFound, "bundles.case-not-found");
            }

            var retried = await ExpectOkAsync(await lead.PostAsJsonAsync($"/api/v1/backoffice/bundle-cases/{number}/members/food/retry", new { }));
            Assert.Equal(JsonValueKind.Null, Member(retried, "food").GetProperty("failure").ValueKind);
            var filed = Member(retried, "food").GetProperty("caseNumber").GetString();
            Assert.NotNull(filed);
            var foodCase = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{filed}");
            Assert.Equal("submitted", foodCase.GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.Null, Member(await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/bundle-cases/{number}"), "food").GetProperty("failure").ValueKind);
        }
        finally
        {
            if ((await PublishedAsync(FoodLicence)).Content.Form.Any(f => f.Key == "seatCount"))
            {
                await app.ReviseAsync(id, original);
            }
        }
    }

    [Fact]
    public async Task ThePages_ListTheBundle_ShowItsMembers_AndAcceptItOnce_WithoutJavaScript()
    {
        using var citizen = await app.ApiClientAsync(Citizen);
        var submitted = await SubmitAsync(citizen, "property", new() { ["cause"] = "sale", ["mortgaged"] = "no", ["agent"] = "self" });
        var number = submitted.GetProperty("bundleCaseNumber").GetString()!;
        using var browser = await app.SignedInBrowserAsync(PropertyWindow);

        Assert.Contains("/workbench/bundles", await browser.GetPageAsync("/workbench"), StringComparison.Ordinal);
        var list = Pages.Text(await browser.GetPageAsync("/workbench/bundles"));
        Assert.Contains(number, list, StringComparison.Ordinal);
        Assert.Contains("不动产登记“三窗合一”", list, StringComparison.Ordinal);
        Assert.Contains("0 / 3", list, StringComparison.Ordinal);
        var page = Pages.Text(await browser.GetPageAsync($"/workbench/bundles/{number}"));
        Assert.Contains("市住房和城乡建设局", page, StringComparison.Ordinal);
        Assert.Contains("一次受理", page, StringComparison.Ordinal);

        var posted = await browser.PostFormAsync($"/workbench/bundles/{number}", [new("Decision", "accept")], $"/workbench/bundles/{number}?handler=Acceptance");
        Assert.True(posted.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.OK, posted.StatusCode.ToString());
        var after = Pages.Text(await browser.GetPageAsync($"/workbench/bundles/{number}"));
        Assert.Contains(Tongban.Domain.Cases.CaseNames.Of(Tongban.Domain.Cases.CaseStatus.Accepted), after, StringComparison.Ordinal);
        Assert.DoesNotContain("一次性告知补正", after, StringComparison.Ordinal);
        foreach (var member in submitted.GetProperty("members").EnumerateArray())
        {
            Assert.Equal("accepted", (await citizen.CaseAsync(member.GetProperty("caseNumber").GetString()!)).GetProperty("status").GetString());
        }

        using var other = await app.SignedInBrowserAsync("SN-ZJ-APPROVER");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/workbench/bundles/{number}")).StatusCode);
    }

    [Fact]
    public async Task TheLeadList_IsForStaffOfADepartment_AndRejectsAnUnknownStatus()
    {
        using var citizen = await app.ApiClientAsync(Citizen);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync("/api/v1/backoffice/bundle-cases")).StatusCode);
        using var supervisor = await app.ApiClientAsync("SN-SUPERVISOR");
        await ExpectProblemAsync(await supervisor.GetAsync("/api/v1/backoffice/bundle-cases"), HttpStatusCode.Forbidden, "bundles.lead-forbidden");
        using var lead = await app.ApiClientAsync("SN-APPROVER");
        await ExpectProblemAsync(await lead.GetAsync("/api/v1/backoffice/bundle-cases?status=nonsense"), HttpStatusCode.UnprocessableEntity, "bundles.lead-status-unknown");
    }

    private async Task<(Guid Id, ImplementationContent Content)> PublishedAsync(string code)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var published = await scope.ServiceProvider.GetRequiredService<ICatalog>().FindPublishedAsync(ImplementationCode.FromTrusted(code), null, CancellationToken.None);
        return (published!.Id, published.Content);
    }

    /// <summary>Submits a demo bundle with each merged field filled once and every required material uploaded.</summary>
    private static async Task<JsonElement> SubmitAsync(HttpClient citizen, string code, Dictionary<string, string> answers)
    {
        var application = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/bundles/{code}/application");
        var values = application.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("field")).ToDictionary(f => f.GetProperty("key").GetString()!, SampleValue);
        var materials = new List<object>();
        foreach (var material in application.GetProperty("materials").EnumerateArray()
            .Where(m => m.GetProperty("requirement").GetProperty("necessity").GetString() == "required"))
        {
            materials.Add(new { key = material.GetProperty("key").GetString(), route = "upload", fileId = await citizen.UploadAsync(ApplyActions.Pdf, "材料.pdf") });
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/bundles/{code}/cases")
        {
            Content = JsonContent.Create(new { answers, formValues = values, materials }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var submitted = await citizen.SendAsync(request);
        Assert.True(submitted.StatusCode == HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync());
        return await submitted.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static JsonElement Member(JsonElement bundleCase, string key) =>
        bundleCase.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("key").GetString() == key);

}

public sealed class LeadDepartmentBundleTestsOnSqlite(SqliteApp app) : LeadDepartmentBundleTests(app), IClassFixture<SqliteApp>;

public sealed class LeadDepartmentBundleTestsOnPostgres(PostgresApp app) : LeadDepartmentBundleTests(app), IClassFixture<PostgresApp>;
