using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives.Calendar;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Platform.Demo;
using static Tongban.IntegrationTests.Cases.BackOfficeActions;

namespace Tongban.IntegrationTests.Cases;

/// <summary>
/// 工作小时: an item that promises 1 working hour (like 抵押登记 of a house), statutory 3 working days. Submitted on
/// Monday 2026-03-09 at 11:30 Beijing time, it is promised by 14:00 (the lunch break 12:00–13:30 does not count); the
/// applicant sees that time, and once the clock passes it the back office sees the case overdue.
/// </summary>
public abstract class WorkingHourLimitTests(TongbanApp app)
{
    private static readonly DateTimeOffset Received = new(2026, 3, 9, 11, 30, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset PromisedBy = new(2026, 3, 9, 14, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task OneWorkingHourPromise_IsShownToTheApplicantWithItsTime_AndTurnsRedInTheBackOfficeOnceItPasses()
    {
        var item = await PublishOneHourItemAsync();
        app.Clock.Set(Received);

        // The applicant submits through the API: promisedBy is 14:00, not the end of a day.
        using var citizen = await app.ApiClientAsync(Citizen);
        var fileId = await citizen.UploadAsync(ApplyActions.Pdf, "抵押登记申请书.pdf");
        var submitted = await citizen.SubmitAsync(new
        {
            implementationCode = item.Value,
            answers = new Dictionary<string, string>(),
            formValues = new Dictionary<string, string>(),
            materials = new object[] { new { key = "application", route = "upload", fileId } },
        });
        Assert.True(submitted.StatusCode == HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync());
        var body = await submitted.Content.ReadFromJsonAsync<JsonElement>();
        var number = body.GetProperty("caseNumber").GetString()!;
        Assert.Equal(PromisedBy, body.GetProperty("promisedBy").GetDateTimeOffset());

        // The confirmation page names the limit and the time.
        using var browser = await app.SignedInBrowserAsync(Citizen, "citizen");
        var confirmation = Pages.Text(await browser.GetPageAsync($"/me/cases/{number}/submitted"));
        Assert.Contains("承诺 1 个工作小时 内办结，即在 2026-03-09 14:00 前办结", confirmation, StringComparison.Ordinal);

        // Accepted at once at the window: the case page shows the promised time with minutes and the office time left.
        await app.AcceptAtWindowAsync(number);
        var casePage = Pages.Text(await browser.GetPageAsync($"/me/cases/{number}"));
        Assert.Contains("2026-03-09 14:00（承诺 1 个工作小时）（剩余 60 分钟（工作时间））", casePage, StringComparison.Ordinal);
        var shown = (await citizen.CaseAsync(number)).GetProperty("clock");
        Assert.Equal(PromisedBy, shown.GetProperty("promisedDeadline").GetDateTimeOffset());
        Assert.Equal("workingHours", shown.GetProperty("promisedUnit").GetString());
        Assert.Equal(60, shown.GetProperty("promisedRemainingMinutes").GetInt32());

        // 14:30: half an hour of office time past the promise.
        app.Clock.Set(PromisedBy.AddMinutes(30));
        using var approver = await app.ApiClientAsync(Approver);
        var listed = (await approver.GetFromJsonAsync<JsonElement>("/api/v1/backoffice/cases")).GetProperty("items").EnumerateArray()
            .Single(c => c.GetProperty("caseNumber").GetString() == number);
        Assert.Equal("red", listed.GetProperty("warning").GetString());
        Assert.Equal(-30, listed.GetProperty("promisedRemainingMinutes").GetInt32());
        using var workbench = await app.SignedInBrowserAsync(Approver);
        var list = await workbench.GetPageAsync("/workbench/cases");
        var row = Pages.Text(list[list.IndexOf(number, StringComparison.Ordinal)..list.IndexOf("</tr>", list.IndexOf(number, StringComparison.Ordinal), StringComparison.Ordinal)]);
        Assert.Contains("已超时 30 分钟（工作时间）（2026-03-09 14:00）", row, StringComparison.Ordinal);
        Assert.Contains("红灯：已超时", row, StringComparison.Ordinal);
        var detail = Pages.Text(await workbench.GetPageAsync($"/workbench/cases/{number}"));
        Assert.Contains("2026-03-09 14:00，已超时 30 分钟（工作时间）（承诺 1 个工作小时）", detail, StringComparison.Ordinal);
        Assert.Contains("红灯：已超时", detail, StringComparison.Ordinal);
    }

    private async Task<Domain.Primitives.ImplementationCode> PublishOneHourItemAsync()
    {
        var content = CatalogActions.ValidContent("抵押登记" + Guid.NewGuid().ToString("N")[..6]) with
        {
            StatutoryLimit = new TimeLimit(3, TimeLimitUnit.WorkingDays),
            PromisedLimit = new TimeLimit(1, TimeLimitUnit.WorkingHours),
            Process = [new ProcessStep("accept", "受理"), new ProcessStep("review", "审查"), new ProcessStep("decide", "决定"), new ProcessStep("complete", "办结")],
        };
        return (await app.PublishImplementationAsync(content, DemoCity.MarketRegulation)).Code;
    }
}

public sealed class WorkingHourLimitTestsOnSqlite(SqliteApp app) : WorkingHourLimitTests(app), IClassFixture<SqliteApp>;

public sealed class WorkingHourLimitTestsOnPostgres(PostgresApp app) : WorkingHourLimitTests(app), IClassFixture<PostgresApp>;
