using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tongban.Domain.Catalog;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Platform.Demo;

namespace Tongban.IntegrationTests.Catalog;

/// <summary>
/// 事项搜索 as the public uses it, through GET /api/v1/items and the /items page. The fixture holds the
/// demo catalog and other tests' items too, so every test names its items with a marker of its own and
/// asserts on those.
/// </summary>
public abstract class SearchTests(TongbanApp app)
{
    private const string City = "510900000000";
    private const string Pengxi = "510921000000";
    private const string Chicheng = "510921100000";

    [Fact]
    public async Task Search_ExactName_ComesFirst()
    {
        var marker = Marker();
        var item = await PublishAsync($"机动车注册登记{marker}");
        await PublishAsync($"机动车注册登记{marker}变更");

        var (items, _) = await SearchAsync($"q={Escape($"机动车注册登记{marker}")}");

        Assert.Equal(item, items[0].GetProperty("implementationCode").GetString());
    }

    [Fact]
    public async Task Search_RanksExactNameThenPrefixThenContainsThenKeyword()
    {
        var marker = Marker();
        var related = await PublishAsync("测试事项零", c => c with { Keywords = [marker] });
        var contains = await PublishAsync($"申请{marker}");
        var prefix = await PublishAsync($"{marker}变更");
        var exact = await PublishAsync(marker);

        var (items, total) = await SearchAsync($"q={Escape(marker)}");

        Assert.Equal(4, total);
        Assert.Equal([exact, prefix, contains, related], Codes(items));
    }

    [Theory]
    [InlineData("jidongche")]
    [InlineData("JiDongChe")]
    [InlineData("ji dong che")]
    [InlineData("jdcdj")]
    [InlineData("jdc")]
    public async Task Search_ByPinyinOrInitials_FindsTheItem(string typed)
    {
        var item = await PublishAsync($"机动车注册登记{Marker()}");

        var (items, _) = await SearchAsync($"q={Escape(typed)}&pageSize=100");

        Assert.Contains(item, Codes(items));
    }

    [Fact]
    public async Task Search_LatinLettersInTheName_MatchInAnyCaseAndWidth()
    {
        var marker = Marker();
        var item = await PublishAsync($"ETC通行卡办理{marker}");

        Assert.Equal([item], Codes((await SearchAsync($"q={Escape($"etc {marker}")}")).Items));
        Assert.Equal([item], Codes((await SearchAsync($"q={Escape($"ＥＴＣ通行卡 {marker}")}")).Items));
    }

    [Theory]
    [InlineData("办执照", "个体工商户营业执照")]
    [InlineData("开公司", "企业设立登记")]
    [InlineData("上户口", "新生儿户口登记")]
    [InlineData("领结婚证", "内地居民结婚登记")]
    [InlineData("买房", "不动产转移登记")]
    public async Task Search_ColloquialPhrase_FindsTheStandardName(string colloquial, string standardName)
    {
        var marker = Marker();
        var item = await PublishAsync(standardName + marker);

        var (items, total) = await SearchAsync($"q={Escape($"{colloquial} {marker}")}");

        Assert.Equal(1, total);
        Assert.Equal([item], Codes(items));
    }

    [Fact]
    public async Task Search_ByLifeEvent_AsWordsOrAsFilter()
    {
        var marker = Marker();
        var wedding = await PublishAsync($"户籍变更{marker}", c => c with { LifeEvents = ["结婚"] });
        var birth = await PublishAsync($"户籍登记{marker}", c => c with { LifeEvents = ["出生"] });

        Assert.Equal([wedding], Codes((await SearchAsync($"q={Escape($"结婚 {marker}")}")).Items));
        Assert.Equal([birth], Codes((await SearchAsync($"q={Escape(marker)}&lifeEvent={Escape("出生")}")).Items));
    }

    [Fact]
    public async Task Search_ByDepartment_AsWordsOrAsFilter()
    {
        var marker = Marker();
        var civil = await PublishAsync($"婚姻登记{marker}", department: DemoCity.CivilAffairs);
        var market = await PublishAsync($"食品经营{marker}", department: DemoCity.MarketRegulation);

        Assert.Equal([civil], Codes((await SearchAsync($"q={Escape($"市民政局 {marker}")}")).Items));
        Assert.Equal([market], Codes((await SearchAsync($"q={Escape(marker)}&department={DemoCity.MarketRegulation}")).Items));
        Assert.Contains(civil, Codes((await SearchAsync($"department={DemoCity.CivilAffairs}&pageSize=100")).Items));
    }

    [Fact]
    public async Task RegionFilter_ACountyResidentSeesCityItems_ButNotAnotherCountys()
    {
        var marker = Marker();
        var city = await PublishAsync($"城市事项{marker}", department: DemoCity.MarketRegulation);
        var pengxi = await PublishAsync($"蓬溪事项{marker}", department: DemoCity.PengxiMarketRegulation);
        await PublishAsync($"射洪事项{marker}", department: DemoCity.ShehongMarketRegulation);

        var forCounty = await SearchAsync($"q={Escape(marker)}&region={Pengxi}");
        var forTownship = await SearchAsync($"q={Escape(marker)}&region={Chicheng}");
        var forCity = await SearchAsync($"q={Escape(marker)}&region={City}");
        var sixDigits = await SearchAsync($"q={Escape(marker)}&region=510921");

        Assert.Equal(new HashSet<string> { city, pengxi }, Codes(forCounty.Items).ToHashSet());
        Assert.Equal(new HashSet<string> { city, pengxi }, Codes(forTownship.Items).ToHashSet());
        Assert.Equal(new HashSet<string> { city, pengxi }, Codes(sixDigits.Items).ToHashSet());
        Assert.Equal([city], Codes(forCity.Items));
    }

    [Fact]
    public async Task AudienceFilter_KeepsItemsServingThatAudience()
    {
        var marker = Marker();
        var person = await PublishAsync($"个人事项{marker}", c => c with { Audience = Audience.NaturalPerson });
        var company = await PublishAsync($"法人事项{marker}", c => c with { Audience = Audience.LegalPerson });
        var both = await PublishAsync($"通用事项{marker}", c => c with { Audience = Audience.Both });

        Assert.Equal(new HashSet<string> { company, both }, Codes((await SearchAsync($"q={Escape(marker)}&audience=legalPerson")).Items).ToHashSet());
        Assert.Equal(new HashSet<string> { person, both }, Codes((await SearchAsync($"q={Escape(marker)}&audience=naturalPerson")).Items).ToHashSet());
    }

    [Fact]
    public async Task Api_ListsEachItemWithItsSummary_AndPages()
    {
        // Equal prefix matches come in the order of their names' pinyin: an, bo, cheng.
        var marker = Marker();
        var item = await PublishAsync($"{marker}安", c => c with { Audience = Audience.LegalPerson, OnlineDepth = OnlineDepth.FullyOnline, Visits = VisitCount.Zero, ServiceScope = ServiceScope.CityWide },
            department: DemoCity.PengxiMarketRegulation);
        await PublishAsync($"{marker}波");
        await PublishAsync($"{marker}程");

        var (first, total) = await SearchAsync($"q={Escape(marker)}&pageSize=1");
        var (third, _) = await SearchAsync($"q={Escape(marker)}&pageSize=1&page=3");

        Assert.Equal(3, total);
        var hit = Assert.Single(first);
        Assert.Equal(item, hit.GetProperty("implementationCode").GetString());
        Assert.Equal(item[^12..], hit.GetProperty("code").GetString());
        Assert.Equal($"{marker}安", hit.GetProperty("name").GetString());
        Assert.Equal("蓬溪县市场监督管理局", hit.GetProperty("department").GetString());
        Assert.Equal(Pengxi, hit.GetProperty("region").GetString());
        Assert.Equal("蓬溪县", hit.GetProperty("regionName").GetString());
        Assert.Equal("legalPerson", hit.GetProperty("audience").GetString());
        Assert.Equal("fullyOnline", hit.GetProperty("onlineDepth").GetString());
        Assert.Equal("cityWide", hit.GetProperty("serviceScope").GetString());
        Assert.Equal(1, hit.GetProperty("version").GetInt32());
        Assert.Equal($"{marker}程", Assert.Single(third).GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("region=5109XX", "region.charset", "region")]
    [InlineData("region=123", "region.length", "region")]
    [InlineData("audience=robot", "catalog.search-audience-unknown", "audience")]
    [InlineData("audience=3", "catalog.search-audience-unknown", "audience")]
    [InlineData("department=market", "catalog.search-department-invalid", "department")]
    [InlineData("page=0", "catalog.search-page-invalid", "page")]
    [InlineData("pageSize=101", "catalog.search-page-size-invalid", "pageSize")]
    public async Task Api_BadInput_AnswersProblemDetailsNamingTheRule(string query, string rule, string field)
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync($"/api/v1/items?{query}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(rule, problem.GetProperty("code").GetString());
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Api_QueryTooLong_Or_PageNotANumber_AreProblems()
    {
        using var client = app.CreateClient();
        var tooLong = await client.GetAsync($"/api/v1/items?q={new string('证', 101)}");
        var notANumber = await client.GetAsync("/api/v1/items?page=two");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notANumber.StatusCode);
        Assert.Equal("application/problem+json", notANumber.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task SearchPage_ListsResultsLinkingToTheirGuides_WithOnlineDepthAndScope()
    {
        var marker = Marker();
        var item = await PublishAsync($"食品经营许可{marker}", c => c with { OnlineDepth = OnlineDepth.FullyOnline, Visits = VisitCount.Zero, ServiceScope = ServiceScope.CityWide });

        using var browser = app.Browser();
        var html = await browser.GetPageAsync($"/items?q={Escape(marker)}");
        var text = Pages.Text(html);

        Assert.Contains($"href=\"/items/{item}\"", html);
        Assert.Contains("共找到 1 个事项", text);
        Assert.Contains($"食品经营许可{marker}", text);
        Assert.Contains("全程网办", text);
        Assert.Contains("全市通办", text);
        Assert.Contains("市市场监督管理局", text);
    }

    [Fact]
    public async Task SearchPage_OffersRegionAudienceDepartmentAndTopicFilters_AndKeepsTheChoice()
    {
        var marker = Marker();
        await PublishAsync($"主题事项{marker}", c => c with { LifeEvents = [$"开办{marker}"] }, department: DemoCity.CivilAffairs);

        using var browser = app.Browser();
        var html = await browser.GetPageAsync($"/items?q={Escape(marker)}&region={Pengxi}&audience=naturalPerson");

        Assert.Contains("<label for=\"region\">区划</label>", html);
        Assert.Contains("<label for=\"audience\">服务对象</label>", html);
        Assert.Contains("<label for=\"department\">部门</label>", html);
        Assert.Contains("<label for=\"lifeEvent\">主题</label>", html);
        Assert.Contains($"<option value=\"{Pengxi}\" selected=\"selected\">", html);
        Assert.Contains("<option value=\"naturalPerson\" selected=\"selected\">", html);
        Assert.Contains($">开办{marker}</option>", html);
        Assert.Contains($"<option value=\"{DemoCity.CivilAffairs}\">市民政局</option>", html);
        Assert.Contains("共找到 1 个事项", Pages.Text(html));
    }

    [Fact]
    public async Task SearchPage_NothingFound_SaysSoAndSuggestsWhatToTry()
    {
        using var browser = app.Browser();
        var html = await browser.GetPageAsync($"/items?q={Escape("没有这种事项" + Marker())}&audience=legalPerson");
        var text = Pages.Text(html);

        Assert.Contains("没有找到与“没有这种事项", text);
        Assert.Contains("换一种说法", text);
        Assert.Contains("拼音首字母", text);
        Assert.Contains("去掉筛选条件", text);
        Assert.DoesNotContain("共找到", text);
    }

    [Fact]
    public async Task SearchPage_BadFilter_ShowsTheErrorInsteadOfResults()
    {
        using var browser = app.Browser();
        var html = await browser.GetPageAsync("/items?q=%E8%90%A5%E4%B8%9A&region=5109XX");

        Assert.Contains("error-summary", html);
        Assert.Contains("href=\"#region\"", html);
        Assert.DoesNotContain("共找到", Pages.Text(html));
    }

    [Fact]
    public async Task HomePage_OffersTheItemSearch()
    {
        using var browser = app.Browser();
        var html = await browser.GetPageAsync("/");

        Assert.Contains("action=\"/items\"", html);
        Assert.Contains("href=\"/items\"", html);
        Assert.Contains("name=\"q\"", html);
    }

    [Theory]
    [InlineData("/api/v1/items", "get")]
    [InlineData("/api/v1/items/{implementationCode}", "get")]
    [InlineData("/api/v1/items/{implementationCode}/materials", "post")]
    public async Task OpenApiDocument_DescribesThePublicCatalogApi(string path, string method)
    {
        using var client = app.CreateClient();
        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        Assert.True(document.GetProperty("paths").TryGetProperty(path, out var operations), $"{path} missing from the OpenAPI document");
        Assert.True(operations.TryGetProperty(method, out var operation), $"{method} {path} missing");
        Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()));
    }

    /// <summary>Five 天干地支 characters no other test's names share: the test's own corner of the catalog.</summary>
    internal static string Marker()
    {
        const string Stems = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥";
        return new string([.. Guid.NewGuid().ToByteArray().Take(5).Select(b => Stems[b % Stems.Length])]);
    }

    internal static string Escape(string text) => Uri.EscapeDataString(text);

    private async Task<string> PublishAsync(string name, Func<ImplementationContent, ImplementationContent>? change = null, Guid? department = null)
    {
        var content = CatalogActions.ValidContent(name);
        var published = await app.PublishImplementationAsync(change is null ? content : change(content), department ?? DemoCity.MarketRegulation);
        return published.Code.Value;
    }

    private async Task<(List<JsonElement> Items, int Total)> SearchAsync(string query)
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync($"/api/v1/items?{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /api/v1/items?{query} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return ([.. body.GetProperty("items").EnumerateArray()], body.GetProperty("total").GetInt32());
    }

    private static List<string> Codes(IEnumerable<JsonElement> items) => [.. items.Select(i => i.GetProperty("implementationCode").GetString()!)];
}

public sealed class SearchOnSqlite(SqliteApp app) : SearchTests(app), IClassFixture<SqliteApp>;

public sealed class SearchOnPostgres(PostgresApp app) : SearchTests(app), IClassFixture<PostgresApp>;
