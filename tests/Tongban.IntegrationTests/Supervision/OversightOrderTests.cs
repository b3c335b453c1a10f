using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tongban.IntegrationTests.Cases;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Platform.Demo;
using static Tongban.IntegrationTests.Cases.BackOfficeActions;

namespace Tongban.IntegrationTests.Supervision;

/// <summary>督办: issued by the supervisor on a late case, 逾期未反馈 past its answer deadline, answered by the department, closed by the supervisor.</summary>
public abstract class OversightOrderTests(TongbanApp app)
{
    private const string Orders = "/api/v1/supervision/oversight-orders";

    [Fact]
    public async Task AnOrder_IsIssued_ShowsOverdue_IsAnsweredByTheDepartment_AndClosedByTheSupervisor()
    {
        app.Clock.SetLocal(2026, 3, 9);
        var number = await app.AcceptedCaseAsync();
        app.Clock.SetLocal(2026, 3, 20); // Friday: the case is red; the answer is due Monday 3/23 with one working day
        JsonElement order;
        using (var supervisor = await app.ApiClientAsync(SupervisionActions.Supervisor))
        {
            var issued = await supervisor.PostAsJsonAsync(Orders, new { caseNumber = number, message = "请说明超期原因并尽快办结", answerWorkingDays = 1 });
            Assert.True(issued.StatusCode == HttpStatusCode.Created, await issued.Content.ReadAsStringAsync());
            order = await issued.Content.ReadFromJsonAsync<JsonElement>();
        }

        var id = order.GetProperty("id").GetString();
        Assert.Equal("待反馈", order.GetProperty("stateName").GetString());
        Assert.Equal(new DateOnly(2026, 3, 23), LocalDate(order.GetProperty("answerDeadline")));

        app.Clock.SetLocal(2026, 3, 24);
        using (var approver = await app.SignedInBrowserAsync(Approver))
        {
            var page = Pages.Text(await approver.GetPageAsync("/supervision/orders"));
            Assert.Contains(number, page, StringComparison.Ordinal);
            Assert.Contains("逾期未反馈", page, StringComparison.Ordinal);
            var answered = await approver.PostFormAsync("/supervision/orders",
                [new("id", id!), new("answer", "已补充审查意见，今日办结"), new("version", order.GetProperty("version").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture))],
                "/supervision/orders?handler=Answer");
            Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        }

        using (var approver = await app.ApiClientAsync(Approver))
        {
            var shown = await ExpectOkAsync(await approver.GetAsync($"{Orders}/{id}"));
            Assert.Equal("已反馈", shown.GetProperty("stateName").GetString());
            Assert.Equal("已补充审查意见，今日办结", shown.GetProperty("answer").GetString());
            await ExpectProblemAsync(await approver.PostAsJsonAsync($"{Orders}/{id}/close", new { note = "自行办结" }), HttpStatusCode.Forbidden, "supervision.forbidden");
        }

        // Another department's approver does not see the order.
        using (var other = await app.ApiClientAsync("PX-APPROVER"))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{Orders}/{id}")).StatusCode);
            Assert.DoesNotContain((await other.GetFromJsonAsync<JsonElement>(Orders)).EnumerateArray(), o => o.GetProperty("id").GetString() == id);
        }

        using var city = await app.ApiClientAsync(SupervisionActions.Supervisor);
        await ExpectProblemAsync(await city.PostAsJsonAsync($"{Orders}/{id}/answer", new { answer = "代答" }), HttpStatusCode.Forbidden, "supervision.forbidden");
        var closed = await ExpectOkAsync(await city.PostAsJsonAsync($"{Orders}/{id}/close", new { note = "已核实" }));
        Assert.Equal("已办结", closed.GetProperty("stateName").GetString());
        await ExpectProblemAsync(await city.PostAsJsonAsync($"{Orders}/{id}/close", new { }), HttpStatusCode.Conflict, "supervision.order-closed");
    }

    [Fact]
    public async Task TheSupervisor_IssuesFromTheWarningsPage_OnADepartmentsOverdueList()
    {
        app.Clock.SetLocal(2026, 3, 9);
        await app.AcceptedCaseAsync();
        app.Clock.SetLocal(2026, 3, 20);
        using var browser = await app.SignedInBrowserAsync(SupervisionActions.Supervisor);
        Assert.Contains("督办超期清单", Pages.Text(await browser.GetPageAsync("/supervision/warnings")), StringComparison.Ordinal);
        var issued = await browser.PostFormAsync("/supervision/warnings",
            [new("departmentId", DemoCity.MarketRegulation.ToString()), new("message", "请一周内清理超期办件"), new("answerWorkingDays", "3")],
            "/supervision/warnings?handler=Issue");
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        var page = Pages.Text(await browser.GetPageAsync(issued.Headers.Location!.OriginalString));
        Assert.Contains("督办超期清单", page, StringComparison.Ordinal);
        Assert.Contains("请一周内清理超期办件", page, StringComparison.Ordinal);

        var refused = await browser.PostFormAsync("/supervision/warnings",
            [new("departmentId", DemoCity.MarketRegulation.ToString()), new("message", ""), new("answerWorkingDays", "3")],
            "/supervision/warnings?handler=Issue");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("请填写督办要求", Pages.Text(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }
}

public sealed class OversightOrderTestsOnSqlite(SqliteApp app) : OversightOrderTests(app), IClassFixture<SqliteApp>;

public sealed class OversightOrderTestsOnPostgres(PostgresApp app) : OversightOrderTests(app), IClassFixture<PostgresApp>;
