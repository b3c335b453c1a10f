using System.Net;
using System.Text;
using Tongban.Domain.Catalog;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Platform.Demo;
using static Tongban.IntegrationTests.Catalog.ReportsActions;

namespace Tongban.IntegrationTests.Catalog;

/// <summary>The test clock stands on 2 March 2026, so the window is April 2025 to March 2026.</summary>
public abstract class ReportsFrequencyTests(TongbanApp app)
{
    private const string Report = "/admin/catalog/reports/frequency";

    [Fact]
    public async Task CasesInTheLast12Months_ClassifyEachImplementation()
    {
        var item = await app.IssueItemAsync("食品经营许可（频度）");
        var busy = await app.PublishImplementationAsync(item, Standard, Pengxi);
        var quiet = await app.PublishImplementationAsync(item, Standard, Shehong);
        var dormant = await app.PublishImplementationAsync(item, Standard, Chuanshan);
        await app.CountCasesAsync(busy, (new DateOnly(2025, 4, 1), 600), (new DateOnly(2026, 3, 1), 400));
        await app.CountCasesAsync(quiet, (new DateOnly(2025, 12, 1), 7));
        await app.CountCasesAsync(dormant, (new DateOnly(2025, 3, 1), 5000)); // one month before the window
        var admin = await app.SignedInBrowserAsync("ADMIN");

        var rows = Rows(await admin.GetPageAsync(Report));

        Assert.Equal(["1000", "高频事项"], rows[busy.Code.Value][3..]);
        Assert.Equal(["7", "低频事项"], rows[quiet.Code.Value][3..]);
        Assert.Equal(["0", "僵尸事项"], rows[dormant.Code.Value][3..]);
        Assert.Equal(["蓬溪县市场监督管理局", "蓬溪县"], rows[busy.Code.Value][1..3]);
    }

    [Fact]
    public async Task FilteringByClass_ListsOnlyThatClass()
    {
        var item = await app.IssueItemAsync("食品经营许可（筛选）");
        var zombie = await app.PublishImplementationAsync(item, Standard, Pengxi);
        var low = await app.PublishImplementationAsync(item, Standard, Shehong);
        await app.CountCasesAsync(low, (new DateOnly(2026, 2, 1), 1));
        var admin = await app.SignedInBrowserAsync("SN-REGION");

        var zombies = Rows(await admin.GetPageAsync($"{Report}?class=Zombie"));

        Assert.Contains(zombie.Code.Value, zombies.Keys);
        Assert.DoesNotContain(low.Code.Value, zombies.Keys);
        Assert.All(zombies.Values, r => Assert.Equal("僵尸事项", r[4]));
    }

    [Fact]
    public async Task ACountyAdmin_SeesOnlyTheirCountysImplementations_InThePageAndTheExport()
    {
        var item = await app.IssueItemAsync("食品经营许可（范围）");
        var pengxi = await app.PublishImplementationAsync(item, Standard, Pengxi);
        var shehong = await app.PublishImplementationAsync(item, Standard, Shehong);
        var pengxiAdmin = await app.SignedInBrowserAsync("PX-REGION");
        var pengxiRegions = DemoCity.Regions.Where(r => r.Code.StartsWith("510921", StringComparison.Ordinal)).Select(r => r.Name).ToHashSet();

        var rows = Rows(await pengxiAdmin.GetPageAsync(Report));
        var exported = CsvRows(await pengxiAdmin.GetByteArrayAsync($"{Report}?format=csv"));

        Assert.Contains(pengxi.Code.Value, rows.Keys);
        Assert.DoesNotContain(shehong.Code.Value, rows.Keys);
        Assert.All(rows.Values, r => Assert.Contains(r[2], pengxiRegions));
        Assert.Contains(exported, r => r[1] == pengxi.Code.Value);
        Assert.All(exported, r => Assert.Contains(r[3], pengxiRegions));
    }

    [Fact]
    public async Task TheCsvExport_HasTheHeaderAndARowPerImplementationOfTheClass()
    {
        var item = await app.IssueItemAsync("食品经营许可（频度导出）");
        var high = await app.PublishImplementationAsync(item, Standard with { Name = "食品经营许可, 含\"网络经营\"" }, Pengxi);
        await app.CountCasesAsync(high, (new DateOnly(2025, 10, 1), 1500));
        var admin = await app.SignedInBrowserAsync("ADMIN");

        var response = await admin.GetAsync($"{Report}?class=High&format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("事项名称,实施编码,实施部门,地区,近12个月办件量,频度分类\r\n", text);
        Assert.Contains($"\"食品经营许可, 含\"\"网络经营\"\"\",{high.Code.Value},蓬溪县市场监督管理局,蓬溪县,1500,高频事项\r\n", text);
        Assert.All(CsvRows(bytes), r => Assert.Equal("高频事项", r[^1]));
    }

    [Fact]
    public async Task ThePageAfterACursor_ContinuesWhereTheLastPageEnded()
    {
        var admin = await app.SignedInBrowserAsync("ADMIN");
        var item = await app.IssueItemAsync("食品经营许可（翻页）");
        var first = await app.PublishImplementationAsync(item, Standard, Pengxi);
        var second = await app.PublishImplementationAsync(item, Standard, Shehong);
        await app.CountCasesAsync(first, (new DateOnly(2026, 1, 1), 900_001));
        await app.CountCasesAsync(second, (new DateOnly(2026, 1, 1), 900_000));

        var page = await admin.GetPageAsync($"{Report}?class=High");
        Assert.Equal(first.Code.Value, Rows(page).Keys.First());
        var after = $"900001-{first.Code.Value}";
        var next = Rows(await admin.GetPageAsync($"{Report}?class=High&after={after}"));

        Assert.Equal(second.Code.Value, next.Keys.First());
        Assert.DoesNotContain(first.Code.Value, next.Keys);
    }

    [Fact]
    public async Task ATamperedCursor_IsRefusedWithAMessage()
    {
        var admin = await app.SignedInBrowserAsync("ADMIN");

        var html = await admin.GetPageAsync($"{Report}?after=abc");

        Assert.Contains("翻页参数无效", Pages.Text(html));
    }

    /// <summary>The rows of the table by implementation code: name, department, region, cases, class.</summary>
    private static Dictionary<string, string[]> Rows(string html)
    {
        var body = html.IndexOf("<tbody>", StringComparison.Ordinal);
        return body < 0
            ? []
            : html[body..html.IndexOf("</tbody>", body, StringComparison.Ordinal)]
                .Split("<tr>", StringSplitOptions.RemoveEmptyEntries)
                .Skip(1)
                .Select(row => row.Split("</td>").SkipLast(1).Select(Pages.Text).ToArray())
                .ToDictionary(cells => cells[0].Split(' ')[^1], cells => cells);
    }

    /// <summary>The CSV's data rows as cells (the test data has no quoted cells outside the quoting test).</summary>
    private static List<string[]> CsvRows(byte[] csv) =>
        [.. Encoding.UTF8.GetString(csv[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Where(l => !l.StartsWith('"')).Select(l => l.Split(','))];
}

public sealed class ReportsFrequencyOnSqlite(SqliteApp app) : ReportsFrequencyTests(app), IClassFixture<SqliteApp>;

public sealed class ReportsFrequencyOnPostgres(PostgresApp app) : ReportsFrequencyTests(app), IClassFixture<PostgresApp>;
