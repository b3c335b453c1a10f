using System.Net;
using System.Text;
using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives;
using Tongban.Domain.Primitives.Calendar;
using Tongban.IntegrationTests.Infrastructure;
using static Tongban.IntegrationTests.Catalog.ReportsActions;

namespace Tongban.IntegrationTests.Catalog;

public abstract class ReportsUniformityTests(TongbanApp app)
{
    private const string Report = "/admin/catalog/reports/uniformity";

    [Fact]
    public async Task TwoCountiesDifferingInThePromisedLimit_AreListedAsExactlyThatDivergence()
    {
        var item = await app.IssueItemAsync("食品经营许可（两县）");
        await app.PublishImplementationAsync(item, Standard with { PromisedLimit = new TimeLimit(10, TimeLimitUnit.WorkingDays) }, Pengxi);
        await app.PublishImplementationAsync(item, Standard, Shehong);
        var admin = await app.SignedInBrowserAsync("ADMIN");

        var section = SectionOf(await admin.GetPageAsync(Report), item);

        Assert.Equal(["承诺办结时限"], Rows(section).Select(r => r[0]).Distinct());
        Assert.Contains(Rows(section), r => r[2] == "蓬溪县" && r[4] == "10个工作日");
        Assert.Contains(Rows(section), r => r[2] == "射洪市" && r[4] == "5个工作日");
        Assert.Equal(2, Rows(section).Count);
        Assert.Contains("无多数", Pages.Text(section));
    }

    [Fact]
    public async Task AnExtraMaterialInOneOfThreeCounties_NamesThatCountyAgainstTheMajority()
    {
        var item = await app.IssueItemAsync("食品经营许可（三县）");
        await app.PublishImplementationAsync(item, Standard, Chuanshan);
        await app.PublishImplementationAsync(item, Standard with { Materials = [.. Standard.Materials, new MaterialRequirement { Key = "id", Name = "法定代表人身份证复印件" }] }, Pengxi);
        await app.PublishImplementationAsync(item, Standard, Shehong);
        var admin = await app.SignedInBrowserAsync("SN-REGION");

        var section = SectionOf(await admin.GetPageAsync(Report), item);

        var row = Assert.Single(Rows(section));
        Assert.Equal("申请材料", row[0]);
        Assert.Contains("多数地区", row[1]);
        Assert.Equal("蓬溪县", row[2]);
        Assert.Equal("蓬溪县市场监督管理局", row[3]);
        Assert.Equal("多出：法定代表人身份证复印件（必要）", row[5]);
    }

    [Fact]
    public async Task TheCityImplementation_IsTheReference_AndACountyAdminSeesOnlyTheirCountysRows()
    {
        var item = await app.IssueItemAsync("食品经营许可（市县）");
        await app.PublishImplementationAsync(item, Standard, City);
        await app.PublishImplementationAsync(item, Standard with { Name = "食品经营许可证核发" }, Pengxi);
        await app.PublishImplementationAsync(item, Standard with { Name = "食品经营许可证办理" }, Shehong);
        var cityAdmin = await app.SignedInBrowserAsync("SN-REGION");
        var pengxiAdmin = await app.SignedInBrowserAsync("PX-REGION");

        var citySection = SectionOf(await cityAdmin.GetPageAsync(Report), item);
        var pengxiSection = SectionOf(await pengxiAdmin.GetPageAsync(Report), item);

        Assert.Equal(["蓬溪县", "射洪市"], Rows(citySection).Select(r => r[2]));
        Assert.All(Rows(citySection), r => Assert.Contains("市级实施清单 食品经营许可（测试）", r[1]));
        var pengxiRow = Assert.Single(Rows(pengxiSection));
        Assert.Equal("蓬溪县", pengxiRow[2]);
        Assert.Equal("食品经营许可证核发", pengxiRow[4]);
    }

    [Fact]
    public async Task ACountyAdmin_DoesNotSeeAnItemWhereOnlyAnotherCountyDiverges()
    {
        var item = await app.IssueItemAsync("食品经营许可（他县）");
        await app.PublishImplementationAsync(item, Standard, Chuanshan);
        await app.PublishImplementationAsync(item, Standard, Pengxi);
        await app.PublishImplementationAsync(item, Standard with { StatutoryLimit = new TimeLimit(30, TimeLimitUnit.NaturalDays) }, Shehong);
        var pengxiAdmin = await app.SignedInBrowserAsync("PX-REGION");
        var supervisor = await app.SignedInBrowserAsync("SN-SUPERVISOR");

        Assert.DoesNotContain($"item-{item.Value}", await pengxiAdmin.GetPageAsync(Report));
        Assert.Equal("射洪市", Assert.Single(Rows(SectionOf(await supervisor.GetPageAsync(Report), item)))[2]);
    }

    [Fact]
    public async Task IdenticalImplementations_AreNotListed()
    {
        var item = await app.IssueItemAsync("食品经营许可（一致）");
        await app.PublishImplementationAsync(item, Standard, Pengxi);
        await app.PublishImplementationAsync(item, Standard, Shehong);
        var admin = await app.SignedInBrowserAsync("ADMIN");

        Assert.DoesNotContain($"item-{item.Value}", await admin.GetPageAsync(Report));
    }

    [Fact]
    public async Task TheCsvExport_IsUtf8WithABom_AndHasTheHeaderAndTheDivergentRows()
    {
        var item = await app.IssueItemAsync("食品经营许可（导出）");
        await app.PublishImplementationAsync(item, Standard, Chuanshan);
        await app.PublishImplementationAsync(item, Standard, Pengxi);
        var shehong = await app.PublishImplementationAsync(item, Standard with { PromisedLimit = new TimeLimit(15, TimeLimitUnit.WorkingDays) }, Shehong);
        var admin = await app.SignedInBrowserAsync("ADMIN");

        var response = await admin.GetAsync($"{Report}?format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("基本编码,事项名称,要素,比对基准,基准值,地区,实施部门,实施编码,该地区的值,差异", lines[0]);
        Assert.Equal(
            $"{item.Value},食品经营许可（导出）,承诺办结时限,多数地区,5个工作日,射洪市,射洪市市场监督管理局,{shehong.Code.Value},15个工作日,",
            Assert.Single(lines, l => l.StartsWith(item.Value, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AWindowClerk_IsKeptOut()
    {
        var clerk = await app.SignedInBrowserAsync("SN-CLERK");

        var response = await clerk.GetAsync(Report);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/forbidden", new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task TheAdministrationLandingPage_LinksToBothReports()
    {
        var admin = await app.SignedInBrowserAsync("PX-REGION");

        var html = await admin.GetPageAsync("/admin");

        Assert.Contains($"href=\"{Report}\"", html);
        Assert.Contains("href=\"/admin/catalog/reports/frequency\"", html);
    }

    /// <summary>The item's section of the report (the page groups divergences by item).</summary>
    private static string SectionOf(string html, BasicItemCode item)
    {
        var start = html.IndexOf($"<section aria-labelledby=\"item-{item.Value}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"the report does not list {item.Value}");
        return html[start..(html.IndexOf("</section>", start, StringComparison.Ordinal) + "</section>".Length)];
    }

    /// <summary>The body rows as text cells: element, reference, region, department, value, difference.</summary>
    private static List<string[]> Rows(string section) =>
        [.. section[section.IndexOf("<tbody>", StringComparison.Ordinal)..]
            .Split("<tr>", StringSplitOptions.RemoveEmptyEntries)
            .Skip(1)
            .Select(row => row.Split(["</th>", "</td>"], StringSplitOptions.None).SkipLast(1).Select(Pages.Text).ToArray())];
}

public sealed class ReportsUniformityOnSqlite(SqliteApp app) : ReportsUniformityTests(app), IClassFixture<SqliteApp>;

public sealed class ReportsUniformityOnPostgres(PostgresApp app) : ReportsUniformityTests(app), IClassFixture<PostgresApp>;
