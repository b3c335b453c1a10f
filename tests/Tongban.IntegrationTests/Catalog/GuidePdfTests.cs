using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives;
using Tongban.Domain.Primitives.Calendar;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.IntegrationTests.Platform;
using Tongban.Modules.Catalog.Features.EditDraft;
using Tongban.Platform.Demo;

namespace Tongban.IntegrationTests.Catalog;

/// <summary>办事指南 PDF: what a person downloading the guide of a published item reads in it.</summary>
public abstract class GuidePdfTests(TongbanApp app)
{
    /// <summary>A well-formed implementation code of the city's market regulator for an item nobody issued.</summary>
    private static readonly string NeverIssued = ImplementationCode.Create(
        DemoCity.UsccFor("11", "510900000000", "MB1A0003"), ExerciseLevel.Municipal, BasicItemCode.FromTrusted("NX0000000000")).Value;

    /// <summary>A 食品经营许可 with the elements a guide shows: exemptions, 容缺, a situation, a special procedure.</summary>
    private static readonly ImplementationContent FoodBusinessLicence = CatalogActions.ValidContent("食品经营许可") with
    {
        ImplementingBody = "遂宁市市场监督管理局",
        Audience = Audience.LegalPerson,
        StatutoryLimit = new TimeLimit(20, TimeLimitUnit.WorkingDays, "自受理之日起计算"),
        PromisedLimit = new TimeLimit(7, TimeLimitUnit.WorkingDays),
        SpecialProcedures = [SpecialProcedure.SiteSurvey],
        Location = "遂宁市政务服务中心一楼市场准入区 12 号窗口",
        OnlineDepth = OnlineDepth.FullyOnline,
        Visits = VisitCount.Zero,
        ServiceScope = ServiceScope.CityWide,
        CommitmentAllowed = true,
        Materials =
        [
            new MaterialRequirement { Key = "application", Name = "食品经营许可申请书", AcceptanceCriteria = "申请人签字或盖章" },
            new MaterialRequirement { Key = "licence", Name = "营业执照", Source = MaterialSource.Government, Exemptions = [new Exemption(ExemptionRoute.HeldLicence, "营业执照")] },
            new MaterialRequirement { Key = "rules", Name = "食品安全管理制度文本", Form = MaterialForm.Original, DeficiencyAllowed = true, Exemptions = [new Exemption(ExemptionRoute.Commitment)] },
            new MaterialRequirement { Key = "agent", Name = "授权委托书", Conditional = true },
        ],
        Situations =
        [
            new Situation
            {
                Key = "by-agent",
                Question = "是否委托他人代为办理？",
                Answers = [new SituationAnswer { Key = "yes", Text = "是", Adds = ["agent"] }, new SituationAnswer { Key = "no", Text = "否" }],
            },
        ],
    };

    [Fact]
    public async Task PublishedItem_GuidePdf_ShowsNameCodeLimitsAndMaterials_AsText()
    {
        var code = await PublishAsync(FoodBusinessLicence);

        using var client = app.CreateClient();
        var response = await client.GetAsync($"/items/{code}/guide.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var text = await PdfTools.TextAsync(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("食品经营许可", text);
        Assert.Contains(code, text);
        Assert.Contains("7个工作日", text);
        Assert.Contains("比法定时限缩短65%", text);
        Assert.Contains("现场勘察", text);
        Assert.Contains("食品经营许可申请书", text);
        Assert.Contains("可通过电子证照免提交（证照类型：营业执照）", text);
        Assert.Contains("食品安全管理制度文本", text);
        Assert.Contains("可容缺受理", text);
        Assert.Contains("授权委托书", text);
        Assert.Contains("是否委托他人代为办理？——是：需提交授权委托书", text);
        Assert.Contains("遂宁市政务服务中心一楼市场准入区12号窗口", text);
        Assert.Contains("四级（全程网办）", text);
        Assert.Contains("第1页共", text);
    }

    [Fact]
    public async Task NewDraft_StaysOutOfTheGuidePdf_UntilItIsPublished()
    {
        var implementation = await app.PublishImplementationAsync(FoodBusinessLicence, DemoCity.MarketRegulation);
        await app.AsStaffAsync<EditDraftHandler, Implementation>(CatalogActions.Editor, h =>
            h.HandleAsync(implementation.Id, c => c with { Location = "草稿中的新办理地点" }, implementation.Version, CancellationToken.None));

        using var client = app.CreateClient();
        var text = await PdfTools.TextAsync(await client.GetByteArrayAsync($"/items/{implementation.Code.Value}/guide.pdf"));

        Assert.Contains("遂宁市政务服务中心一楼市场准入区12号窗口", text);
        Assert.DoesNotContain("草稿中的新办理地点", text);
    }

    [Fact]
    public async Task GuidePdf_IsAnAttachmentNamedAfterTheItem_InUtf8()
    {
        var code = await PublishAsync(FoodBusinessLicence with { Name = "公共场所卫生许可（新办）" });

        using var client = app.CreateClient();
        var response = await client.GetAsync($"/items/{code}/guide.pdf");

        var disposition = response.Content.Headers.ContentDisposition;
        Assert.Equal("attachment", disposition?.DispositionType);
        Assert.Equal("办事指南-公共场所卫生许可（新办）.pdf", disposition?.FileNameStar);
        Assert.Contains("filename*=UTF-8''%E5%8A%9E%E4%BA%8B%E6%8C%87%E5%8D%97-", response.Content.Headers.GetValues("Content-Disposition").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GuidePdf_EmbedsEveryFontItUses()
    {
        var code = await PublishAsync(FoodBusinessLicence);

        using var client = app.CreateClient();
        var fonts = await PdfTools.FontsAsync(await client.GetByteArrayAsync($"/items/{code}/guide.pdf"));

        Assert.NotEmpty(fonts);
        Assert.All(fonts, font => Assert.True(font.Embedded, $"{font.Name} is not embedded"));
    }

    [Fact]
    public async Task UnknownCode_AnswersTheChineseNotFoundPage_ToABrowser()
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync($"/items/{NeverIssued}/guide.pdf");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("页面不存在", Pages.Text(await response.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task UnknownCode_AnswersProblemDetails_ToAnApiClient(bool wellFormed)
    {
        var code = wellFormed ? NeverIssued : "not-a-code";
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/items/{code}/guide.pdf");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("catalog.implementation-not-found", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheGuidePdf()
    {
        using var client = app.CreateClient();
        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        Assert.True(document.GetProperty("paths").GetProperty("/items/{implementationCode}/guide.pdf").TryGetProperty("get", out _));
    }

    private async Task<string> PublishAsync(ImplementationContent content) =>
        (await app.PublishImplementationAsync(content, DemoCity.MarketRegulation)).Code.Value;
}

public sealed class GuidePdfOnSqlite(SqliteApp app) : GuidePdfTests(app), IClassFixture<SqliteApp>;

public sealed class GuidePdfOnPostgres(PostgresApp app) : GuidePdfTests(app), IClassFixture<PostgresApp>;
