using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Cases;
using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Platform.Demo;
using Tongban.Platform.Persistence;

namespace Tongban.IntegrationTests.Cases;

/// <summary>收受分离 (received in 射洪市, decided in 船山区), 全程网办 with zero visits, 多地联办 steps, uniformity visible.</summary>
public abstract class CrossRegionTests(TongbanApp app)
{
    private const string ShehongClerk = "SH-CLERK";
    private const string ChuanshanClerk = "CS-CLERK";
    private const string ChuanshanApprover = "CS-APPROVER";
    private static string Shehong => Actors.CitizenLogin(2); // 李强, 射洪市

    [Fact]
    public async Task RemoteIntake_ReceivedInShehong_AcceptedAndApprovedInChuanshan_CollectedAtTheReceivingHall()
    {
        var number = await ReceiveInShehongAsync("collect");
        using var shehong = await app.ApiClientAsync(ShehongClerk);
        using var chuanshanClerk = await app.ApiClientAsync(ChuanshanClerk);
        using var approver = await app.ApiClientAsync(ChuanshanApprover);

        // The receiving side sees the case and its responsibilities, read-only, in its 代收件 list.
        var seen = await shehong.CaseAsync(number);
        var remote = seen.GetProperty("remoteIntake");
        Assert.Equal("射洪市政务服务中心", remote.GetProperty("receivingHall").GetString());
        Assert.Equal("510981000000", remote.GetProperty("receivingRegion").GetString());
        Assert.True(remote.GetProperty("identityChecked").GetBoolean());
        Assert.Equal("510903000000", remote.GetProperty("competentRegion").GetString());
        Assert.Equal(DemoCity.ChuanshanHumanResources, remote.GetProperty("competentDepartmentId").GetGuid());
        Assert.Equal("代收窗口领取", remote.GetProperty("resultDeliveryName").GetString());
        var shehongQueue = await shehong.GetFromJsonAsync<JsonElement>("/api/v1/intake/queue");
        Assert.Contains(shehongQueue.GetProperty("receivedForOthers").EnumerateArray(), e => e.GetProperty("caseNumber").GetString() == number);
        Assert.DoesNotContain(shehongQueue.GetProperty("awaitingIntake").EnumerateArray(), e => e.GetProperty("caseNumber").GetString() == number);

        // 审批权属不变: the material list is the competent implementation's.
        Assert.Equal(["form", "workerId"], seen.GetProperty("materials").EnumerateArray().Select(m => m.GetProperty("key").GetString()!).ToArray());

        // The competent region's window sees it marked 异地代收 and accepts; the receiving clerk cannot.
        var queue = await chuanshanClerk.GetFromJsonAsync<JsonElement>("/api/v1/intake/queue");
        Assert.True(queue.GetProperty("awaitingIntake").EnumerateArray().Single(e => e.GetProperty("caseNumber").GetString() == number).GetProperty("remoteIntake").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await shehong.AcceptAsync(number)).StatusCode);
        await BackOfficeActions.ExpectOkAsync(await chuanshanClerk.AcceptAsync(number));

        // 船山区 decides; 射洪市's clerk cannot act on the decision.
        await approver.ApproveAllStepsAsync(number);
        Assert.Equal(HttpStatusCode.NotFound, (await shehong.DecideAsync(number, "approve")).StatusCode);
        await BackOfficeActions.ExpectOkAsync(await approver.DecideAsync(number, "approve"));
        await BackOfficeActions.ExpectOkAsync(await approver.IssueAsync(number));

        // Delivered as chosen at receipt: collection at the receiving hall, not by post.
        await BackOfficeActions.ExpectProblemAsync(await approver.DeliverAsync(number, "post", "射洪市太和街道美丰路 8 号", "EMS", "EA123456789CN"),
            HttpStatusCode.Conflict, RemoteIntakeErrors.DeliveryMustBeTheChosenOneCode);
        await BackOfficeActions.ExpectOkAsync(await approver.DeliverAsync(number, "pickup"));

        Assert.Equal("delivered", (await shehong.CaseAsync(number)).GetProperty("status").GetString());
        using var shehongPages = await app.SignedInBrowserAsync(ShehongClerk);
        var receivingPage = Pages.Text(await shehongPages.GetPageAsync($"/workbench/cases/{number}"));
        Assert.Contains("异地代收", receivingPage, StringComparison.Ordinal);
        Assert.Contains("射洪市政务服务中心（射洪市）", receivingPage, StringComparison.Ordinal);
        Assert.Contains("已送达", receivingPage, StringComparison.Ordinal);
        using var competentPages = await app.SignedInBrowserAsync(ChuanshanClerk);
        Assert.Contains("收件人 周静（射洪市综合窗口）", Pages.Text(await competentPages.GetPageAsync($"/workbench/intake/{number}")), StringComparison.Ordinal);

        var audited = await app.WithDbAsync(db => db.Set<Domain.Audit.AuditRecord>().AsNoTracking().Where(a => a.EntityId == number).Select(a => a.Action).ToListAsync());
        Assert.Contains("cases.remote-intake", audited);
        Assert.Contains("cases.accept", audited);
    }

    [Fact]
    public async Task RemoteIntake_ChosenByPost_IsPostedToTheAddressGiven()
    {
        var number = await ReceiveInShehongAsync("post", "射洪市太和街道美丰路 8 号");
        using var chuanshanClerk = await app.ApiClientAsync(ChuanshanClerk);
        using var approver = await app.ApiClientAsync(ChuanshanApprover);
        await BackOfficeActions.ExpectOkAsync(await chuanshanClerk.AcceptAsync(number));
        await approver.ApproveAllStepsAsync(number);
        await BackOfficeActions.ExpectOkAsync(await approver.DecideAsync(number, "approve"));
        await BackOfficeActions.ExpectOkAsync(await approver.IssueAsync(number));

        await BackOfficeActions.ExpectProblemAsync(await approver.DeliverAsync(number, "pickup"), HttpStatusCode.Conflict, RemoteIntakeErrors.DeliveryMustBeTheChosenOneCode);
        var delivered = await BackOfficeActions.ExpectOkAsync(await approver.DeliverAsync(number, "post", "射洪市太和街道美丰路 8 号", "EMS", "EA123456789CN"));

        Assert.Equal("Post", delivered.GetProperty("deliveryMethod").GetString());
        Assert.Equal("射洪市太和街道美丰路 8 号", delivered.GetProperty("remoteIntake").GetProperty("postAddress").GetString());
    }

    [Fact]
    public async Task AnItemWhoseScopeDoesNotReachTheHall_IsRefused_AndNothingIsStored()
    {
        var item = await app.PublishIntakeItemAsync("本级事项" + Guid.NewGuid().ToString("N")[..6]); // 市市场监管局, 本级办理
        using var pengxi = await app.ApiClientAsync(IntakeActions.CountyClerk);

        var response = await FileAsync(pengxi, item.Value, new { key = "application", route = "missing" }, "collect", null);

        await BackOfficeActions.ExpectProblemAsync(response, HttpStatusCode.UnprocessableEntity, "cases.remote-intake-out-of-scope");
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Case>().CountAsync(c => c.ImplementationCode == item)));
    }

    [Fact]
    public async Task FullyOnline_NeedsNoHall_AndTheCaseRecordsZeroVisits()
    {
        var content = CatalogActions.ValidContent("全程网办" + Guid.NewGuid().ToString("N")[..6]) with { OnlineDepth = OnlineDepth.FullyOnline, Visits = VisitCount.Zero };
        var item = (await app.PublishImplementationAsync(content, DemoCity.MarketRegulation)).Code;
        var number = await app.ApplyAsync(item);
        await app.AcceptAtWindowAsync(number);
        using var approver = await app.ApiClientAsync("SN-APPROVER");
        await approver.ApproveAllStepsAsync(number);
        await BackOfficeActions.ExpectOkAsync(await approver.DecideAsync(number, "approve"));
        await BackOfficeActions.ExpectOkAsync(await approver.IssueAsync(number));

        await BackOfficeActions.ExpectProblemAsync(await approver.DeliverAsync(number, "pickup"), HttpStatusCode.Conflict, RemoteIntakeErrors.FullyOnlineIsNeverCollectedCode);
        var delivered = await BackOfficeActions.ExpectOkAsync(await approver.DeliverAsync(number, "electronic"));

        Assert.True(delivered.GetProperty("fullyOnline").GetBoolean());
        Assert.Equal(0, delivered.GetProperty("inPersonVisits").GetInt32());
        using var citizen = await app.CitizenBrowserAsync();
        var page = Pages.Text(await citizen.GetPageAsync($"/me/cases/{number}"));
        Assert.Contains("全程网办，无需到现场", page, StringComparison.Ordinal);
        Assert.Contains("跑动次数：0", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JointHandling_EachRegionActsOnlyOnItsOwnStep()
    {
        var content = CatalogActions.ValidContent("多地联办" + Guid.NewGuid().ToString("N")[..6]) with
        {
            ServiceScope = ServiceScope.CityWide,
            Process =
            [
                new ProcessStep("accept", "受理"),
                new ProcessStep("review", "审查", Region: "510903000000", DepartmentId: DemoCity.ChuanshanHumanResources),
                new ProcessStep("check", "复核"),
                new ProcessStep("decide", "决定"),
            ],
        };
        var item = (await app.PublishImplementationAsync(content, DemoCity.MarketRegulation)).Code;
        var number = await app.ApplyAsync(item);
        await app.AcceptAtWindowAsync(number);
        using var city = await app.ApiClientAsync("SN-APPROVER");
        using var chuanshan = await app.ApiClientAsync(ChuanshanApprover);

        await BackOfficeActions.ExpectProblemAsync(await city.ApproveStepAsync(number, "review"), HttpStatusCode.Forbidden, RemoteIntakeErrors.StepBelongsToAnotherRegionCode);
        var seen = await chuanshan.CaseAsync(number);
        Assert.Equal("510903000000", seen.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "review").GetProperty("region").GetString());
        var reviewed = await BackOfficeActions.ExpectOkAsync(await chuanshan.ApproveStepAsync(number, "review"));
        Assert.Equal("Active", reviewed.StepStatus("check"));

        Assert.Equal(HttpStatusCode.NotFound, (await chuanshan.ApproveStepAsync(number, "check")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await chuanshan.DecideAsync(number, "approve")).StatusCode);
        await BackOfficeActions.ExpectOkAsync(await city.ApproveStepAsync(number, "check"));
        await BackOfficeActions.ExpectOkAsync(await city.DecideAsync(number, "approve"));
    }

    [Fact]
    public async Task TheDemoHouseholdMigration_SplitsItsStepsBetweenPengxiAndShehong()
    {
        // 李强 of 射洪市 moves to 蓬溪县: 蓬溪县公安局 decides, 射洪市公安局 performs 迁出核验 (多地联办).
        using var citizen = await app.ApiClientAsync(Shehong);
        var consent = await citizen.UploadAsync(ApplyActions.Pdf, "房主同意入户声明.pdf");
        var submitted = await citizen.SubmitAsync(new
        {
            implementationCode = DemoCity.PengxiHouseholdMigration,
            answers = new Dictionary<string, string> { ["housing"] = "relative" },
            formValues = new Dictionary<string, string>
            {
                ["applicantName"] = "李强",
                ["applicantIdNumber"] = Shehong,
                ["applicantPhone"] = "13800000003",
                ["applicantAddress"] = "遂宁市射洪市太和街道美丰路 8 号",
                ["fromAddress"] = "遂宁市射洪市太和街道美丰路 8 号",
                ["toAddress"] = "遂宁市蓬溪县赤城镇建设街 30 号",
                ["reason"] = "投靠亲属",
            },
            materials = new object[]
            {
                new { key = "idCard", route = "sharedData", reference = "人口库" },
                new { key = "householdRegister", route = "sharedData", reference = "人口库" },
                new { key = "consent", route = "upload", fileId = consent },
            },
        });
        Assert.True(submitted.StatusCode == HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync());
        var number = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseNumber").GetString()!;
        await app.AcceptAtWindowAsync(number, "PX-CLERK");
        using var pengxi = await app.ApiClientAsync("PX-GA-APPROVER");
        using var shehong = await app.ApiClientAsync("SH-GA-APPROVER");
        await BackOfficeActions.ExpectOkAsync(await pengxi.ApproveStepAsync(number, "review"));

        // The open step is 射洪市's: its approvers list the case; 蓬溪县 may neither approve nor hand the step on.
        Assert.Contains(number, await ListedAsync(shehong));
        Assert.Contains(number, await ListedAsync(pengxi));
        using (var city = await app.ApiClientAsync("SN-GA-APPROVER"))
        {
            Assert.DoesNotContain(number, await ListedAsync(city));
        }

        await BackOfficeActions.ExpectProblemAsync(await pengxi.ApproveStepAsync(number, "transfer-out"), HttpStatusCode.Forbidden, RemoteIntakeErrors.StepBelongsToAnotherRegionCode);
        await BackOfficeActions.ExpectProblemAsync(await pengxi.TransferAsync(number, "transfer-out", "PX-GA-APPROVER", "由迁入地办理"), HttpStatusCode.Forbidden, RemoteIntakeErrors.StepBelongsToAnotherRegionCode);

        // 射洪市 sends it back to 迁入审核 with a reason, then performs 迁出核验 once 蓬溪县 has reviewed again.
        var sentBack = await BackOfficeActions.ExpectOkAsync(await shehong.SendBackAsync(number, "transfer-out", "review", "迁入地址门牌号与房产信息不一致"));
        Assert.Equal("Active", sentBack.StepStatus("review"));
        Assert.DoesNotContain(number, await ListedAsync(shehong));
        await BackOfficeActions.ExpectOkAsync(await pengxi.ApproveStepAsync(number, "review"));
        await BackOfficeActions.ExpectOkAsync(await shehong.ApproveStepAsync(number, "transfer-out"));
        Assert.DoesNotContain(number, await ListedAsync(shehong));
        Assert.Equal(HttpStatusCode.NotFound, (await shehong.DecideAsync(number, "approve")).StatusCode);
        foreach (var open in (await pengxi.CaseAsync(number)).GetProperty("steps").EnumerateArray().Where(s => s.GetProperty("status").GetString() == "Active").Select(s => s.GetProperty("key").GetString()!).ToList())
        {
            await BackOfficeActions.ExpectOkAsync(await pengxi.ApproveStepAsync(number, open));
        }

        await BackOfficeActions.ExpectOkAsync(await pengxi.DecideAsync(number, "approve"));
    }

    private static async Task<IReadOnlyList<string>> ListedAsync(HttpClient approver) =>
        [.. (await approver.GetFromJsonAsync<JsonElement>("/api/v1/backoffice/cases")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("caseNumber").GetString()!)];

    [Fact]
    public async Task TheDemoCitysDivergentCounty_IsVisibleToTheRegionAdmin()
    {
        using var admin = await app.SignedInBrowserAsync("SN-REGION");

        var report = Pages.Text(await admin.GetPageAsync("/admin/catalog/reports/uniformity"));

        var food = report.IndexOf("食品经营许可", StringComparison.Ordinal);
        Assert.True(food >= 0, "the report lists 食品经营许可");
        Assert.Contains("射洪市", report[food..], StringComparison.Ordinal);
    }

    private async Task<string> ReceiveInShehongAsync(string delivery, string? address = null)
    {
        using var clerk = await app.ApiClientAsync(ShehongClerk);
        var form = new { key = "form", route = "upload", fileId = await clerk.UploadAsync(ApplyActions.Pdf, "就业登记表.pdf") };
        var response = await FileAsync(clerk, DemoCity.ChuanshanEmploymentRegistration, form, delivery, address,
            new { key = "workerId", route = "sharedData", reference = "人口库" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseNumber").GetString()!;
    }

    private static Task<HttpResponseMessage> FileAsync(HttpClient clerk, string code, object material, string delivery, string? address, object? another = null)
    {
        object[] materials = another is null ? [material] : [material, another];
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/window/cases")
        {
            Content = JsonContent.Create(new
            {
                implementationCode = code,
                applicantIdentifier = Shehong,
                formValues = new Dictionary<string, string> { ["employmentType"] = "灵活就业", ["startDate"] = "2026-03-01" },
                materials,
                identityChecked = true,
                resultDelivery = delivery,
                postAddress = address,
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return clerk.SendAsync(request);
    }
}

public sealed class CrossRegionOnSqlite(SqliteApp app) : CrossRegionTests(app), IClassFixture<SqliteApp>;

public sealed class CrossRegionOnPostgres(PostgresApp app) : CrossRegionTests(app), IClassFixture<PostgresApp>;
