using System.Net;
using System.Text.Json;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Platform.Demo;
using static Tongban.IntegrationTests.Identity.StaffActions;

namespace Tongban.IntegrationTests.Identity;

public abstract class StaffAdministrationTests(TongbanApp app)
{
    [Fact]
    public async Task CreateStaff_ThenTheyCanSignInWithTheirRolesAndScope()
    {
        using var admin = await app.SignedInBrowserAsync("ADMIN");
        var employeeId = NewEmployeeId("px-clerk");
        var page = await admin.EnrolStaffAsync(employeeId, Pengxi, null, "WindowClerk");

        Assert.Contains("已新增人员", Pages.Text(await admin.GetPageAsync($"{page}?done=created")));
        var facts = await admin.StaffFactsAsync(page);
        Assert.Contains(employeeId, facts);
        Assert.Contains("窗口人员", facts);
        Assert.Contains("蓬溪县", facts);
        Assert.Contains("在岗", facts);

        using var clerk = await app.SignedInBrowserAsync(employeeId.ToLowerInvariant(), password: InitialPassword);
        var workbench = Pages.Text(await clerk.GetPageAsync("/workbench"));
        Assert.Contains("窗口人员", workbench);
        Assert.Contains("蓬溪县", workbench);
    }

    [Fact]
    public async Task CreateStaff_WithAnEmployeeIdInUse_SaysSoBesideTheField()
    {
        using var admin = await app.SignedInBrowserAsync("ADMIN");
        var html = await RefusedFormTextAsync(await admin.SubmitNewStaffAsync("sn-clerk", City, DemoCity.BigData, ["WindowClerk"]));
        Assert.Contains("工号 sn-clerk 已被使用", Pages.Text(html));
        Assert.Contains("id=\"EmployeeId-error\"", html);
    }

    [Theory]
    [InlineData("abcdefgh")]
    [InlineData("12345678")]
    [InlineData("abc123")]
    public async Task CreateStaff_WithAWeakPassword_IsRefusedAndNoAccountExists(string password)
    {
        using var admin = await app.SignedInBrowserAsync("ADMIN");
        var employeeId = NewEmployeeId("weak");
        var html = await RefusedFormTextAsync(await admin.SubmitNewStaffAsync(employeeId, City, DemoCity.BigData, ["WindowClerk"], password));
        Assert.Contains("密码至少 8 位，且须同时包含字母和数字", Pages.Text(html));
        Assert.Contains("id=\"Password-error\"", html);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.RequestTokenAsync(employeeId, password)).StatusCode);
    }

    [Fact]
    public async Task RegionAdmin_CannotGrantPlatformAdmin()
    {
        using var pengxi = await app.SignedInBrowserAsync("PX-REGION");
        Assert.DoesNotContain("平台管理员", Pages.Text(await pengxi.GetPageAsync("/admin/staff/new")));

        var employeeId = NewEmployeeId("px-boss");
        var html = await RefusedFormTextAsync(await pengxi.SubmitNewStaffAsync(employeeId, Pengxi, null, ["PlatformAdmin"]));
        Assert.Contains("只有平台管理员可以授予“平台管理员”角色", Pages.Text(html));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.RequestTokenAsync(employeeId, InitialPassword)).StatusCode);
    }

    [Fact]
    public async Task RegionAdmin_CannotPlaceStaffOutsideTheirRegion()
    {
        using var pengxi = await app.SignedInBrowserAsync("PX-REGION");
        var html = await RefusedFormTextAsync(await pengxi.SubmitNewStaffAsync(NewEmployeeId("px-far"), "510981000000", null, ["WindowClerk"]));
        Assert.Contains("管辖区域必须在您本人的管辖范围之内", Pages.Text(html));
        Assert.Contains("id=\"ScopeRegion-error\"", html);
    }

    [Fact]
    public async Task DepartmentAdmin_EnrolsOnlyForTheirOwnDepartment_AndSeesOnlyItsStaff()
    {
        using var market = await app.SignedInBrowserAsync("SN-SCJ-ADMIN");
        var refused = await RefusedFormTextAsync(await market.SubmitNewStaffAsync(NewEmployeeId("scj"), City, DemoCity.Tax, ["Approver"]));
        Assert.Contains("部门管理员只能为本部门添加和管理人员", Pages.Text(refused));
        var regionAdmin = await RefusedFormTextAsync(await market.SubmitNewStaffAsync(NewEmployeeId("scj"), City, DemoCity.MarketRegulation, ["RegionAdmin"]));
        Assert.Contains("部门管理员不能授予“区域管理员”", Pages.Text(regionAdmin));

        var employeeId = NewEmployeeId("scj");
        await market.EnrolStaffAsync(employeeId, City, DemoCity.MarketRegulation, "Approver");

        var list = Pages.Text(await market.GetPageAsync("/admin/staff"));
        Assert.Contains(employeeId, list);
        Assert.Contains("SN-APPROVER", list);
        Assert.DoesNotContain("SN-CLERK", list);
        Assert.DoesNotContain("PX-APPROVER", list);
    }

    [Fact]
    public async Task PengxiRegionAdmin_SeesOnlyPengxiStaff_AndOthersAreNotFound()
    {
        using var admin = await app.SignedInBrowserAsync("ADMIN");
        var cityStaff = await admin.EnrolStaffAsync(NewEmployeeId("sn-other"), City, DemoCity.BigData, "WindowClerk");

        using var pengxi = await app.SignedInBrowserAsync("PX-REGION");
        var list = Pages.Text(await pengxi.GetPageAsync("/admin/staff"));
        Assert.Contains("PX-CLERK", list);
        Assert.Contains("PX-APPROVER", list);
        Assert.DoesNotContain("SN-CLERK", list);
        Assert.DoesNotContain("SN-REGION", list);
        Assert.DoesNotContain("平台管理员", list);

        Assert.Equal(HttpStatusCode.NotFound, (await pengxi.GetAsync(await app.StaffPageOfAsync("SN-CLERK"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pengxi.GetAsync(cityStaff)).StatusCode);
        var disable = await pengxi.ForgePostAsync("/admin/staff", [new("DisabledReason", "调离")], $"{cityStaff}?handler=Disable");
        Assert.Equal(HttpStatusCode.NotFound, disable.StatusCode);
        Assert.Contains("在岗", await admin.StaffFactsAsync(cityStaff));
    }

    [Fact]
    public async Task Disable_EndsTheOpenSessionAndTheBearerTokenAtOnce_AndRefusesSignIn()
    {
        using var admin = await app.SignedInBrowserAsync("ADMIN");
        var employeeId = NewEmployeeId("sn-leaver");
        var page = await admin.EnrolStaffAsync(employeeId, City, DemoCity.BigData, "DepartmentAdmin");
        using var session = await app.SignedInBrowserAsync(employeeId, password: InitialPassword);
        using var api = await app.ApiClientAsync(employeeId, InitialPassword);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/workbench")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/staff")).StatusCode);

        var disabled = await admin.DisableAsync(page, "调离：调往市公安局");
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);

        var workbench = await session.GetAsync("/workbench");
        Assert.Equal(HttpStatusCode.Redirect, workbench.StatusCode);
        Assert.StartsWith("/signin", workbench.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/staff")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.RequestTokenAsync(employeeId, InitialPassword)).StatusCode);
        var signIn = await app.Browser().PostFormAsync("/signin?as=staff", [new("As", "staff"), new("Username", employeeId), new("Password", InitialPassword)]);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);

        var facts = await admin.StaffFactsAsync(page);
        Assert.Contains("已停用", facts);
        Assert.Contains("调离：调往市公安局", facts);
        var disabledList = Pages.Text(await admin.GetPageAsync("/admin/staff?status=Disabled"));
        Assert.Contains(employeeId, disabledList);
        Assert.DoesNotContain(employeeId, Pages.Text(await admin.GetPageAsync("/admin/staff?status=Active")));
    }

    [Fact]
    public async Task Disable_WithoutAReason_IsRefused()
    {
        using var admin = await app.SignedInBrowserAsync("ADMIN");
        var employeeId = NewEmployeeId("sn-stay");
        var page = await admin.EnrolStaffAsync(employeeId, City, DemoCity.BigData, "WindowClerk");

        var html = await RefusedFormTextAsync(await admin.DisableAsync(page, "  "));
        Assert.Contains("请填写停用原因", Pages.Text(html));
        Assert.Contains("id=\"DisabledReason-error\"", html);
        Assert.Equal(HttpStatusCode.OK, (await app.RequestTokenAsync(employeeId, InitialPassword)).StatusCode);
    }

    [Fact]
    public async Task Admin_CannotDisableThemselves()
    {
        using var admin = await app.SignedInBrowserAsync("ADMIN");
        var employeeId = NewEmployeeId("px-region");
        var page = await admin.EnrolStaffAsync(employeeId, Pengxi, null, "RegionAdmin");

        using var regionAdmin = await app.SignedInBrowserAsync(employeeId, password: InitialPassword);
        var own = Pages.Text(await regionAdmin.GetPageAsync(page));
        Assert.Contains("不能停用自己的账号", own);
        var html = await RefusedFormTextAsync(await regionAdmin.ForgePostAsync(page, [new("DisabledReason", "退休")], $"{page}?handler=Disable"));
        Assert.Contains("不能停用自己的账号", Pages.Text(html));
        Assert.Equal(HttpStatusCode.OK, (await regionAdmin.GetAsync("/workbench")).StatusCode);
    }

    [Fact]
    public async Task Enable_RestoresSignIn()
    {
        using var admin = await app.SignedInBrowserAsync("ADMIN");
        var employeeId = NewEmployeeId("sn-back");
        var page = await admin.EnrolStaffAsync(employeeId, City, DemoCity.BigData, "WindowClerk");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.DisableAsync(page, "离岗培训")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.RequestTokenAsync(employeeId, InitialPassword)).StatusCode);

        var enabled = await admin.EnableAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        Assert.Contains("已启用该账号", Pages.Text(await admin.GetPageAsync(enabled.Headers.Location!.OriginalString)));

        using var session = await app.SignedInBrowserAsync(employeeId, password: InitialPassword);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/workbench")).StatusCode);
    }

    [Fact]
    public async Task ChangeRoles_AppliesTheNewRolesAndEndsTheirSession()
    {
        using var admin = await app.SignedInBrowserAsync("ADMIN");
        var employeeId = NewEmployeeId("px-move");
        var page = await admin.EnrolStaffAsync(employeeId, Pengxi, null, "WindowClerk");
        using var session = await app.SignedInBrowserAsync(employeeId, password: InitialPassword);

        var changed = await admin.ChangeRolesAsync(page, await admin.ShownVersionAsync(page), Pengxi, DemoCity.PengxiMarketRegulation, "Approver");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(["Approver"], await app.RolesOfAsync(employeeId));
        Assert.Contains("蓬溪县 · 蓬溪县市场监督管理局", await admin.StaffFactsAsync(page));

        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/workbench")).StatusCode);
        using var again = await app.SignedInBrowserAsync(employeeId, password: InitialPassword);
        Assert.Contains("审批人员", Pages.Text(await again.GetPageAsync("/workbench")));
    }

    [Fact]
    public async Task ChangeRoles_FromAStalePage_IsRefused()
    {
        using var admin = await app.SignedInBrowserAsync("ADMIN");
        var employeeId = NewEmployeeId("sn-race");
        var page = await admin.EnrolStaffAsync(employeeId, City, DemoCity.BigData, "WindowClerk");
        var seen = await admin.ShownVersionAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.ChangeRolesAsync(page, seen, City, DemoCity.BigData, "Supervisor")).StatusCode);
        var html = await RefusedFormTextAsync(await admin.ChangeRolesAsync(page, seen, City, DemoCity.BigData, "DataOfficer"));
        Assert.Contains("已被他人修改", Pages.Text(html));

        Assert.Equal(["Supervisor"], await app.RolesOfAsync(employeeId));
    }

    [Fact]
    public async Task ResetPassword_OldPasswordStopsWorking_NewOneWorks()
    {
        using var admin = await app.SignedInBrowserAsync("ADMIN");
        var employeeId = NewEmployeeId("sn-forgot");
        var page = await admin.EnrolStaffAsync(employeeId, City, DemoCity.BigData, "WindowClerk");
        using var api = await app.ApiClientAsync(employeeId, InitialPassword);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/staff")).StatusCode);

        var weak = await RefusedFormTextAsync(await admin.ResetPasswordAsync(page, "short1"));
        Assert.Contains("密码至少 8 位", Pages.Text(weak));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.ResetPasswordAsync(page, "Xinmima2026")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.RequestTokenAsync(employeeId, InitialPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.RequestTokenAsync(employeeId, "Xinmima2026")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/staff")).StatusCode);
    }

    [Fact]
    public async Task StaffPages_AreForStaffAdministratorsOnly()
    {
        using var clerk = await app.SignedInBrowserAsync("SN-CLERK");
        var response = await clerk.GetAsync("/admin/staff");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/forbidden", response.Headers.Location!.AbsolutePath);

        var anonymous = await app.Browser().GetAsync("/admin/staff/new");
        Assert.StartsWith("/signin", anonymous.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task StaffApi_ListsOnlyTheCallersScope_WithoutPersonalIdentifiers()
    {
        using var pengxi = await app.ApiClientAsync("PX-REGION");
        var staff = await pengxi.ListStaffAsync();
        Assert.Contains(staff, s => s.GetProperty("employeeId").GetString() == "PX-CLERK");
        Assert.All(staff, s => Assert.StartsWith("510921", s.GetProperty("scopeRegion").GetString()));
        Assert.All(staff, s => Assert.Equal(
            new[] { "id", "employeeId", "name", "roles", "scopeRegion", "departmentId", "status" },
            s.EnumerateObject().Select(p => p.Name)));

        using var admin = await app.ApiClientAsync("ADMIN");
        var all = await admin.ListStaffAsync();
        Assert.Contains(all, s => s.GetProperty("employeeId").GetString() == "SN-CLERK");
        Assert.Contains(all, s => s.GetProperty("roles").EnumerateArray().Any(r => r.GetString() == "PlatformAdmin"));
        Assert.All(await admin.ListStaffAsync("status=Disabled"), s => Assert.Equal("Disabled", s.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task StaffApi_RefusesOthersAndAnUnknownStatus()
    {
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/staff")).StatusCode);
        using var clerk = await app.ApiClientAsync("SN-CLERK");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/v1/staff")).StatusCode);

        using var admin = await app.ApiClientAsync("ADMIN");
        var response = await admin.GetAsync("/api/v1/staff?status=retired");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("staff.status-unknown", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task StaffApi_IsDescribedInTheOpenApiDocument()
    {
        using var client = app.CreateClient();
        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        var operation = document.GetProperty("paths").GetProperty("/api/v1/staff").GetProperty("get");
        Assert.Equal("ListStaff", operation.GetProperty("operationId").GetString());
        Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()));
        Assert.Contains("status", operation.GetProperty("description").GetString());
    }
}

public sealed class StaffAdministrationOnSqlite(SqliteApp app) : StaffAdministrationTests(app), IClassFixture<SqliteApp>;

public sealed class StaffAdministrationOnPostgres(PostgresApp app) : StaffAdministrationTests(app), IClassFixture<PostgresApp>;
