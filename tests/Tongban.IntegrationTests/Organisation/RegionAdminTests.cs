using System.Net;
using Tongban.IntegrationTests.Infrastructure;
using static Tongban.IntegrationTests.Organisation.OrganisationAdmin;

namespace Tongban.IntegrationTests.Organisation;

/// <summary>Each test adds regions under its own codes, so tests sharing the app never collide.</summary>
public abstract class RegionAdminTests(TongbanApp app)
{
    [Fact]
    public async Task RegionTree_ListsRegionsIndentedWithTheirLevelInChinese()
    {
        var admin = await app.SignedInBrowserAsync("ADMIN");

        var html = await admin.GetPageAsync("/admin/regions");

        var text = Pages.Text(html);
        Assert.Contains("遂宁市 510900000000 市", text);
        Assert.Contains("蓬溪县 510921000000 县", text);
        Assert.Contains("赤城镇 510921100000 乡", text);
        Assert.Contains("赤城镇新胜村 510921100201 村", text);
        Assert.True(text.IndexOf("蓬溪县", StringComparison.Ordinal) < text.IndexOf("赤城镇", StringComparison.Ordinal), "a township follows its county");
        Assert.Contains("padding-left: calc(.5rem + 6em)", html);
    }

    [Fact]
    public async Task CountyAdmin_SeesOnlyTheirCountyAndBelow()
    {
        var county = await app.SignedInBrowserAsync("PX-REGION");

        var text = Pages.Text(await county.GetPageAsync("/admin/regions"));

        Assert.Contains("蓬溪县", text);
        Assert.Contains("赤城镇新胜村", text);
        Assert.DoesNotContain("遂宁市 510900000000", text);
        Assert.DoesNotContain("船山区", text);
        Assert.DoesNotContain("射洪市", text);
    }

    [Fact]
    public async Task CountyAdmin_AddsATownshipUnderTheirCounty_AndRenamesIt()
    {
        var county = await app.SignedInBrowserAsync("PX-REGION");
        const string code = "510921101000";

        await AssertRedirectedAsync(await county.AddRegionAsync(code, "测试镇"), "/admin/regions");
        Assert.Contains($"测试镇 {code} 乡", Pages.Text(await county.GetPageAsync("/admin/regions")));

        await AssertRedirectedAsync(await county.RenameRegionAsync(code, "  新测试镇 "), "/admin/regions");
        var text = Pages.Text(await county.GetPageAsync("/admin/regions"));
        Assert.Contains($"新测试镇 {code} 乡", text);
        Assert.DoesNotContain($" 测试镇 {code}", text);
        Assert.Equal(["region.create", "region.rename"], (await app.AuditOfAsync(code)).Select(r => r.Action));
    }

    [Fact]
    public async Task CountyAdmin_AddingARegionOutsideTheirCounty_IsRefused()
    {
        var county = await app.SignedInBrowserAsync("PX-REGION");
        const string code = "510922000000";

        var response = await county.AddRegionAsync(code, "越权县");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("上级区划 510900000000 不存在或不在您的管理范围内", ErrorSummary(html));
        Assert.NotEmpty(FieldError(html, "Code"));
        Assert.DoesNotContain("越权县", Pages.Text(await (await app.SignedInBrowserAsync("ADMIN")).GetPageAsync("/admin/regions")));
    }

    [Fact]
    public async Task AddRegion_WhoseParentDoesNotExist_IsRefused()
    {
        var admin = await app.SignedInBrowserAsync("ADMIN");

        var response = await admin.AddRegionAsync("510921102003", "无上级村");

        Assert.Contains("上级区划 510921102000 不存在或不在您的管理范围内", ErrorSummary(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task AddRegion_WithACodeAlreadyInUse_IsRefused()
    {
        var admin = await app.SignedInBrowserAsync("ADMIN");

        var response = await admin.AddRegionAsync("510921100000", "重复的镇");

        Assert.Contains("行政区划代码 510921100000 已存在", ErrorSummary(await response.Content.ReadAsStringAsync()));
        Assert.DoesNotContain("重复的镇", Pages.Text(await admin.GetPageAsync("/admin/regions")));
    }

    [Fact]
    public async Task AddRegion_WithAMalformedCode_ShowsTheCodeRule()
    {
        var admin = await app.SignedInBrowserAsync("ADMIN");

        var response = await admin.AddRegionAsync("51092110", "位数不对");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("行政区划代码应为 6 位或 12 位，实际为 8 位", ErrorSummary(html));
        Assert.Contains("行政区划代码应为 6 位或 12 位", FieldError(html, "Code"));
    }

    [Fact]
    public async Task CountyAdmin_RenamingACityRegion_GetsNotFound()
    {
        var county = await app.SignedInBrowserAsync("PX-REGION");

        Assert.Equal(HttpStatusCode.NotFound, (await county.GetAsync("/admin/regions/510903000000/edit")).StatusCode);
        var posted = await county.ForgePostAsync("/admin/regions/new", [new("Name", "被改名的区")], "/admin/regions/510903000000/edit");
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.Contains("船山区", Pages.Text(await (await app.SignedInBrowserAsync("ADMIN")).GetPageAsync("/admin/regions")));
    }
}

public sealed class RegionAdminOnSqlite(SqliteApp app) : RegionAdminTests(app), IClassFixture<SqliteApp>;

public sealed class RegionAdminOnPostgres(PostgresApp app) : RegionAdminTests(app), IClassFixture<PostgresApp>;
