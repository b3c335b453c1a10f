using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tongban.IntegrationTests.Bundles;
using Tongban.IntegrationTests.Cases;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Platform.Demo;
using static Tongban.IntegrationTests.Cases.BackOfficeActions;

namespace Tongban.IntegrationTests.Projects;

/// <summary>
/// 工程建设项目审批 through the API: an enterprise agent opens a project and files its four stages, each once
/// (one application, one set of drawings), every item its own case in its department; the project clock as
/// the agent reads it, counted by hand on the 2026 calendar.
/// </summary>
public abstract class ConstructionProjectTests(TongbanApp app) : IDisposable
{
    private HttpClient? _agent;

    /// <summary>Each item's department works its own case: 自然资源和规划局 and 住建局.</summary>
    private static readonly byte[] Drawings = "%PDF-1.4\n% drawings\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    private static string Agent => Actors.AgentLogin(0);

    [Fact]
    public async Task AProject_RunsItsFourStagesInOrder_OnOneClockWithoutSpecialProceduresOrConnections()
    {
        var agent = await AtAsync(4, 1);
        var number = await OpenAsync(agent);

        // 立项用地规划许可, filed Wed 1 April; 专家评审 from Thu 2 April to Tue 7 April (清明 4-6 April between).
        var first = await FileAsync(agent, number, "landUsePlanning");
        Assert.Equal(["site-selection", "land-use-planning"], first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("key").GetString()));
        agent = await AtAsync(4, 2, 10);
        using (var planning = await app.ApiClientAsync("SN-ZRGH-APPROVER"))
        {
            await ExpectOkAsync(await planning.PostAsJsonAsync($"/api/v1/projects/{number}/special-procedures", new { stage = "landUsePlanning", procedure = "expertReview", note = "选址论证专家评审" }));
        }

        await ExpectProblemAsync(await FileRequestAsync(agent, number, "constructionWorksPermit", await agent.UploadAsync(Drawings, "图纸.pdf")),
            HttpStatusCode.Conflict, "project.previous-stage-incomplete");
        await ExpectProblemAsync(await agent.PostAsJsonAsync($"/api/v1/projects/{number}/connections", new { utility = "water" }), HttpStatusCode.Conflict, "project.connection-too-early");
        agent = await AtAsync(4, 7, 10);
        using (var planning = await app.ApiClientAsync("SN-ZRGH-APPROVER"))
        {
            await ExpectOkAsync(await planning.PostAsJsonAsync($"/api/v1/projects/{number}/special-procedures/end", new { stage = "landUsePlanning" }));
        }

        agent = await AtAsync(4, 9, 15);
        await HandleToResultsAsync(first);
        var view = await ProjectAsync(agent, number);
        // (1 April, 9 April]: 2, 3 and 7 April touched by the 专家评审, 4-6 April 清明: 8 and 9 April count.
        Assert.Equal(("completed", 2), StageClock(view, "landUsePlanning"));
        Assert.Equal("constructionWorksPermit", view.GetProperty("nextStage").GetString());

        // 工程建设许可, Mon 13 April: the 联合踏勘 of both departments recorded once on Thu 16 April, results Fri 17 April.
        agent = await AtAsync(4, 13);
        var second = await FileAsync(agent, number, "constructionWorksPermit");
        agent = await AtAsync(4, 14);
        var withWater = await ExpectOkAsync(await agent.PostAsJsonAsync($"/api/v1/projects/{number}/connections", new { utility = "water" }));
        Assert.Equal("constructionWorksPermit", withWater.GetProperty("connections")[0].GetProperty("requestedInStage").GetString());
        using (var planning = await app.ApiClientAsync("SN-ZRGH-APPROVER"))
        {
            var scheduled = await ExpectOkAsync(await planning.PostAsJsonAsync($"/api/v1/projects/{number}/inspections",
                new { stage = "constructionWorksPermit", action = "schedule", at = new DateTimeOffset(2026, 4, 16, 9, 30, 0, IntakeActions.Beijing) }));
            Assert.Equal(["市自然资源和规划局", "市住房和城乡建设局"], Stage(scheduled, "constructionWorksPermit").GetProperty("inspection").GetProperty("departments").EnumerateArray().Select(d => d.GetString()));
        }

        agent = await AtAsync(4, 16, 11);
        using (var housing = await app.ApiClientAsync("SN-ZJ-APPROVER"))
        {
            await ExpectOkAsync(await housing.PostAsJsonAsync($"/api/v1/projects/{number}/inspections", new { stage = "constructionWorksPermit", action = "record" }));
            await ExpectProblemAsync(await housing.PostAsJsonAsync($"/api/v1/projects/{number}/inspections", new { stage = "constructionWorksPermit", action = "record" }),
                HttpStatusCode.Conflict, "project.inspection-done");
        }

        agent = await AtAsync(4, 17, 15);
        await HandleToResultsAsync(second);
        Assert.Equal(("completed", 4), StageClock(await ProjectAsync(agent, number), "constructionWorksPermit"));

        // 施工许可, Mon 20 April, result Wed 22 April.
        agent = await AtAsync(4, 20);
        var third = await FileAsync(agent, number, "constructionPermit");
        await AtAsync(4, 22, 15);
        await HandleToResultsAsync(third);

        // 竣工验收, Tue 28 April: 联合验收 recorded Wed 29 April, the result Thu 7 May (劳动节 1-5 May between).
        agent = await AtAsync(4, 28);
        var fourth = await FileAsync(agent, number, "completionAcceptance");
        using (var housing = await app.ApiClientAsync("SN-ZJ-APPROVER"))
        {
            await ExpectOkAsync(await housing.PostAsJsonAsync($"/api/v1/projects/{number}/inspections",
                new { stage = "completionAcceptance", action = "schedule", at = new DateTimeOffset(2026, 4, 29, 9, 0, 0, IntakeActions.Beijing) }));
        }

        await AtAsync(4, 29, 16);
        using (var housing = await app.ApiClientAsync("SN-ZJ-APPROVER"))
        {
            await ExpectOkAsync(await housing.PostAsJsonAsync($"/api/v1/projects/{number}/inspections", new { stage = "completionAcceptance", action = "record" }));
        }

        await AtAsync(5, 7, 15);
        await HandleToResultsAsync(fourth);

        agent = await AtAsync(5, 20);
        view = await ProjectAsync(agent, number);
        Assert.True(view.GetProperty("completed").GetBoolean());
        Assert.Equal(("completed", 2), StageClock(view, "constructionPermit"));
        Assert.Equal(("completed", 4), StageClock(view, "completionAcceptance"));
        // 2 + 4 + 2 + 4: the days between stages, the 专家评审 and the 供水报装 are not on the clock.
        var clock = view.GetProperty("clock");
        Assert.Equal((90, 12, 78, false), (clock.GetProperty("limitWorkingDays").GetInt32(), clock.GetProperty("elapsedWorkingDays").GetInt32(),
            clock.GetProperty("remainingWorkingDays").GetInt32(), clock.GetProperty("overdue").GetBoolean()));
        // 自然资源和规划局: 2 days in 立项用地 (its two items on the same days) + 4 in 工程建设许可; 住建局 4 + 2 + 4.
        var shares = view.GetProperty("departments").EnumerateArray().ToDictionary(d => d.GetProperty("department").GetString()!, d => d.GetProperty("workingDays").GetInt32());
        Assert.Equal(6, shares["市自然资源和规划局"]);
        Assert.Equal(10, shares["市住房和城乡建设局"]);
        Assert.Equal(["water"], view.GetProperty("connections").EnumerateArray().Select(c => c.GetProperty("utility").GetString()));
        Assert.Equal(["expertReview"], view.GetProperty("specialProcedures").EnumerateArray().Select(c => c.GetProperty("procedure").GetString()));
    }

    [Fact]
    public async Task AStagesDrawings_AreFiledOnce_AndReferencedByEveryItemOfTheStage()
    {
        var agent = await AtAsync(6, 1);
        var number = await OpenAsync(agent);
        await HandleToResultsAsync(await FileAsync(agent, number, "landUsePlanning"));

        var drawings = await agent.UploadAsync(Drawings, "总平面图及施工图.pdf");
        var document = await agent.UploadAsync(ApplyActions.Pdf, "申请材料.pdf");
        var key = Guid.NewGuid().ToString();
        using var filed = await SendAsync(agent, number, "constructionWorksPermit", drawings, key, document);
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var stage = await filed.Content.ReadFromJsonAsync<JsonElement>();
        var referenced = new List<(string?, string?)>();
        foreach (var (item, material) in new[] { ("works-planning", "designScheme"), ("drawing-review", "constructionDrawings") })
        {
            var caseNumber = stage.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("key").GetString() == item).GetProperty("caseNumber").GetString()!;
            var shown = await agent.CaseAsync(caseNumber);
            var file = shown.GetProperty("materials").EnumerateArray().Single(m => m.GetProperty("key").GetString() == material);
            referenced.Add((file.GetProperty("fileName").GetString(), file.GetProperty("sha256").GetString()));
        }

        Assert.Equal(referenced[0], referenced[1]);
        Assert.Equal("总平面图及施工图.pdf", referenced[0].Item1);

        // The same filing again (a retry) answers the first; filing the stage anew is refused.
        using var retried = await SendAsync(agent, number, "constructionWorksPermit", drawings, key, document);
        Assert.Equal(stage.GetProperty("items").ToString(), (await retried.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").ToString());
        await ExpectProblemAsync(await FileRequestAsync(agent, number, "constructionWorksPermit", drawings), HttpStatusCode.Conflict, "project.stage-started");
    }

    [Fact]
    public async Task AnotherEnterprise_DoesNotFindTheProject()
    {
        var agent = await AtAsync(7, 1);
        var number = await OpenAsync(agent);
        using var other = await app.ApiClientAsync(Actors.AgentLogin(1));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/projects/{number}")).StatusCode);
        await ExpectProblemAsync(await FileRequestAsync(other, number, "landUsePlanning", await other.UploadAsync(Drawings, "图纸.pdf")), HttpStatusCode.NotFound, "projects.not-found");
        await ExpectProblemAsync(await other.PostAsJsonAsync($"/api/v1/projects/{number}/connections", new { utility = "power" }), HttpStatusCode.NotFound, "projects.not-found");
        Assert.DoesNotContain((await other.GetFromJsonAsync<JsonElement>("/api/v1/projects")).EnumerateArray(), p => p.GetProperty("number").GetString() == number);

        // Staff of a department with no case of the project do not find it either.
        using var market = await app.ApiClientAsync("SN-APPROVER");
        Assert.Equal(HttpStatusCode.NotFound, (await market.GetAsync($"/api/v1/projects/{number}")).StatusCode);
    }

    public void Dispose()
    {
        _agent?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Sets the city clock to a 2026 local time and signs the agent in anew (a token does not outlive the jump).</summary>
    private async Task<HttpClient> AtAsync(int month, int day, int hour = 9)
    {
        app.Clock.SetLocal(2026, month, day, hour);
        _agent?.Dispose();
        _agent = await app.ApiClientAsync(Agent);
        return _agent;
    }

    private static async Task<string> OpenAsync(HttpClient agent)
    {
        var opened = await agent.PostAsJsonAsync("/api/v1/projects", new { code = "2026-510900-47-01-000123", name = "南津科技研发中心建设项目" });
        Assert.True(opened.StatusCode == HttpStatusCode.Created, await opened.Content.ReadAsStringAsync());
        var project = await opened.Content.ReadFromJsonAsync<JsonElement>();
        var number = project.GetProperty("number").GetString()!;
        Assert.StartsWith("GCXM", number);
        Assert.Equal("landUsePlanning", project.GetProperty("nextStage").GetString());
        return number;
    }

    private static async Task<JsonElement> ProjectAsync(HttpClient client, string number) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{number}");

    private static JsonElement Stage(JsonElement project, string stage) =>
        project.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("stage").GetString() == stage);

    private static (string, int) StageClock(JsonElement project, string stage) =>
        (Stage(project, stage).GetProperty("status").GetString()!, Stage(project, stage).GetProperty("elapsedWorkingDays").GetInt32());

    private static async Task<JsonElement> FileAsync(HttpClient agent, string number, string stage)
    {
        using var response = await FileRequestAsync(agent, number, stage, await agent.UploadAsync(Drawings, "图纸.pdf"));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Task<HttpResponseMessage> FileRequestAsync(HttpClient agent, string number, string stage, Guid drawings) =>
        SendAsync(agent, number, stage, drawings, Guid.NewGuid().ToString());

    /// <summary>The stage's one application: every field once, every material the stage's items may ask uploaded once.</summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient agent, string number, string stage, Guid drawings, string key, Guid? document = null)
    {
        var enterprise = DemoCity.Enterprises[0];
        var values = new Dictionary<string, string>
        {
            ["enterpriseName"] = enterprise.Name,
            ["enterpriseUscc"] = DemoCity.UsccFor("91", enterprise.RegionCode, enterprise.OrganisationCodeBody).Value,
            ["legalRepresentative"] = "张伟",
            ["contactPhone"] = "13800000004",
            ["projectName"] = "南津科技研发中心建设项目",
            ["projectCode"] = "2026-510900-47-01-000123",
            ["projectAddress"] = "遂宁市船山区河东新区 88 号",
            ["landArea"] = "12000",
            ["designUnit"] = "四川省建筑设计研究院",
            ["contractPrice"] = "8600",
            ["completionDate"] = "2026-04-27",
        };
        document ??= await agent.UploadAsync(ApplyActions.Pdf, "申请材料.pdf");
        string[] keys = ["application", "businessLicence", "landTitle", "schemeReview", "siteReport", "landContract", "planningPermit", "contract", "funding", "drawingReview",
            "qualityMeasures", "reviewCertificate", "report", "asBuilt"];
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/projects/{number}/stages/{stage}/cases")
        {
            Content = JsonContent.Create(new
            {
                answers = new Dictionary<string, string> { ["agent"] = "self", ["supply"] = "grant" },
                formValues = values,
                drawingsFileId = drawings,
                materials = keys.Select(k => new { key = k, route = "upload", fileId = document }),
            }),
        };
        request.Headers.Add("Idempotency-Key", key);
        return await agent.SendAsync(request);
    }

    /// <summary>受理 at the city window; every step, 准予 and (when no e-licence was issued at decision) 制证 by the item's department.</summary>
    private async Task HandleToResultsAsync(JsonElement filedStage)
    {
        foreach (var caseNumber in filedStage.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("caseNumber").GetString()!))
        {
            await app.HandleToResultAsync(caseNumber);
        }
    }
}

public sealed class ConstructionProjectTestsOnSqlite(SqliteApp app) : ConstructionProjectTests(app), IClassFixture<SqliteApp>;

public sealed class ConstructionProjectTestsOnPostgres(PostgresApp app) : ConstructionProjectTests(app), IClassFixture<PostgresApp>;
