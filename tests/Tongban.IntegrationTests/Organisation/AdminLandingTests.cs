using System.Net;
using Tongban.IntegrationTests.Infrastructure;

namespace Tongban.IntegrationTests.Organisation;

public abstract class AdminLandingTests(TongbanApp app)
{
    [Fact]
    public async Task PlatformAdmin_SeesEveryAdministrationSection()
    {
        var admin = await app.SignedInBrowserAsync("ADMIN");

        var html = await admin.GetPageAsync("/admin");

        foreach (var (path, title) in new[] { ("/admin/regions", "区划管理"), ("/admin/departments", "部门管理"), ("/admin/halls", "大厅与窗口"), ("/admin/staff", "人员管理") })
        {
            Assert.Contains($"href=\"{path}\"", html);
            Assert.Contains(title, Pages.Text(html));
        }
    }

    [Fact]
    public async Task DepartmentAdmin_SeesOnlyStaffAdministration_AndIsKeptOutOfOrganisationPages()
    {
        var departmentAdmin = await app.SignedInBrowserAsync("SN-SCJ-ADMIN");

        var html = await departmentAdmin.GetPageAsync("/admin");

        Assert.Contains("href=\"/admin/staff\"", html);
        Assert.DoesNotContain("href=\"/admin/departments\"", html);
        Assert.DoesNotContain("href=\"/admin/regions\"", html);
        var response = await departmentAdmin.GetAsync("/admin/departments");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/forbidden", new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task Supervisor_OpensTheLandingPage_AndSeesOnlyTheCatalogReports()
    {
        var supervisor = await app.SignedInBrowserAsync("SN-SUPERVISOR");

        var html = await supervisor.GetPageAsync("/admin");

        Assert.Contains("href=\"/admin/catalog/reports/uniformity\"", html);
        Assert.Contains("href=\"/admin/catalog/reports/frequency\"", html);
        foreach (var path in new[] { "/admin/regions", "/admin/departments", "/admin/halls", "/admin/staff", "/admin/catalog", "/admin/catalog/review" })
        {
            Assert.DoesNotContain($"href=\"{path}\"", html);
        }

        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync("/admin/catalog/reports/uniformity")).StatusCode);
    }

    [Fact]
    public async Task WindowClerk_IsKeptOutOfTheAdministrationLandingPage()
    {
        var clerk = await app.SignedInBrowserAsync("SN-CLERK");

        var response = await clerk.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/forbidden", new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath);
    }
}

public sealed class AdminLandingOnSqlite(SqliteApp app) : AdminLandingTests(app), IClassFixture<SqliteApp>;

public sealed class AdminLandingOnPostgres(PostgresApp app) : AdminLandingTests(app), IClassFixture<PostgresApp>;
