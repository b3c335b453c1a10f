using System.Net;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Platform.Demo;
using static Tongban.IntegrationTests.Organisation.OrganisationAdmin;

namespace Tongban.IntegrationTests.Organisation;

public abstract class HallAdminTests(TongbanApp app)
{
    [Fact]
    public async Task CountyAdmin_ListsOnlyTheirCountysHalls_AndCannotOpenTheCityHall()
    {
        var county = await app.SignedInBrowserAsync("PX-REGION");

        var list = Pages.Text(await county.GetPageAsync("/admin/halls"));

        Assert.Contains("蓬溪县政务服务中心", list);
        Assert.DoesNotContain("遂宁市政务服务中心", list);
        Assert.Equal(HttpStatusCode.NotFound, (await county.GetAsync($"/admin/halls/{DemoCity.CityHall}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await county.GetAsync($"/admin/halls/{DemoCity.CityHall}/edit")).StatusCode);
        var intoCityHall = await county.ForgePostAsync($"/admin/halls/{DemoCity.PengxiHall}",
            [new("Number", "Z2"), new("Kind", "Comprehensive")], $"/admin/halls/{DemoCity.CityHall}?handler=Open");
        Assert.Equal(HttpStatusCode.NotFound, intoCityHall.StatusCode);
        Assert.DoesNotContain("Z2", Pages.Text(await (await app.SignedInBrowserAsync("ADMIN")).GetPageAsync($"/admin/halls/{DemoCity.CityHall}")));
    }

    [Fact]
    public async Task Admin_CreatesAHall_OpensWindows_AndClosesOne()
    {
        var admin = await app.SignedInBrowserAsync("ADMIN");
        var name = Unique("测试政务服务中心");

        var hall = await admin.CreatedHallAsync(OrganisationAdmin.City, name);
        await AssertRedirectedAsync(await admin.OpenWindowAsync(hall, "A01", "综合受理窗口", "Comprehensive"), hall);
        await AssertRedirectedAsync(await admin.OpenWindowAsync(hall, "B01", "公安专窗", "Dedicated", DemoCity.PublicSecurity), hall);

        var html = await admin.GetPageAsync(hall);
        var text = Pages.Text(html);
        Assert.Contains("已开设窗口 B01", text);
        Assert.Contains("A01 综合受理窗口 综合窗口", text);
        Assert.Contains("B01 公安专窗 专窗 市公安局", text);
        Assert.Contains($"{name} 遂宁市", Pages.Text(await admin.GetPageAsync("/admin/halls")));

        var windowId = System.Text.RegularExpressions.Regex.Match(html, "name=\"windowId\" value=\"([0-9a-f-]{36})\"").Groups[1].Value;
        var closed = await admin.PostFormAsync(hall, [new("windowId", windowId)], postPath: $"{hall}?handler=Close");
        await AssertRedirectedAsync(closed, hall);
        text = Pages.Text(await admin.GetPageAsync(hall));
        Assert.Contains("已关闭窗口 A01", text);
        Assert.DoesNotContain("综合受理窗口 综合窗口", text);
        Assert.Contains("B01 公安专窗", text);
        var audit = await app.AuditOfAsync(hall["/admin/halls/".Length..]);
        Assert.Equal(["hall.create", "hall.window-open", "hall.window-open", "hall.window-close"], audit.Select(r => r.Action));
        Assert.Contains("\"number\":\"A01\"", audit[3].Before);
        Assert.Null(audit[3].After);
    }

    [Fact]
    public async Task OpenWindow_DedicatedWithoutADepartment_IsRefused()
    {
        var admin = await app.SignedInBrowserAsync("ADMIN");
        var hall = await admin.CreatedHallAsync(OrganisationAdmin.City, Unique("专窗测试中心"));

        var response = await admin.OpenWindowAsync(hall, "C09", "无部门专窗", "Dedicated");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("专窗必须选择所属部门", ErrorSummary(html));
        Assert.Contains("专窗必须选择所属部门", FieldError(html, "DepartmentId"));
        Assert.DoesNotContain("无部门专窗 专窗", Pages.Text(await admin.GetPageAsync(hall)));
    }

    [Fact]
    public async Task OpenWindow_WithANumberTheHallAlreadyHas_IsRefused()
    {
        var admin = await app.SignedInBrowserAsync("ADMIN");
        var hall = await admin.CreatedHallAsync(OrganisationAdmin.City, Unique("编号测试中心"));
        await AssertRedirectedAsync(await admin.OpenWindowAsync(hall, "A01", "一号窗口", "Comprehensive"), hall);

        var response = await admin.OpenWindowAsync(hall, "a01", "重复窗口", "Comprehensive");

        Assert.Contains("本大厅已有编号为 a01 的窗口", ErrorSummary(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task CountyAdmin_OpeningADedicatedWindowForACityDepartment_IsRefused()
    {
        var county = await app.SignedInBrowserAsync("PX-REGION");
        var hall = await county.CreatedHallAsync(OrganisationAdmin.Pengxi, Unique("县专窗测试中心"));

        var response = await county.OpenWindowAsync(hall, "9", "越权专窗", "Dedicated", DemoCity.PublicSecurity);

        Assert.Contains("所选部门不存在或不在您的管理范围内", ErrorSummary(await response.Content.ReadAsStringAsync()));
        await AssertRedirectedAsync(await county.OpenWindowAsync(hall, "9", "市场监管专窗", "Dedicated", DemoCity.PengxiMarketRegulation), hall);
        Assert.Contains("9 市场监管专窗 专窗 蓬溪县市场监督管理局", Pages.Text(await county.GetPageAsync(hall)));
    }

    [Fact]
    public async Task CreateHall_WithOnlyALatitude_ShowsTheRule()
    {
        var admin = await app.SignedInBrowserAsync("ADMIN");
        var name = Unique("坐标测试中心");

        var response = await admin.CreateHallAsync(OrganisationAdmin.City, name, "测试路 2 号", latitude: "30.5");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("经度和纬度须同时填写", ErrorSummary(html));
        Assert.NotEmpty(FieldError(html, "Longitude"));
        Assert.DoesNotContain(name, Pages.Text(await admin.GetPageAsync("/admin/halls")));
    }

    [Fact]
    public async Task EditHall_SavesTheDetails_AndRefusesAStaleVersion()
    {
        var admin = await app.SignedInBrowserAsync("ADMIN");
        var name = Unique("编辑测试中心");
        var hall = await admin.CreatedHallAsync(OrganisationAdmin.City, name);
        var version = FormVersion(await admin.GetPageAsync($"{hall}/edit"));

        Task<HttpResponseMessage> Edit(string newName, int seen) => admin.PostFormAsync($"{hall}/edit",
            [new("Version", seen.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Name", newName), new("Address", "新地址 9 号"),
             new("OpeningHours", "周一至周六"), new("Latitude", "30.5"), new("Longitude", "105.6")]);

        await AssertRedirectedAsync(await Edit(name + "（新）", version), hall);
        var stale = await Edit(name + "（旧）", version);

        Assert.Contains(StaleMessage, ErrorSummary(await stale.Content.ReadAsStringAsync()));
        var text = Pages.Text(await admin.GetPageAsync(hall));
        Assert.Contains(name + "（新）", text);
        Assert.Contains("新地址 9 号", text);
        Assert.Contains("30.5, 105.6", text);
        Assert.DoesNotContain(name + "（旧）", text);
    }
}

public sealed class HallAdminOnSqlite(SqliteApp app) : HallAdminTests(app), IClassFixture<SqliteApp>;

public sealed class HallAdminOnPostgres(PostgresApp app) : HallAdminTests(app), IClassFixture<PostgresApp>;
