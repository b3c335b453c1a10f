using System.Net;
using System.Text.Json;
using Tongban.Domain.Catalog;
using Tongban.Domain.Catalog.Transfer;
using Tongban.Domain.Primitives;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Platform.Demo;

namespace Tongban.IntegrationTests.Catalog;

public abstract class ImportExportTests(TongbanApp app)
{
    private const int PromisedColumn = 13;
    private const int AudienceColumn = 9;

    [Fact]
    public async Task BrokenFile_ReportsEveryProblemWithItsLocation_AndImportsNothing()
    {
        var admin = await app.ApiClientAsync("ADMIN");
        var items = Enumerable.Range(0, 5).Select(_ => ImportExportActions.Item(CatalogActions.NewBasicCode())).ToList();
        items[3] = items[3] with { Code = "BAD-CODE" };
        var usable = items.Where((_, i) => i != 3).ToList();
        var cityDepartments = DemoCity.Departments.Where(d => d.RegionCode == "510900000000").ToList();
        var implementations = Enumerable.Range(0, 9).Select(i => new DocumentImplementation
        {
            Code = DemoCity.UsccFor("11", "510900000000", cityDepartments[i].OrganisationCodeBody).Value + "3" + usable[i % usable.Count].Code,
            RegionCode = "510900000000",
            Status = DocumentStatus.Published,
            Content = CatalogActions.ValidContent($"测试事项 {i}"),
        }).ToList();
        implementations[5] = implementations[5] with { Code = DemoCity.UsccFor("11", "510900000000", "MB1Y9999").Value + "3" + usable[1].Code };
        implementations[7] = implementations[7] with
        {
            Content = implementations[7].Content with { PromisedLimit = new TimeLimit(30, Domain.Primitives.Calendar.TimeLimitUnit.WorkingDays) },
        };
        var before = await CatalogCountsAsync();

        var errors = await admin.RejectedAsync(ImportExportActions.Document(items, implementations));

        Assert.Equal(
            [("implementations[5].code", "catalog.import-department-unknown"), ("implementations[7].content.promisedLimit", "catalog.promised-exceeds-statutory"), ("items[3].code", "basic-item-code.length")],
            errors.Select(e => (e.GetProperty("location").GetString()!, e.GetProperty("code").GetString()!)).Order().ToArray());
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("message").GetString())));
        Assert.Contains("承诺办结时限", errors.Single(e => e.GetProperty("code").GetString() == "catalog.promised-exceeds-statutory").GetProperty("message").GetString());
        Assert.Equal(before, await CatalogCountsAsync());
    }

    [Fact]
    public async Task ReimportingTheSameFile_CreatesNoNewVersions()
    {
        var admin = await app.ApiClientAsync("ADMIN");
        var (first, second) = (CatalogActions.NewBasicCode(), CatalogActions.NewBasicCode());
        var file = ImportExportActions.Document(
            [ImportExportActions.Item(first, "重复导入事项一"), ImportExportActions.Item(second, "重复导入事项二")],
            [ImportExportActions.Implementation(first), ImportExportActions.Implementation(second, status: DocumentStatus.Draft)]);

        var once = await admin.ImportedAsync(file);
        var twice = await admin.ImportedAsync(file);

        Assert.Equal((2, 2, 1), (once.GetProperty("itemsIssued").GetInt32(), once.GetProperty("implementationsCreated").GetInt32(), once.GetProperty("versionsPublished").GetInt32()));
        Assert.Equal((0, 0, 2, 0, 2, 0),
            (twice.GetProperty("itemsIssued").GetInt32(), twice.GetProperty("itemsRevised").GetInt32(), twice.GetProperty("itemsUnchanged").GetInt32(),
             twice.GetProperty("implementationsUpdated").GetInt32(), twice.GetProperty("implementationsUnchanged").GetInt32(), twice.GetProperty("versionsPublished").GetInt32()));
        Assert.Equal(1, await app.VersionsOfAsync(ImportExportActions.Implementation(first).Code));
        Assert.Equal(0, await app.VersionsOfAsync(ImportExportActions.Implementation(second).Code));
    }

    [Fact]
    public async Task ImportingChangedContent_PublishesANewVersion_AsOneAuditedAction()
    {
        var admin = await app.ApiClientAsync("ADMIN");
        var code = CatalogActions.NewBasicCode();
        var item = ImportExportActions.Item(code, "改版事项");
        await admin.ImportedAsync(ImportExportActions.Document([item], [ImportExportActions.Implementation(code)]));
        var changed = ImportExportActions.Implementation(code, CatalogActions.ValidContent("改版事项") with { PromisedLimit = new TimeLimit(3, Domain.Primitives.Calendar.TimeLimitUnit.WorkingDays) });
        var after = await app.LastAuditSequenceAsync();

        var summary = await admin.ImportedAsync(ImportExportActions.Document([item with { Name = "改版事项（修订）" }], [changed]));

        Assert.Equal((1, 1, 1), (summary.GetProperty("itemsRevised").GetInt32(), summary.GetProperty("implementationsUpdated").GetInt32(), summary.GetProperty("versionsPublished").GetInt32()));
        Assert.Equal(2, await app.VersionsOfAsync(changed.Code));
        Assert.Equal(["catalog.import"], await app.AuditActionsAsync(after));
        var exported = JsonDocument.Parse(await admin.ExportAsync()).RootElement;
        Assert.Equal("改版事项（修订）", exported.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("code").GetString() == code).GetProperty("name").GetString());
        var implementation = exported.GetProperty("implementations").EnumerateArray().Single(i => i.GetProperty("code").GetString() == changed.Code);
        Assert.Equal(3, implementation.GetProperty("content").GetProperty("promisedLimit").GetProperty("amount").GetInt32());
    }

    [Fact]
    public async Task CsvExport_HasAHeaderAndOneRowPerImplementation()
    {
        var admin = await app.ApiClientAsync("ADMIN");
        var response = await admin.GetAsync("/api/v1/catalog/export?format=csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var implementations = JsonDocument.Parse(await admin.ExportAsync()).RootElement.GetProperty("implementations").GetArrayLength();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Lines(System.Text.Encoding.UTF8.GetString(bytes[3..]));
        Assert.StartsWith("实施编码,事项名称,基本编码,事项类型,实施部门,区划,状态,版本,服务对象,办件类型,法定时限,法定时限单位,承诺时限,承诺时限单位", lines[0]);
        Assert.Equal(implementations, lines.Length - 1);
        Assert.Contains(lines, l => l.StartsWith(ImportExportActions.CityMarketRegulation.Value + "3000126001000,企业设立登记,000126001000,行政许可,市市场监督管理局,510900000000,已发布,1,法人,承诺件,3,工作日,1,工作日,四级（全程网办）,0次,全市通办,否", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CsvImport_WithABadNumber_ReportsLineAndColumn_AndChangesNothing()
    {
        var admin = await app.ApiClientAsync("ADMIN");
        var lines = Lines(await admin.ExportAsync("csv"));
        var rows = lines.Select(l => l.Split(',')).ToArray();
        rows[3][PromisedColumn - 1] = "三天";
        rows[4][AudienceColumn - 1] = "公司";
        var before = await CatalogCountsAsync();

        var errors = await admin.RejectedAsync(string.Join("\r\n", rows.Select(r => string.Join(',', r))), "text/csv");

        Assert.Equal(
            [(4, PromisedColumn, "catalog-csv.not-a-number", "line 4, column 13 (承诺时限)"), (5, AudienceColumn, "catalog-csv.unknown-value", "line 5, column 9 (服务对象)")],
            errors.Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("column").GetInt32(), e.GetProperty("code").GetString()!, e.GetProperty("location").GetString()!)).ToArray());
        Assert.Contains("“三天”", errors[0].GetProperty("message").GetString());
        Assert.Equal(before, await CatalogCountsAsync());
    }

    [Fact]
    public async Task CsvImport_UpdatesOnlyTheScalarColumns_AndPublishesANewVersion()
    {
        var admin = await app.ApiClientAsync("ADMIN");
        var code = ImportExportActions.CityMarketRegulation.Value + "3000126002000"; // 食品经营许可
        var before = Implementation(JsonDocument.Parse(await admin.ExportAsync()).RootElement, code);
        var lines = Lines(await admin.ExportAsync("csv"));
        var row = Array.FindIndex(lines, l => l.StartsWith(code, StringComparison.Ordinal));
        var cells = lines[row].Split(',');
        cells[PromisedColumn - 1] = "2";
        cells[2] = "999999999999"; // 基本编码 is for reading only: ignored
        lines[row] = string.Join(',', cells);

        var summary = await admin.ImportedAsync(string.Join("\r\n", lines), "text/csv");

        Assert.Equal((1, 1, lines.Length - 2), (summary.GetProperty("implementationsUpdated").GetInt32(), summary.GetProperty("versionsPublished").GetInt32(), summary.GetProperty("implementationsUnchanged").GetInt32()));
        var after = Implementation(JsonDocument.Parse(await admin.ExportAsync()).RootElement, code);
        Assert.Equal(2, after.GetProperty("content").GetProperty("promisedLimit").GetProperty("amount").GetInt32());
        Assert.Equal(before.GetProperty("content").GetProperty("materials").ToString(), after.GetProperty("content").GetProperty("materials").ToString());
        Assert.Equal(before.GetProperty("content").GetProperty("promisedLimit").GetProperty("explanation").GetString(), after.GetProperty("content").GetProperty("promisedLimit").GetProperty("explanation").GetString());
        Assert.Equal(2, await app.VersionsOfAsync(code));
    }

    [Fact]
    public async Task OnlyPlatformAndCityAdmins_MayImport()
    {
        var file = ImportExportActions.Document([ImportExportActions.Item(CatalogActions.NewBasicCode())], []);
        var clerk = await app.ApiClientAsync("SN-CLERK");
        var departmentAdmin = await app.ApiClientAsync("SN-SCJ-ADMIN");
        var county = await app.ApiClientAsync("PX-REGION");
        var before = await CatalogCountsAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.ImportAsync(file)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/v1/catalog/export")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await departmentAdmin.ImportAsync(file)).StatusCode);
        var countyImport = await county.ImportAsync(file);
        Assert.Equal(HttpStatusCode.Forbidden, countyImport.StatusCode);
        Assert.Contains("catalog.import-forbidden", await countyImport.Content.ReadAsStringAsync());
        Assert.Equal(before, await CatalogCountsAsync());

        var clerkBrowser = await app.SignedInBrowserAsync("SN-CLERK");
        var page = await clerkBrowser.GetAsync("/admin/catalog/transfer");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/forbidden", page.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task CountyAdmin_ExportsOnlyTheirCounty_AndSeesNoUpload()
    {
        var county = await app.ApiClientAsync("PX-REGION");

        var exported = JsonDocument.Parse(await county.ExportAsync()).RootElement;

        var regions = exported.GetProperty("implementations").EnumerateArray().Select(i => i.GetProperty("regionCode").GetString()!).Distinct().ToArray();
        Assert.Equal(["510921000000"], regions);
        var page = Pages.Text(await (await app.SignedInBrowserAsync("PX-REGION")).GetPageAsync("/admin/catalog/transfer"));
        Assert.Contains("下载 CSV", page);
        Assert.DoesNotContain("检查并导入", page);
    }

    [Fact]
    public async Task Page_ListsEveryProblemByLineAndColumn()
    {
        var admin = await app.ApiClientAsync("ADMIN");
        var rows = Lines(await admin.ExportAsync("csv")).Select(l => l.Split(',')).ToArray();
        rows[2][PromisedColumn - 1] = "-1";
        var browser = await app.SignedInBrowserAsync("SN-REGION");

        var response = await browser.UploadAsync("目录.csv", string.Join("\r\n", rows.Select(r => string.Join(',', r))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Pages.Text(await response.Content.ReadAsStringAsync());
        Assert.Contains("文件有 1 处问题，未导入任何内容", text);
        Assert.Contains("第 3 行第 13 列（承诺时限） “-1”不是有效的天数", text);
    }

    [Fact]
    public async Task Page_ImportsAFile_AndShowsWhatWasImported()
    {
        var code = CatalogActions.NewBasicCode();
        var browser = await app.SignedInBrowserAsync("SN-REGION");

        var response = await browser.UploadAsync("catalog.json",
            ImportExportActions.Document([ImportExportActions.Item(code, "页面导入事项")], [ImportExportActions.Implementation(code)]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/catalog/transfer", response.Headers.Location?.OriginalString);
        var page = Pages.Text(await browser.GetPageAsync("/admin/catalog/transfer"));
        Assert.Contains("导入完成", page);
        Assert.Contains("基本目录事项 1 0", page);
        Assert.Contains("发布新版本 1 个", page);
        Assert.Equal(1, await app.VersionsOfAsync(ImportExportActions.Implementation(code).Code));
    }

    [Fact]
    public async Task Page_WithoutAFile_SaysWhatIsMissing()
    {
        var browser = await app.SignedInBrowserAsync("ADMIN");

        var response = await browser.PostFormAsync("/admin/catalog/transfer", []);

        Assert.Contains("请选择要导入的文件", Pages.Text(await response.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData("/api/v1/catalog/export", "get")]
    [InlineData("/api/v1/catalog/import", "post")]
    public async Task OpenApiDocument_DescribesTheExchangeEndpoints(string path, string method)
    {
        using var client = app.CreateClient();

        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;

        Assert.True(document.GetProperty("paths").GetProperty(path).TryGetProperty(method, out var operation), $"{method} {path} missing");
        Assert.Equal("Catalog", operation.GetProperty("tags")[0].GetString());
    }

    private async Task<(int Items, int Implementations, int Versions)> CatalogCountsAsync() =>
        (await app.CountAsync<CatalogItem>(), await app.CountAsync<Implementation>(), await app.CountAsync<ImplementationVersion>());

    private static string[] Lines(string csv) => csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

    private static JsonElement Implementation(JsonElement document, string code) =>
        document.GetProperty("implementations").EnumerateArray().Single(i => i.GetProperty("code").GetString() == code);
}

public sealed class ImportExportOnSqlite(SqliteApp app) : ImportExportTests(app), IClassFixture<SqliteApp>;

public sealed class ImportExportOnPostgres(PostgresApp app) : ImportExportTests(app), IClassFixture<PostgresApp>;
