using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Audit;
using Tongban.Domain.Evaluation;
using Tongban.IntegrationTests.Cases;
using Tongban.IntegrationTests.Infrastructure;
using static Tongban.IntegrationTests.Cases.BackOfficeActions;
using static Tongban.IntegrationTests.Evaluation.RectificationActions;

namespace Tongban.IntegrationTests.Evaluation;

public abstract class RectificationTests(TongbanApp app)
{
    private static string Rater => Actors.CitizenLogin(0);

    [Fact]
    public async Task RealName_VisitRectifyNotSatisfiedRectifyConfirm_ThenTheSupervisorCloses()
    {
        var item = await app.PublishHandledItemAsync();
        var order = await app.BadRatingOrderAsync(item, Rater);
        using var department = await app.ApiClientAsync(Department);
        using var rater = await app.ApiClientAsync(Rater);
        using var supervisor = await app.ApiClientAsync(Supervisor);

        var opened = await ExpectOkAsync(await department.GetAsync($"/api/v1/backoffice/rectifications/{order}"));
        Assert.Equal("Open", opened.State());
        Assert.Equal("13800001234", opened.GetProperty("rater").GetProperty("phone").GetString());
        Assert.True(await app.WithDbAsync(db => db.Set<AuditRecord>().AnyAsync(a => a.Action == "evaluation.rectification.view" && a.EntityId == order.ToString())));
        await ExpectProblemAsync(await department.RectifyAsync(order, "先整改"), HttpStatusCode.Conflict, "evaluation.visit-first");

        Assert.Equal("Visited", (await ExpectOkAsync(await department.VisitAsync(order, "电话回访：等候时间过长"))).State());
        Assert.Equal("Rectified", (await ExpectOkAsync(await department.RectifyAsync(order, "增设一个窗口"))).State());
        await ExpectProblemAsync(await supervisor.CheckAsync(order, close: true), HttpStatusCode.Conflict, "evaluation.rectification-state");

        var mine = await rater.GetFromJsonAsync<JsonElement>("/api/v1/me/rectifications");
        Assert.Contains(mine.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == order);
        Assert.Equal(JsonValueKind.Null, (await ExpectOkAsync(await rater.GetAsync($"/api/v1/me/rectifications/{order}"))).GetProperty("rater").ValueKind);
        Assert.Equal("Visited", (await ExpectOkAsync(await rater.ConfirmAsync(order, satisfied: false, "还是要排很久"))).State());

        Assert.Equal("Rectified", (await ExpectOkAsync(await department.RectifyAsync(order, "高峰时段开放预约"))).State());
        Assert.Equal("Confirmed", (await ExpectOkAsync(await rater.ConfirmAsync(order, satisfied: true))).State());
        var closed = await ExpectOkAsync(await supervisor.CheckAsync(order, close: true, "核查属实"));

        Assert.Equal("Closed", closed.State());
        Assert.Equal(
            new[] { "Open", "Visited", "Rectified", "Visited", "Rectified", "Confirmed", "Closed" },
            closed.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("state").GetString()!).ToArray());
        Assert.True(await app.WithDbAsync(db => db.Set<AuditRecord>().AnyAsync(a => a.Action == "evaluation.rectification.close" && a.EntityId == order.ToString())));
    }

    [Fact]
    public async Task Anonymous_IsRectifiedWithoutAVisit_AndGoesStraightToTheSupervisor()
    {
        var item = await app.PublishHandledItemAsync();
        var order = await app.BadRatingOrderAsync(item, raterLogin: null);
        using var department = await app.ApiClientAsync(Department);
        using var supervisor = await app.ApiClientAsync(Supervisor);

        var shown = await ExpectOkAsync(await department.GetAsync($"/api/v1/backoffice/rectifications/{order}"));
        Assert.Equal(JsonValueKind.Null, shown.GetProperty("rater").ValueKind);
        await ExpectProblemAsync(await department.VisitAsync(order, "回访"), HttpStatusCode.Conflict, "evaluation.anonymous-no-visit");
        Assert.Equal("Rectified", (await ExpectOkAsync(await department.RectifyAsync(order, "调整取号规则"))).State());
        await ExpectProblemAsync(await supervisor.CheckAsync(order, close: false), HttpStatusCode.UnprocessableEntity, "evaluation.note-needed");
        Assert.Equal("Open", (await ExpectOkAsync(await supervisor.CheckAsync(order, close: false, "措施不具体"))).State());
        await ExpectOkAsync(await department.RectifyAsync(order, "取号机增加老年人通道"));

        Assert.Equal("Closed", (await ExpectOkAsync(await supervisor.CheckAsync(order, close: true))).State());
    }

    [Fact]
    public async Task AGoodRating_OpensNoWorkOrder()
    {
        var item = await app.PublishHandledItemAsync();
        var rating = await app.RecordRatingAsync(item, 4, Rater);

        Assert.False(await app.WithDbAsync(db => db.Set<Rectification>().AnyAsync(r => r.RatingId == rating)));
    }

    [Fact]
    public async Task Deadline_CountsWorkingDaysOverNationalDay_AndTheListShowsTheOrderOverdueTheDayAfter()
    {
        var item = await app.PublishHandledItemAsync();
        app.Clock.SetLocal(2026, 9, 30, 10);
        var order = await app.BadRatingOrderAsync(item, Rater);

        // 5 working days from Wednesday 9/30: 10/8, 10/9, 10/10 (调休 Saturday), 10/12, 10/13.
        app.Clock.SetLocal(2026, 10, 13, 17);
        using (var department = await app.ApiClientAsync(Department))
        {
            var onTheDay = await ListedAsync(department, "/api/v1/backoffice/rectifications", order);
            Assert.Equal(new DateOnly(2026, 10, 13), LocalDate(onTheDay.GetProperty("deadline")));
            Assert.False(onTheDay.GetProperty("overdue").GetBoolean());
            Assert.Equal(0, onTheDay.GetProperty("remainingWorkingDays").GetInt32());
        }

        // Signed in afresh: sessions and tokens do not last the fortnight the clock moved.
        app.Clock.SetLocal(2026, 10, 14, 9);
        using var api = await app.ApiClientAsync(Department);
        var after = await ListedAsync(api, "/api/v1/backoffice/rectifications", order);
        Assert.True(after.GetProperty("overdue").GetBoolean());
        Assert.Equal(-1, after.GetProperty("remainingWorkingDays").GetInt32());
        using var browser = await app.SignedInBrowserAsync(Department);
        var page = Pages.Text(await browser.GetPageAsync("/workbench/rectifications"));
        Assert.Contains("已超期 1 个工作日", page, StringComparison.Ordinal);
        Assert.Contains("2026-10-13", page, StringComparison.Ordinal);
        var workbench = Pages.Text(await browser.GetPageAsync("/workbench"));
        Assert.Matches("本部门有 \\d+ 件差评整改工单待回访或整改，其中 [1-9]\\d* 件已超期", workbench);

        using var supervisor = await app.ApiClientAsync(Supervisor);
        var supervised = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/supervision/rectifications");
        Assert.True(supervised.GetProperty("items")[0].GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task OutsideScope_AnotherDepartmentGets404_AndACitizenCannotConfirmAnothersOrder()
    {
        var item = await app.PublishHandledItemAsync();
        var order = await app.BadRatingOrderAsync(item, Rater);
        using var health = await app.ApiClientAsync("SN-WJW-APPROVER");
        using var county = await app.ApiClientAsync("PX-APPROVER");
        using var otherCitizen = await app.ApiClientAsync(Actors.CitizenLogin(1));
        using var department = await app.ApiClientAsync(Department);

        await ExpectProblemAsync(await health.GetAsync($"/api/v1/backoffice/rectifications/{order}"), HttpStatusCode.NotFound, "evaluation.rectification-not-found");
        await ExpectProblemAsync(await county.VisitAsync(order, "回访"), HttpStatusCode.NotFound, "evaluation.rectification-not-found");
        Assert.DoesNotContain((await health.GetFromJsonAsync<JsonElement>("/api/v1/backoffice/rectifications")).GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == order);
        await ExpectProblemAsync(await department.GetAsync($"/api/v1/supervision/rectifications/{order}"), HttpStatusCode.NotFound, "evaluation.rectification-not-found");

        await ExpectOkAsync(await department.VisitAsync(order, "已回访"));
        await ExpectOkAsync(await department.RectifyAsync(order, "已整改"));
        await ExpectProblemAsync(await otherCitizen.ConfirmAsync(order, satisfied: true), HttpStatusCode.NotFound, "evaluation.rectification-not-found");
        Assert.DoesNotContain((await otherCitizen.GetFromJsonAsync<JsonElement>("/api/v1/me/rectifications")).GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == order);
        using var otherBrowser = await app.SignedInBrowserAsync(Actors.CitizenLogin(1), "citizen");
        Assert.Equal(HttpStatusCode.NotFound, (await otherBrowser.GetAsync($"/me/rectifications/{order}")).StatusCode);
    }

    [Fact]
    public async Task AppealUpheld_ExcludesTheRating_WithdrawsTheOrder_AndIsPublishedWithTheReason()
    {
        var item = await app.PublishHandledItemAsync();
        var order = await app.BadRatingOrderAsync(item, Rater);
        using var department = await app.ApiClientAsync(Department);
        using var supervisor = await app.ApiClientAsync(Supervisor);

        await ExpectProblemAsync(await department.AppealAsync(order, "spite", "理由"), HttpStatusCode.UnprocessableEntity, "evaluation.appeal-ground-unknown");
        var appealed = await ExpectOkAsync(await department.AppealAsync(order, "mistaken", "评价人误选了本事项，实为他人办件"));
        Assert.Equal("Pending", appealed.GetProperty("appeal").GetProperty("state").GetString());
        await ExpectProblemAsync(await department.AppealAsync(order, "malicious", "再次申诉"), HttpStatusCode.Conflict, "evaluation.already-appealed");
        await ExpectProblemAsync(await department.ReviewAsync(order, upheld: true, "部门不能审核"), HttpStatusCode.NotFound, "evaluation.rectification-not-found");

        var reviewed = await ExpectOkAsync(await supervisor.ReviewAsync(order, upheld: true, "经核实，评价人所评并非本部门办件，属误评"));

        Assert.Equal("Withdrawn", reviewed.State());
        var rating = reviewed.GetProperty("rating").GetProperty("id").GetGuid();
        Assert.Equal(AppealState.Upheld, await app.WithDbAsync(db => db.Set<Rating>().Where(r => r.Id == rating).Select(r => r.AppealStatus).SingleAsync()));
        await ExpectProblemAsync(await department.RectifyAsync(order, "不必再整改"), HttpStatusCode.Conflict, "evaluation.rectification-state");

        using var anyone = app.Browser();
        var page = Pages.Text(await anyone.GetPageAsync("/ratings/appeals"));
        Assert.Contains("经核实，评价人所评并非本部门办件，属误评", page, StringComparison.Ordinal);
        Assert.Contains("申诉成立", page, StringComparison.Ordinal);
        Assert.Contains("市市场监督管理局", page, StringComparison.Ordinal);
        Assert.DoesNotContain("13800001234", page, StringComparison.Ordinal);
        var published = await anyone.GetFromJsonAsync<JsonElement>("/api/v1/ratings/appeals");
        var entry = published.GetProperty("items").EnumerateArray().First(a => a.GetProperty("publicReason").GetString() == "经核实，评价人所评并非本部门办件，属误评");
        Assert.StartsWith("后台事项", entry.GetProperty("itemName").GetString(), StringComparison.Ordinal);
        Assert.Equal("Upheld", entry.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task TheAppellant_CannotReviewTheirOwnAppeal()
    {
        var item = await app.PublishHandledItemAsync();
        var order = await app.BadRatingOrderAsync(item, Rater);
        using var admin = await app.ApiClientAsync("ADMIN");

        await ExpectOkAsync(await admin.AppealAsync(order, "malicious", "同一评价人一日内对全部办件给出差评"));
        await ExpectProblemAsync(await admin.ReviewAsync(order, upheld: true, "自行审核"), HttpStatusCode.Forbidden, "evaluation.appellant-cannot-review");

        using var supervisor = await app.ApiClientAsync(Supervisor);
        var rejected = await ExpectOkAsync(await supervisor.ReviewAsync(order, upheld: false, "证据不足，评价保留"));
        Assert.Equal("Rejected", rejected.GetProperty("appeal").GetProperty("state").GetString());
        Assert.Equal("Open", rejected.State());
    }

    [Fact]
    public async Task AStaleVersion_Is409_AndChangesNothing()
    {
        var item = await app.PublishHandledItemAsync();
        var order = await app.BadRatingOrderAsync(item, Rater);
        using var department = await app.ApiClientAsync(Department);
        var seen = (await ExpectOkAsync(await department.GetAsync($"/api/v1/backoffice/rectifications/{order}"))).GetProperty("version").GetInt32();
        await ExpectOkAsync(await department.VisitAsync(order, "第一次回访", seen));

        await ExpectProblemAsync(await department.RectifyAsync(order, "按旧页面整改", seen), HttpStatusCode.Conflict, "concurrency.stale");

        Assert.Equal("Visited", (await ExpectOkAsync(await department.GetAsync($"/api/v1/backoffice/rectifications/{order}"))).State());
    }

    [Fact]
    public async Task Pages_TheDepartmentVisitsAndRectifies_TheRaterConfirms_TheSupervisorCloses_WithoutJavaScript()
    {
        var item = await app.PublishHandledItemAsync();
        var order = await app.BadRatingOrderAsync(item, Rater);
        var path = $"/workbench/rectifications/{order}";
        using var department = await app.SignedInBrowserAsync(Department);
        Assert.Contains(path, await department.GetPageAsync("/workbench/rectifications"), StringComparison.Ordinal);
        var detail = Pages.Text(await department.GetPageAsync(path));
        Assert.Contains("13800001234", detail, StringComparison.Ordinal);
        Assert.Contains("窗口人员解释不清楚", detail, StringComparison.Ordinal);

        using var api = await app.ApiClientAsync(Department);
        var version = await VersionAsync(api, $"/api/v1/backoffice/rectifications/{order}");
        var refused = await department.PostFormAsync(path, [new("ExpectedVersion", version), new("Note", " ")], path + "?handler=Visit");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("请填写说明", Pages.Text(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await PostAsync(department, path, "Visit", [new("Note", "电话回访：材料清单不清楚")]);
        await PostAsync(department, path, "Rectify", [new("Note", "重新编写一次告知单")]);
        Assert.Contains("已登记整改措施。", Pages.Text(await department.GetPageAsync(path)), StringComparison.Ordinal);

        using var rater = await app.SignedInBrowserAsync(Rater, "citizen");
        var mine = $"/me/rectifications/{order}";
        await PostAsync(rater, mine, "Confirm", [new("Satisfied", "true"), new("Note", "满意")]);
        Assert.Contains("评价人已确认待核查", Pages.Text(await rater.GetPageAsync(mine)), StringComparison.Ordinal);

        using var supervisor = await app.SignedInBrowserAsync(Supervisor);
        var check = $"/supervision/rectifications/{order}";
        await PostAsync(supervisor, check, "Check", [new("Close", "true"), new("Note", "")]);
        Assert.Contains("已办结", Pages.Text(await supervisor.GetPageAsync(check)), StringComparison.Ordinal);
    }

    /// <summary>Posts the page's form for the handler with the version the page shows, and expects the redirect back.</summary>
    private static async Task PostAsync(HttpClient browser, string path, string handler, KeyValuePair<string, string>[] fields)
    {
        var html = await browser.GetPageAsync(path);
        var version = System.Text.RegularExpressions.Regex.Match(html, "name=\"ExpectedVersion\" value=\"(\\d+)\"").Groups[1].Value;
        var response = await browser.PostFormAsync(path, [new("ExpectedVersion", version), .. fields], $"{path}?handler={handler}");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{handler}: {(int)response.StatusCode} {Pages.Text(await response.Content.ReadAsStringAsync())}");
        Assert.Equal(path, response.Headers.Location?.OriginalString);
    }

    private static async Task<string> VersionAsync(HttpClient client, string api) =>
        (await client.GetFromJsonAsync<JsonElement>(api)).GetProperty("version").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<JsonElement> ListedAsync(HttpClient client, string list, Guid order) =>
        (await client.GetFromJsonAsync<JsonElement>(list)).GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == order);
}

public sealed class RectificationTestsOnSqlite(SqliteApp app) : RectificationTests(app), IClassFixture<SqliteApp>;

public sealed class RectificationTestsOnPostgres(PostgresApp app) : RectificationTests(app), IClassFixture<PostgresApp>;
