using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Modules.Catalog;
using Tongban.Platform.Demo;
using static Tongban.IntegrationTests.Catalog.WorkflowActions;
using static Tongban.IntegrationTests.Organisation.OrganisationAdmin;

namespace Tongban.IntegrationTests.Catalog;

/// <summary>The catalog administration workflow through its pages: claim, edit, submit, review, publish, versions.</summary>
public abstract class WorkflowTests(TongbanApp app)
{
    [Fact]
    public async Task DepartmentAdmin_ClaimsEditsAndSubmits_RegionAdminPublishes_AndARevisionBecomesVersion2()
    {
        var admin = await app.SignedInBrowserAsync("ADMIN");
        var department = await app.SignedInBrowserAsync("SN-SCJ-ADMIN");
        var region = await app.SignedInBrowserAsync("SN-REGION");
        var code = CatalogActions.NewBasicCode();
        await admin.IssueItemAsync(code, "食品经营许可（测试）");

        Assert.Contains("未认领", await department.DeskRowAsync(code));
        var implementation = await department.ClaimAsync(code, DemoCity.MarketRegulation);
        var page = Pages.Text(await department.GetPageAsync(implementation));
        Assert.Contains("已认领“食品经营许可（测试）”", page);
        Assert.Contains("编辑中", page);
        Assert.Contains("已认领 市市场监督管理局 编辑中", await department.DeskRowAsync(code));

        // A promised limit beyond the statutory one and a missing element: both reported at once.
        await AssertRedirectedAsync(await department.SaveElementsAsync(implementation, form =>
        {
            Complete(form);
            form["Elements.PromisedAmount"] = "25";
            form["Elements.Consultation"] = "";
        }), implementation);
        var refused = await department.ActAsync(implementation, "Submit");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var summary = ErrorSummary(await refused.Content.ReadAsStringAsync());
        Assert.Contains("承诺办结时限（25个工作日）不能超过法定办结时限（20个工作日）", summary);
        Assert.Contains("请填写“咨询方式”", summary);
        Assert.Contains("编辑中", Pages.Text(await department.GetPageAsync(implementation)));

        await AssertRedirectedAsync(await department.SaveElementsAsync(implementation, Complete), implementation);
        page = Pages.Text(await department.GetPageAsync(implementation));
        Assert.Contains("承诺办结时限比法定办结时限压缩 75%；全市目标为平均压缩 60% 以上。", page);
        await department.SubmitAsync(implementation);
        page = Pages.Text(await department.GetPageAsync(implementation));
        Assert.Contains("已提交审核", page);
        Assert.Contains("待审核", page);

        // The department admin who submitted is offered no review, and a forged publish finds nothing.
        Assert.DoesNotContain("审核通过并发布", page);
        Assert.Equal(HttpStatusCode.NotFound, (await department.ActAsync(implementation, "Publish")).StatusCode);

        var queue = await region.GetPageAsync("/admin/catalog/review");
        Assert.Contains($"<a href=\"{implementation}\">食品经营许可（测试）</a>", queue);
        Assert.Contains("市市场监督管理局（遂宁市） 2026-", Pages.Text(queue));
        await region.PublishAsync(implementation);
        page = Pages.Text(await region.GetPageAsync(implementation));
        Assert.Contains("已审核通过并发布第 1 版", page);
        Assert.Contains("已发布 第 1 版", page);
        Assert.DoesNotContain(implementation[1..], await region.GetPageAsync("/admin/catalog/review"));
        var implementationCode = ImplementationCodeOn(page);
        var first = await FindPublishedAsync(implementationCode, null);
        Assert.Equal(1, first!.Version);
        Assert.Equal("遂宁市政务服务中心二楼 B 区", first.Content.Location);

        // A revision: edit, submit, publish again.
        await AssertRedirectedAsync(await department.SaveElementsAsync(implementation, form => form["Elements.Location"] = "遂宁市政务服务中心三楼 C 区"), implementation);
        Assert.Contains("对外仍显示已发布的第 1 版", Pages.Text(await department.GetPageAsync(implementation)));
        await department.SubmitAsync(implementation);
        await region.PublishAsync(implementation);

        var history = Pages.Text(await department.GetPageAsync($"{implementation}/versions"));
        Assert.Contains("第 2 版（现行）", history);
        Assert.Contains("刘芳（市级区域管理员）", history);
        Assert.Contains("第 1 版与第 2 版的差异", history);
        Assert.Contains("办理地点 location 遂宁市政务服务中心二楼 B 区 遂宁市政务服务中心三楼 C 区", history);

        // A case that started on version 1 keeps it; new ones get version 2.
        Assert.Equal("遂宁市政务服务中心二楼 B 区", (await FindPublishedAsync(implementationCode, 1))!.Content.Location);
        var current = await FindPublishedAsync(implementationCode, null);
        Assert.Equal(2, current!.Version);
        Assert.Equal("遂宁市政务服务中心三楼 C 区", current.Content.Location);
        var audit = await app.WithDbAsync(db => Task.FromResult(db.Set<Domain.Audit.AuditRecord>().Where(r => r.EntityId == implementationCode.Value).OrderBy(r => r.Sequence).Select(r => r.Action).ToList()));
        Assert.Equal(["catalog.claim", "catalog.draft-edit", "catalog.draft-edit", "catalog.submit", "catalog.publish", "catalog.draft-edit", "catalog.submit", "catalog.publish"], audit);
    }

    [Fact]
    public async Task Versions_CompareTheDraftWithTheVersionInForce()
    {
        var department = await app.SignedInBrowserAsync("SN-SCJ-ADMIN");
        var implementation = await app.CompleteDraftAsync(department, DemoCity.MarketRegulation, "营业执照办理（比较）");
        await department.SubmitAsync(implementation);
        await (await app.SignedInBrowserAsync("SN-REGION")).PublishAsync(implementation);

        await AssertRedirectedAsync(await department.SaveElementsAsync(implementation, form => form["Elements.PromisedAmount"] = "3"), implementation);

        var versions = Pages.Text(await department.GetPageAsync($"{implementation}/versions"));
        Assert.Contains("第 1 版与当前草稿的差异", versions);
        Assert.Contains("承诺办结时限 promisedLimit.amount 5 3", versions);
        Assert.Contains("两者内容相同", Pages.Text(await department.GetPageAsync($"{implementation}/versions?from=1&to=1")));
        Assert.Equal(HttpStatusCode.NotFound, (await department.GetAsync($"{implementation}/versions?from=7&to=draft")).StatusCode);
    }

    [Fact]
    public async Task RegionAdmin_WhoSubmitted_IsRefusedThePublish_ByTheFourEyesRule()
    {
        var region = await app.SignedInBrowserAsync("SN-REGION");
        var implementation = await app.CompleteDraftAsync(region, DemoCity.Health, "医师执业注册（四眼）");
        await region.SubmitAsync(implementation);

        var page = Pages.Text(await region.GetPageAsync(implementation));
        Assert.Contains("您是该实施清单的提交人，须由其他审核人审核。", page);
        Assert.DoesNotContain("审核通过并发布", page);
        // The page offers no publish form; a request forged with the current version meets the rule itself.
        var version = await app.WithDbAsync(db => db.Set<Implementation>().Where(i => i.Id == IdOf(implementation)).Select(i => i.Version).FirstAsync());
        var forged = await region.ForgePostAsync(implementation, [new("Version", version.ToString(CultureInfo.InvariantCulture))], $"{implementation}?handler=Publish");
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Contains("提交人不能审核自己提交的实施清单", ErrorSummary(await forged.Content.ReadAsStringAsync()));

        await (await app.SignedInBrowserAsync("ADMIN")).PublishAsync(implementation);
        Assert.Contains("已发布 第 1 版", Pages.Text(await region.GetPageAsync(implementation)));
    }

    [Fact]
    public async Task Return_NeedsAReason_WhichTheEditorSees_AndTheDraftCanBeEditedAgain()
    {
        var department = await app.SignedInBrowserAsync("SN-SCJ-ADMIN");
        var region = await app.SignedInBrowserAsync("SN-REGION");
        var implementation = await app.CompleteDraftAsync(department, DemoCity.MarketRegulation, "食品生产许可（退回）");
        await department.SubmitAsync(implementation);
        var locked = await department.GetPageAsync($"{implementation}/edit");
        Assert.Contains("该实施清单正在审核中，审核结束前不能修改", Pages.Text(locked));
        Assert.DoesNotContain("name=\"Elements.Name\"", locked);

        var withoutReason = await region.ActAsync(implementation, "Return", new KeyValuePair<string, string>("ReturnReason", " "));
        var html = await withoutReason.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, withoutReason.StatusCode);
        Assert.Contains("退回时请写明理由", ErrorSummary(html));
        Assert.Contains("退回时请写明理由", FieldError(html, "ReturnReason"));
        Assert.Contains("待审核", Pages.Text(await department.GetPageAsync(implementation)));

        var returned = await region.ActAsync(implementation, "Return", new KeyValuePair<string, string>("ReturnReason", "受理条件请列明具体资格要求"));
        await AssertRedirectedAsync(returned, implementation);
        var page = Pages.Text(await department.GetPageAsync(implementation));
        Assert.Contains("已退回 退回理由 受理条件请列明具体资格要求", page);
        await AssertRedirectedAsync(await department.SaveElementsAsync(implementation, form => form["Elements.AcceptanceConditions"] = "持有健康证明的食品生产者"), implementation);
        await department.SubmitAsync(implementation);
        Assert.Contains("待审核", Pages.Text(await department.GetPageAsync(implementation)));
    }

    [Fact]
    public async Task StaleEdit_IsRefused_AndChangesNothing()
    {
        var department = await app.SignedInBrowserAsync("SN-SCJ-ADMIN");
        var colleague = await app.SignedInBrowserAsync("SN-REGION");
        var implementation = await app.CompleteDraftAsync(department, DemoCity.MarketRegulation, "特种设备使用登记（并发）");
        var html = await department.GetPageAsync($"{implementation}/edit");
        var mine = FormValues.Of(html, "Elements.Name");

        await AssertRedirectedAsync(await colleague.SaveElementsAsync(implementation, form => form["Elements.OfficeHours"] = "工作日 8:30-17:30"), implementation);
        mine["Elements.OfficeHours"] = "全天";
        var stale = await department.PostAsync($"{implementation}/edit", mine.Content());

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains(StaleMessage, ErrorSummary(await stale.Content.ReadAsStringAsync()));
        var page = Pages.Text(await department.GetPageAsync(implementation));
        Assert.Contains("工作日 8:30-17:30", page);
        Assert.DoesNotContain("全天", page);
    }

    [Fact]
    public async Task BadInput_IsReportedBesideEachField_AndNothingIsSaved()
    {
        var department = await app.SignedInBrowserAsync("SN-SCJ-ADMIN");
        var implementation = await app.CompleteDraftAsync(department, DemoCity.MarketRegulation, "广告发布登记（输入）");

        var response = await department.SaveElementsAsync(implementation, form =>
        {
            form["Elements.StatutoryAmount"] = "二十";
            form["Elements.Process"] = "accept 受理\ndecide";
            form["Elements.Location"] = "不应保存的地点";
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("“法定办结时限”请填写整数", ErrorSummary(html));
        Assert.Contains("办理流程第 2 行应为“编号 名称”", ErrorSummary(html));
        Assert.Contains("“法定办结时限”请填写整数", FieldError(html, "Elements_StatutoryAmount"));
        Assert.Contains("value=\"不应保存的地点\"", html);
        Assert.DoesNotContain("不应保存的地点", Pages.Text(await department.GetPageAsync(implementation)));
    }

    [Fact]
    public async Task CountyAdmin_CannotSeeACityImplementation_AndEditsOnlyTheirCountysOwn()
    {
        var admin = await app.SignedInBrowserAsync("ADMIN");
        var county = await app.SignedInBrowserAsync("PX-REGION");
        var city = await app.CompleteDraftAsync(await app.SignedInBrowserAsync("SN-SCJ-ADMIN"), DemoCity.MarketRegulation, "食品小作坊登记（市）");
        foreach (var path in new[] { city, $"{city}/edit", $"{city}/materials", $"{city}/versions" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await county.GetAsync(path)).StatusCode);
        }

        var code = CatalogActions.NewBasicCode();
        await admin.IssueItemAsync(code, "个体工商户登记（县）", "County");
        Assert.DoesNotContain("个体工商户登记（县）", Pages.Text(await (await app.SignedInBrowserAsync("SN-SCJ-ADMIN")).GetPageAsync($"/admin/catalog?q={code}")));
        var pengxi = await county.ClaimAsync(code, DemoCity.PengxiMarketRegulation);
        var shehong = await admin.ClaimAsync(code, DemoCity.ShehongMarketRegulation);

        await AssertRedirectedAsync(await county.SaveElementsAsync(pengxi, form => form["Elements.Location"] = "蓬溪县政务服务中心"), pengxi);
        Assert.Contains("蓬溪县政务服务中心", Pages.Text(await county.GetPageAsync(pengxi)));
        Assert.Equal(HttpStatusCode.NotFound, (await county.GetAsync($"{shehong}/edit")).StatusCode);
        var html = await county.GetPageAsync($"{pengxi}/edit");
        var forged = await county.PostAsync($"{shehong}/edit", FormValues.Of(html, "Elements.Name").Content());
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        var row = await county.DeskRowAsync(code);
        Assert.Contains("蓬溪县市场监督管理局", row);
        Assert.DoesNotContain("射洪市", row);
    }

    [Fact]
    public async Task UnclaimedItem_IsFlaggedOverdue_OnceTheClockPassesTheClaimDeadline()
    {
        var department = await app.SignedInBrowserAsync("SN-SCJ-ADMIN");
        var code = CatalogActions.NewBasicCode();
        await (await app.SignedInBrowserAsync("ADMIN")).IssueItemAsync(code, "检验检测机构资质认定（期限）");
        var deadline = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime).AddDays(15);

        var row = await department.DeskRowAsync(code);
        Assert.Contains($"认领期限：{deadline:yyyy-MM-dd}", row);
        Assert.DoesNotContain("逾期未认领", row);
        Assert.Contains("检验检测机构资质认定（期限）", Pages.Text(await department.GetPageAsync($"/admin/catalog?q={code}&unclaimed=true")));

        app.Clock.Advance(TimeSpan.FromDays(15) + TimeSpan.FromMinutes(1));
        department = await app.SignedInBrowserAsync("SN-SCJ-ADMIN");

        Assert.Contains("逾期未认领", await department.DeskRowAsync(code));
        await department.ClaimAsync(code, DemoCity.MarketRegulation);
        row = await department.DeskRowAsync(code);
        Assert.Contains("已认领", row);
        Assert.DoesNotContain("逾期", row);
        Assert.DoesNotContain("检验检测机构资质认定（期限）", Pages.Text(await department.GetPageAsync($"/admin/catalog?q={code}&unclaimed=true")));
    }

    [Fact]
    public async Task ClaimExemption_IsFiledWithAReasonAndLeadDepartment_AndTheItemNeedsNoClaim()
    {
        var region = await app.SignedInBrowserAsync("SN-REGION");
        var department = await app.SignedInBrowserAsync("SN-SCJ-ADMIN");
        var code = CatalogActions.NewBasicCode();
        await (await app.SignedInBrowserAsync("ADMIN")).IssueItemAsync(code, "粮食收购资格认定（备案）");
        Assert.Contains($"href=\"/admin/catalog/items/{code}/exemption\"", await region.GetPageAsync($"/admin/catalog?q={code}"));
        Assert.DoesNotContain("/exemption", await department.GetPageAsync($"/admin/catalog?q={code}"));

        var withoutReason = await region.PostFormAsync($"/admin/catalog/items/{code}/exemption", [new("Reason", ""), new("LeadDepartmentId", DemoCity.MarketRegulation.ToString())]);
        Assert.Equal(HttpStatusCode.OK, withoutReason.StatusCode);
        Assert.Contains("请说明无需认领的理由", FieldError(await withoutReason.Content.ReadAsStringAsync(), "Reason"));

        var filed = await region.PostFormAsync($"/admin/catalog/items/{code}/exemption", [new("Reason", "本市无粮食收购企业，由省级统一实施"), new("LeadDepartmentId", DemoCity.MarketRegulation.ToString())]);
        await AssertRedirectedAsync(filed, "/admin/catalog");

        var row = await department.DeskRowAsync(code);
        Assert.Contains("无需认领 理由：本市无粮食收购企业，由省级统一实施（牵头部门：市市场监督管理局", row);
        Assert.DoesNotContain("认领期限", row);
        Assert.DoesNotContain("name=\"departmentId\"", await department.GetPageAsync($"/admin/catalog?q={code}"));
        Assert.Equal(HttpStatusCode.Redirect, (await department.GetAsync($"/admin/catalog/items/{code}/exemption")).StatusCode);
        var again = await region.PostFormAsync($"/admin/catalog/items/{code}/exemption", [new("Reason", "重复"), new("LeadDepartmentId", DemoCity.MarketRegulation.ToString())]);
        Assert.Contains("已备案为本级无需认领", ErrorSummary(await again.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task ListElements_AreAddedChangedAndRemoved_AndTheSubmissionRulesSeeThem()
    {
        var department = await app.SignedInBrowserAsync("SN-SCJ-ADMIN");
        var implementation = await app.CompleteDraftAsync(department, DemoCity.MarketRegulation, "药品经营许可（材料）");
        var materials = $"{implementation}/materials";
        var situations = $"{implementation}/situations";

        await AssertRedirectedAsync(await department.ActAsync(materials, "Save",
            new("Key", "licence"), new("Name", "营业执照"), new("Necessity", "Required"), new("Form", "Electronic"), new("Copies", "1"), new("Source", "Government"), new("AcceptanceCriteria", "在有效期内")), materials);
        await AssertRedirectedAsync(await department.ActAsync(materials, "Save",
            new("Key", "agent"), new("Name", "授权委托书"), new("Necessity", "Required"), new("Form", "Original"), new("Copies", "1"), new("Source", "Applicant"), new("Conditional", "true")), materials);
        var badCopies = await department.ActAsync(materials, "Save", new("Key", "x"), new("Name", "其他"), new("Copies", "两"));
        Assert.Contains("“份数”请填写整数", FieldError(await badCopies.Content.ReadAsStringAsync(), "Copies"));

        var refused = ErrorSummary(await (await department.ActAsync(implementation, "Submit")).Content.ReadAsStringAsync());
        Assert.Contains("“营业执照”由政府部门核发，不得要求申请人提交", refused);
        Assert.Contains("“授权委托书”仅在特定情形下需要，但没有任何情形选项会要求它", refused);

        // The form offers the licence's values to change; saving under the same key replaces it.
        Assert.Contains(">在有效期内</textarea>", await department.GetPageAsync($"{materials}?edit=licence"));
        await AssertRedirectedAsync(await department.ActAsync(materials, "Save",
            new("Key", "licence"), new("Name", "营业执照"), new("Necessity", "Required"), new("Form", "Electronic"), new("Copies", "1"), new("Source", "Government"), new("ByLicence", "true"), new("LicenceType", "11100000000013338W001")), materials);
        await AssertRedirectedAsync(await department.ActAsync(situations, "Save",
            new("Key", "who"), new("Question", "是否委托他人办理？"), new("Answers[0].Key", "self"), new("Answers[0].Text", "本人办理"), new("Answers[1].Key", "agent"), new("Answers[1].Text", "委托他人"), new("Answers[1].Adds", "agent")), situations);
        await AssertRedirectedAsync(await department.ActAsync($"{implementation}/variants", "Save", new("Suffix", "01"), new("Name", "新办")), $"{implementation}/variants");
        await AssertRedirectedAsync(await department.ActAsync($"{implementation}/fees", "Save", new("Name", "工本费"), new("Standard", "不收费"), new("Basis", "无")), $"{implementation}/fees");
        await AssertRedirectedAsync(await department.ActAsync($"{implementation}/form", "Save",
            new("Key", "name"), new("Label", "申请人姓名"), new("Type", "Text"), new("Required", "true"), new("MaxLength", "50"), new("Prefill", "person.name")), $"{implementation}/form");

        var list = Pages.Text(await department.GetPageAsync(materials));
        Assert.Contains("licence 营业执照 必要 电子 1 份 政府部门核发 电子证照（11100000000013338W001）", list);
        Assert.Contains("是否委托他人办理？ 本人办理（self） 委托他人（agent） 增加：agent", Pages.Text(await department.GetPageAsync(situations)));
        Assert.Contains("name 申请人姓名 文本 必填 ，最多 50 字 person.name", Pages.Text(await department.GetPageAsync($"{implementation}/form")));
        await department.SubmitAsync(implementation);

        // Under review nothing can be removed; after a return the fee goes.
        Assert.DoesNotContain("删除", Pages.Text(await department.GetPageAsync($"{implementation}/fees")));
        await AssertRedirectedAsync(await (await app.SignedInBrowserAsync("SN-REGION")).ActAsync(implementation, "Return", new KeyValuePair<string, string>("ReturnReason", "不收费事项无需列收费项目")), implementation);
        await AssertRedirectedAsync(await department.ActAsync($"{implementation}/fees", "Remove", new KeyValuePair<string, string>("key", "工本费")), $"{implementation}/fees");
        var fees = Pages.Text(await department.GetPageAsync($"{implementation}/fees"));
        Assert.Contains("已删除“工本费”", fees);
        Assert.Contains("还没有收费项目", fees);
    }

    private async Task<PublishedImplementation?> FindPublishedAsync(ImplementationCode code, int? version)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ICatalog>().FindPublishedAsync(code, version, CancellationToken.None);
    }

    private static ImplementationCode ImplementationCodeOn(string pageText) =>
        ImplementationCode.FromTrusted(Regex.Match(pageText, "实施编码 ([0-9A-Z]{31})").Groups[1].Value);
}

public sealed class WorkflowOnSqlite(SqliteApp app) : WorkflowTests(app), IClassFixture<SqliteApp>;

public sealed class WorkflowOnPostgres(PostgresApp app) : WorkflowTests(app), IClassFixture<PostgresApp>;
