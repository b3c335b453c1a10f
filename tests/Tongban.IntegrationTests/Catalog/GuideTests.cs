using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives;
using Tongban.Domain.Primitives.Calendar;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Platform.Demo;

namespace Tongban.IntegrationTests.Catalog;

/// <summary>办事指南: the guide page (/items/{code}) and the public item API, as a person or a kiosk reads them.</summary>
public abstract class GuideTests(TongbanApp app)
{
    /// <summary>A well-formed implementation code of the city's market regulator for an item nobody issued.</summary>
    private static readonly string NeverIssued = ImplementationCode.Create(
        DemoCity.UsccFor("11", "510900000000", "MB1A0003"), ExerciseLevel.Municipal, BasicItemCode.FromTrusted("NX0000000001")).Value;

    /// <summary>
    /// An item with every kind of element a guide explains: fees, a special procedure, 全程网办, each way
    /// to be spared a material (电子证照, 数据共享, 告知承诺, 容缺) and two situation questions.
    /// </summary>
    private static ImplementationContent Shop(string name) => CatalogActions.ValidContent(name) with
    {
        Audience = Audience.Both,
        AcceptanceConditions = "经营场所符合规划用途。",
        StatutoryLimit = new TimeLimit(20, TimeLimitUnit.WorkingDays, "自受理之日起计算"),
        PromisedLimit = new TimeLimit(5, TimeLimitUnit.WorkingDays),
        SpecialProcedures = [SpecialProcedure.SiteSurvey],
        Location = "遂宁市政务服务中心二楼 18 号窗口",
        OfficeHours = "周一至周五 9:00-17:00（法定节假日除外）",
        Charged = true,
        Fees = [new FeeItem("证照工本费", "每证 10 元", "《遂宁市行政事业性收费目录》")],
        OnlinePayment = true,
        OnlineDepth = OnlineDepth.FullyOnline,
        Visits = VisitCount.Zero,
        ServiceScope = ServiceScope.CityWide,
        ExpressDelivery = true,
        CommitmentAllowed = true,
        ResultName = "经营许可证",
        Materials =
        [
            new MaterialRequirement { Key = "application", Name = "经营许可申请表", AcceptanceCriteria = "申请人签字" },
            new MaterialRequirement { Key = "id", Name = "居民身份证", Source = MaterialSource.Government, Exemptions = [new Exemption(ExemptionRoute.HeldLicence, "居民身份证")] },
            new MaterialRequirement { Key = "household", Name = "户口簿", Source = MaterialSource.Government, Exemptions = [new Exemption(ExemptionRoute.SharedData, "人口基础信息库")] },
            new MaterialRequirement { Key = "premises", Name = "经营场所使用证明", DeficiencyAllowed = true, Exemptions = [new Exemption(ExemptionRoute.Commitment)] },
            new MaterialRequirement { Key = "photo", Name = "近期免冠照片", Form = MaterialForm.Original, Copies = 2 },
            new MaterialRequirement { Key = "proxy", Name = "授权委托书", Conditional = true },
        ],
        Situations =
        [
            new Situation
            {
                Key = "by-agent",
                Question = "是否委托他人代为办理？",
                Answers = [new SituationAnswer { Key = "yes", Text = "是，委托他人", Adds = ["proxy"] }, new SituationAnswer { Key = "no", Text = "否，本人办理" }],
            },
            new Situation
            {
                Key = "e-photo",
                Question = "是否已在平台上传电子照片？",
                Answers = [new SituationAnswer { Key = "yes", Text = "已上传", Removes = ["photo"] }, new SituationAnswer { Key = "no", Text = "未上传" }],
            },
        ],
    };

    [Fact]
    public async Task Api_ReturnsTheCurrentVersionWithEveryElement()
    {
        var name = "经营许可" + SearchTests.Marker();
        var published = await app.PublishImplementationAsync(Shop(name), DemoCity.PengxiMarketRegulation);
        var code = published.Code.Value;

        using var client = app.CreateClient();
        var item = await client.GetFromJsonAsync<JsonElement>($"/api/v1/items/{code}");

        Assert.Equal(code, item.GetProperty("implementationCode").GetString());
        Assert.Equal(published.BasicCode.Value, item.GetProperty("code").GetString());
        Assert.Equal(1, item.GetProperty("version").GetInt32());
        Assert.Equal("蓬溪县市场监督管理局", item.GetProperty("department").GetString());
        Assert.Equal("510921000000", item.GetProperty("region").GetString());
        Assert.Equal("蓬溪县", item.GetProperty("regionName").GetString());
        Assert.Equal("administrativeLicensing", item.GetProperty("itemType").GetString());
        Assert.True(item.GetProperty("publishedAt").GetDateTimeOffset() > DateTimeOffset.MinValue);
        var content = item.GetProperty("content");
        Assert.Equal(name, content.GetProperty("name").GetString());
        Assert.Equal("both", content.GetProperty("audience").GetString());
        Assert.Equal("fullyOnline", content.GetProperty("onlineDepth").GetString());
        Assert.Equal(6, content.GetProperty("materials").GetArrayLength());
        Assert.Equal(2, content.GetProperty("situations").GetArrayLength());
        Assert.Equal("证照工本费", content.GetProperty("fees")[0].GetProperty("name").GetString());
        // The content is catalog JSON: it reads back as the same elements.
        Assert.Equal(CatalogJson.Serialize(Shop(name)), CatalogJson.Serialize(CatalogJson.Deserialize(content.GetRawText())));
    }

    [Theory]
    [InlineData("unknown")]
    [InlineData("malformed")]
    public async Task Api_UnknownItem_Is404ProblemDetails(string kind)
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync($"/api/v1/items/{(kind == "unknown" ? NeverIssued : "NOT-A-CODE")}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("catalog.implementation-not-found", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task ClaimedButUnpublishedItem_IsNotPublic()
    {
        var draft = await app.ClaimAsync(await app.IssueItemAsync("草稿事项" + SearchTests.Marker()), DemoCity.MarketRegulation);

        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/items/{draft.Code.Value}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/items/{draft.Code.Value}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/v1/items/{draft.Code.Value}/materials", new { answers = new { } })).StatusCode);
    }

    [Fact]
    public async Task MaterialsApi_AnswersChangeTheList()
    {
        var code = await PublishShopAsync();

        var plain = await MaterialsAsync(code, new { });
        var byAgent = await MaterialsAsync(code, new { answers = new Dictionary<string, string> { ["by-agent"] = "yes" } });
        var withPhoto = await MaterialsAsync(code, new { answers = new Dictionary<string, string> { ["by-agent"] = "no", ["e-photo"] = "yes" } });

        Assert.Equal(["application", "id", "household", "premises", "photo"], Keys(plain));
        Assert.Equal(["application", "id", "household", "premises", "photo", "proxy"], Keys(byAgent));
        Assert.Equal(["application", "id", "household", "premises"], Keys(withPhoto));

        var materials = plain.GetProperty("materials");
        var id = materials[1];
        Assert.Equal("居民身份证", id.GetProperty("name").GetString());
        Assert.Equal("required", id.GetProperty("necessity").GetString());
        Assert.Equal("electronic", id.GetProperty("form").GetString());
        Assert.Equal(1, id.GetProperty("copies").GetInt32());
        Assert.Equal("government", id.GetProperty("source").GetString());
        Assert.Equal("heldLicence", id.GetProperty("exemptions")[0].GetProperty("route").GetString());
        Assert.Equal("居民身份证", id.GetProperty("exemptions")[0].GetProperty("reference").GetString());
        Assert.False(id.GetProperty("deficiencyAllowed").GetBoolean());
        Assert.True(materials[3].GetProperty("deficiencyAllowed").GetBoolean());
        Assert.Equal("commitment", materials[3].GetProperty("exemptions")[0].GetProperty("route").GetString());
        Assert.Equal(2, materials[4].GetProperty("copies").GetInt32());
        Assert.Equal(code, plain.GetProperty("implementationCode").GetString());
        Assert.Equal(1, plain.GetProperty("version").GetInt32());
    }

    [Theory]
    [InlineData("by-agent", "maybe", "catalog.answer-unknown")]
    [InlineData("pets", "yes", "catalog.situation-unknown")]
    public async Task MaterialsApi_UnknownSituationOrAnswer_Is422(string situation, string answer, string rule)
    {
        var code = await PublishShopAsync();

        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync($"/api/v1/items/{code}/materials", new { answers = new Dictionary<string, string> { [situation] = answer } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(rule, problem.GetProperty("code").GetString());
        Assert.Equal(situation, problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task MaterialsApi_UnknownItem_Is404_AndAMalformedBody_IsAProblem()
    {
        using var client = app.CreateClient();
        var unknown = await client.PostAsJsonAsync($"/api/v1/items/{NeverIssued}/materials", new { answers = new { } });
        var malformed = await client.PostAsync($"/api/v1/items/{NeverIssued}/materials", new StringContent("{\"answers\": [1, 2]}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GuidePage_ShowsEveryElementInPlainChinese()
    {
        var code = await PublishShopAsync();

        using var browser = app.Browser();
        var html = await browser.GetPageAsync($"/items/{code}");
        var text = Pages.Text(html);

        foreach (var heading in new[] { "基本信息", "受理条件", "办理时限", "特别程序", "办理流程", "申请材料", "收费", "办理地点和时间", "咨询与投诉", "网上办理", "办理结果" })
        {
            Assert.Contains($">{heading}</h2>", html);
        }

        Assert.Contains("《中华人民共和国行政许可法》第十二条", text);
        Assert.Contains("经营场所符合规划用途。", text);
        Assert.Contains("法定办结时限 20 个工作日（自受理之日起计算）", text);
        Assert.Contains("承诺办结时限 5 个工作日", text);
        Assert.Contains("比法定时限缩短 75%", text);
        Assert.Contains("现场勘察", text);
        Assert.Contains("受理 审查 决定 办结", text);
        Assert.Contains("证照工本费 每证 10 元", text);
        Assert.Contains("遂宁市政务服务中心二楼 18 号窗口", text);
        Assert.Contains("周一至周五 9:00-17:00（法定节假日除外）", text);
        Assert.Contains("12345 政务服务便民热线", text);
        Assert.Contains("四级（全程网办）", text);
        Assert.Contains("能，可全程网上办理，无需到现场", text);
        Assert.Contains("经营许可证", text);
        Assert.Contains("可通过电子证照免提交（证照类型：居民身份证）", text);
        Assert.Contains("可通过数据共享免提交（数据来源：人口基础信息库）", text);
        Assert.Contains("可告知承诺", text);
        Assert.Contains("可容缺受理", text);
        Assert.Contains($"href=\"/items/{code}/guide.pdf\"", html);
        Assert.Contains("下载办事指南 PDF", text);
    }

    [Fact]
    public async Task GuidePage_PrintsCleanly()
    {
        var code = await PublishShopAsync();

        using var browser = app.Browser();
        var html = await browser.GetPageAsync($"/items/{code}");
        var stylesheet = await browser.GetStringAsync("/css/items.css");

        Assert.Contains("/css/items.css", html);
        Assert.Contains("class=\"situations no-print\"", html);
        Assert.Contains("@media print", stylesheet);
        Assert.Contains(".no-print", stylesheet[stylesheet.IndexOf("@media print", StringComparison.Ordinal)..]);
    }

    [Fact]
    public async Task GuidePage_Questionnaire_ShowsTheExactListForTheAnswers()
    {
        var code = await PublishShopAsync();

        using var browser = app.Browser();
        var before = Pages.Text(await browser.GetPageAsync($"/items/{code}"));
        var html = await browser.GetPageAsync($"/items/{code}?Answers%5Bby-agent%5D=yes&Answers%5Be-photo%5D=yes");
        var after = Pages.Text(html);

        Assert.Contains("是否委托他人代为办理？", before);
        Assert.Contains("特定情形下需要的材料", before);
        Assert.Contains("近期免冠照片", before);
        Assert.Contains("根据您的选择，需要准备以下 5 项材料", after);
        Assert.Contains("授权委托书", after);
        Assert.DoesNotContain("近期免冠照片", after);
        Assert.Contains("name=\"Answers[by-agent]\" value=\"yes\" checked=\"checked\"", html);
    }

    [Fact]
    public async Task GuidePage_UnknownAnswer_IsExplainedInTheErrorSummary()
    {
        var code = await PublishShopAsync();

        using var browser = app.Browser();
        var html = await browser.GetPageAsync($"/items/{code}?Answers%5Bby-agent%5D=maybe");

        Assert.Contains("error-summary", html);
        Assert.Contains("href=\"#situation_by-agent\"", html);
        Assert.Contains("“是否委托他人代为办理？”没有选项“maybe”", Pages.Text(html));
        Assert.DoesNotContain("根据您的选择", Pages.Text(html));
    }

    [Fact]
    public async Task GuidePage_UnknownCode_Is404OfferingTheSearch()
    {
        using var browser = app.Browser();
        var response = await browser.GetAsync($"/items/{NeverIssued}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("未找到该事项", Pages.Text(html));
        Assert.Contains("href=\"/items\"", html);
    }

    [Fact]
    public async Task Republishing_ShowsTheNewVersionEverywhere()
    {
        var name = "经营许可" + SearchTests.Marker();
        var published = await app.PublishImplementationAsync(Shop(name), DemoCity.MarketRegulation);
        var code = published.Code.Value;

        await app.ReviseAsync(published.Id, Shop(name + "（新版）") with { Location = "遂宁市政务服务中心三楼 3 号窗口" });

        using var browser = app.Browser();
        var page = Pages.Text(await browser.GetPageAsync($"/items/{code}"));
        var item = await browser.GetFromJsonAsync<JsonElement>($"/api/v1/items/{code}");
        var search = await browser.GetFromJsonAsync<JsonElement>($"/api/v1/items?q={SearchTests.Escape(name)}");

        Assert.Contains("第 2 版", page);
        Assert.Contains("遂宁市政务服务中心三楼 3 号窗口", page);
        Assert.DoesNotContain("二楼 18 号窗口", page);
        Assert.Equal(2, item.GetProperty("version").GetInt32());
        Assert.Equal(name + "（新版）", item.GetProperty("content").GetProperty("name").GetString());
        var hit = Assert.Single(search.GetProperty("items").EnumerateArray());
        Assert.Equal(2, hit.GetProperty("version").GetInt32());
        Assert.Equal(name + "（新版）", hit.GetProperty("name").GetString());
    }

    private async Task<string> PublishShopAsync() =>
        (await app.PublishImplementationAsync(Shop("经营许可" + SearchTests.Marker()), DemoCity.MarketRegulation)).Code.Value;

    private async Task<JsonElement> MaterialsAsync(string code, object body)
    {
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync($"/api/v1/items/{code}/materials", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<string> Keys(JsonElement list) => [.. list.GetProperty("materials").EnumerateArray().Select(m => m.GetProperty("key").GetString()!)];
}

public sealed class GuideOnSqlite(SqliteApp app) : GuideTests(app), IClassFixture<SqliteApp>;

public sealed class GuideOnPostgres(PostgresApp app) : GuideTests(app), IClassFixture<PostgresApp>;
