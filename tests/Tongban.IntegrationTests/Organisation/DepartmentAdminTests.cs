using System.Net;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Platform.Demo;
using static Tongban.IntegrationTests.Organisation.OrganisationAdmin;

namespace Tongban.IntegrationTests.Organisation;

public abstract class DepartmentAdminTests(TongbanApp app)
{
    private static readonly string CityMarketRegulation = $"/admin/departments/{DemoCity.MarketRegulation}/edit";

    [Fact]
    public async Task PlatformAdmin_CreatesADepartment_AndSeesItListedWithItsRegion()
    {
        var admin = await app.SignedInBrowserAsync("ADMIN");
        var name = Unique("市测试管理局");
        var uscc = NewUscc().Value;

        var response = await admin.CreateDepartmentAsync(uscc, name, City);

        await AssertRedirectedAsync(response, "/admin/departments");
        var list = Pages.Text(await admin.GetPageAsync("/admin/departments"));
        Assert.Contains($"已新增部门“{name}”", list);
        Assert.Contains($"{name} {uscc} 遂宁市", list);
    }

    [Fact]
    public async Task CreateDepartment_WithAWrongCheckCharacter_ShowsTheRuleAndCreatesNothing()
    {
        var admin = await app.SignedInBrowserAsync("ADMIN");
        var name = Unique("校验码错误局");
        var valid = NewUscc().Value;
        var wrong = valid[..17] + (valid[17] == '1' ? '2' : '1');

        var response = await admin.CreateDepartmentAsync(wrong, name, City);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var rule = $"统一社会信用代码校验码错误：应为 {valid[17]}。";
        Assert.Contains(rule, ErrorSummary(html));
        Assert.Contains(rule, FieldError(html, "Uscc"));
        Assert.DoesNotContain(name, Pages.Text(await admin.GetPageAsync("/admin/departments")));
    }

    [Fact]
    public async Task CreateDepartment_WithAUsccAnotherDepartmentHolds_IsRefused()
    {
        var admin = await app.SignedInBrowserAsync("ADMIN");
        var name = Unique("重复代码局");
        var taken = DemoCity.UsccFor("11", City, "MB1A0003").Value;

        var response = await admin.CreateDepartmentAsync(taken, name, City);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"统一社会信用代码 {taken} 已被其他部门使用", ErrorSummary(html));
        Assert.NotEmpty(FieldError(html, "Uscc"));
        Assert.DoesNotContain(name, Pages.Text(await admin.GetPageAsync("/admin/departments")));
    }

    [Fact]
    public async Task CreateDepartment_WithoutAName_ShowsTheRuleBesideTheField()
    {
        var admin = await app.SignedInBrowserAsync("ADMIN");

        var response = await admin.CreateDepartmentAsync(NewUscc().Value, "  ", City);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("请填写部门名称", ErrorSummary(html));
        Assert.Contains("请填写部门名称", FieldError(html, "Name"));
    }

    [Fact]
    public async Task CountyAdmin_ListsOnlyTheirCountysDepartments()
    {
        var county = await app.SignedInBrowserAsync("PX-REGION");

        var list = Pages.Text(await county.GetPageAsync("/admin/departments"));

        Assert.Contains("蓬溪县市场监督管理局", list);
        Assert.DoesNotContain("市公安局", list);
        Assert.DoesNotContain("市市场监督管理局", list);
        Assert.DoesNotContain("射洪市市场监督管理局", list);
        Assert.DoesNotContain("船山区政务服务和大数据局", list);
    }

    [Fact]
    public async Task CountyAdmin_OpeningOrPostingACityDepartmentsEditPage_GetsNotFound()
    {
        var county = await app.SignedInBrowserAsync("PX-REGION");

        var opened = await county.GetAsync(CityMarketRegulation);
        Assert.Equal(HttpStatusCode.NotFound, opened.StatusCode);
        Assert.Contains("页面不存在", Pages.Text(await opened.Content.ReadAsStringAsync()));

        // The form token comes from a page the county administrator may open.
        var posted = await county.ForgePostAsync("/admin/departments/new",
            [new("Version", "0"), new("Name", "被篡改的名称"), new("RegionCode", Pengxi), new("ParentId", "")],
            CityMarketRegulation);
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);

        var admin = await app.SignedInBrowserAsync("ADMIN");
        var list = Pages.Text(await admin.GetPageAsync("/admin/departments"));
        Assert.Contains("市市场监督管理局", list);
        Assert.DoesNotContain("被篡改的名称", list);
    }

    [Fact]
    public async Task CountyAdmin_CreatingADepartmentInTheCityRegion_IsRefused()
    {
        var county = await app.SignedInBrowserAsync("PX-REGION");
        var name = Unique("越权新增局");

        var response = await county.CreateDepartmentAsync(NewUscc().Value, name, City);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"行政区划 {City} 不存在或不在您的管理范围内", ErrorSummary(html));
        Assert.NotEmpty(FieldError(html, "RegionCode"));
        Assert.DoesNotContain(name, Pages.Text(await (await app.SignedInBrowserAsync("ADMIN")).GetPageAsync("/admin/departments")));
    }

    [Fact]
    public async Task CountyAdmin_CreatesADepartmentUnderTheCityBureau_AndKeepsThatParentWhenRenaming()
    {
        var county = await app.SignedInBrowserAsync("PX-REGION");
        var admin = await app.SignedInBrowserAsync("ADMIN");
        var parent = await admin.CreatedDepartmentAsync(Unique("市垂直管理局"));
        var name = Unique("县垂直管理分局");

        // A county admin may not choose a city department as parent...
        var refused = await county.CreateDepartmentAsync(NewUscc(Pengxi).Value, name, Pengxi, parent);
        Assert.Contains("所选上级部门不存在或不在您的管理范围内", ErrorSummary(await refused.Content.ReadAsStringAsync()));

        // ...but keeps one the platform administrator set.
        var id = await county.CreatedDepartmentAsync(name, Pengxi);
        var edit = await admin.GetPageAsync($"/admin/departments/{id}/edit");
        await AssertRedirectedAsync(await admin.EditDepartmentAsync(id, FormVersion(edit), name, Pengxi, parent), "/admin/departments");
        var countyEdit = await county.GetPageAsync($"/admin/departments/{id}/edit");
        await AssertRedirectedAsync(await county.EditDepartmentAsync(id, FormVersion(countyEdit), name + "（更名）", Pengxi, parent), "/admin/departments");
        Assert.Contains($"{name}（更名）", Pages.Text(await admin.GetPageAsync("/admin/departments")));
    }

    [Fact]
    public async Task EditDepartment_BasedOnAStaleVersion_IsRefusedAndChangesNothing()
    {
        var first = await app.SignedInBrowserAsync("ADMIN");
        var second = await app.SignedInBrowserAsync("SN-REGION");
        var name = Unique("并发编辑局");
        var id = await first.CreatedDepartmentAsync(name);
        var path = $"/admin/departments/{id}/edit";

        // Both open the form; the first saves, then the second saves what it saw.
        var seenByFirst = FormVersion(await first.GetPageAsync(path));
        var seenBySecond = FormVersion(await second.GetPageAsync(path));
        Assert.Equal(seenByFirst, seenBySecond);
        await AssertRedirectedAsync(await first.EditDepartmentAsync(id, seenByFirst, name + "甲", City), "/admin/departments");
        var stale = await second.EditDepartmentAsync(id, seenBySecond, name + "乙", City);

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains(StaleMessage, ErrorSummary(await stale.Content.ReadAsStringAsync()));
        var list = Pages.Text(await first.GetPageAsync("/admin/departments"));
        Assert.Contains(name + "甲", list);
        Assert.DoesNotContain(name + "乙", list);
        Assert.Equal(seenByFirst + 1, FormVersion(await first.GetPageAsync(path)));
    }

    [Fact]
    public async Task EditDepartment_UnderItsOwnSubordinate_IsRefused()
    {
        var admin = await app.SignedInBrowserAsync("ADMIN");
        var parentName = Unique("循环上级局");
        var parent = await admin.CreatedDepartmentAsync(parentName);
        var childName = Unique("循环下级科");
        await AssertRedirectedAsync(await admin.CreateDepartmentAsync(NewUscc().Value, childName, City, parent), "/admin/departments");
        var child = await admin.DepartmentIdAsync(childName);

        var edit = await admin.GetPageAsync($"/admin/departments/{parent}/edit");
        var response = await admin.EditDepartmentAsync(parent, FormVersion(edit), parentName, City, child);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("上级部门不能是本部门的下级部门", ErrorSummary(html));
        Assert.NotEmpty(FieldError(html, "ParentId"));
    }

    [Fact]
    public async Task DepartmentChanges_AreAudited_AndTheChainStaysIntact()
    {
        var adminApi = await app.ApiClientAsync("ADMIN");
        var admin = await app.SignedInBrowserAsync("ADMIN");
        var name = Unique("审计测试局");
        var (intactBefore, recordsBefore) = await adminApi.VerifyAuditAsync();
        Assert.True(intactBefore);

        var id = await admin.CreatedDepartmentAsync(name);
        var edit = await admin.GetPageAsync($"/admin/departments/{id}/edit");
        await AssertRedirectedAsync(await admin.EditDepartmentAsync(id, FormVersion(edit), name + "（新）", City), "/admin/departments");

        var (intact, records) = await adminApi.VerifyAuditAsync();
        Assert.True(intact);
        Assert.Equal(recordsBefore + 2, records);
        Assert.Contains($"已保存部门“{name}（新）”", Pages.Text(await admin.GetPageAsync("/admin/departments")));
        var audit = await app.AuditOfAsync(id.ToString());
        Assert.Equal(["department.create", "department.update"], audit.Select(r => r.Action));
        Assert.All(audit, r => Assert.Equal("PlatformAdmin", r.ActorRole));
        Assert.Null(audit[0].Before);
        Assert.Contains(name, audit[0].After);
        Assert.Contains($"\"name\":\"{name}\"", audit[1].Before);
        Assert.Contains($"\"name\":\"{name}（新）\"", audit[1].After);
    }
}

public sealed class DepartmentAdminOnSqlite(SqliteApp app) : DepartmentAdminTests(app), IClassFixture<SqliteApp>;

public sealed class DepartmentAdminOnPostgres(PostgresApp app) : DepartmentAdminTests(app), IClassFixture<PostgresApp>;
