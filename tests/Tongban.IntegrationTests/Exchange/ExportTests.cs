using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives;
using Tongban.IntegrationTests.Cases;
using Tongban.IntegrationTests.Identity;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.IntegrationTests.Licences;
using Tongban.Platform.Demo;
using static Tongban.IntegrationTests.Cases.BackOfficeActions;

namespace Tongban.IntegrationTests.Exchange;

/// <summary>办件数据交换: each kind's rows from constructed cases, batch numbers, I/U and the omission of unchanged records, scope and bad input.</summary>
public abstract class ExportTests(TongbanApp app)
{
    private const string DataOfficer = "SN-DATA";
    private const string June = "from=2026-06-01&to=2026-06-30";

    private static readonly FormField[] LicenceForm =
    [
        new() { Key = "name", Label = "名称", Required = true },
        new() { Key = "scope", Label = "经营范围", Required = true },
    ];

    [Fact]
    public async Task EachKind_HasItsRows_BatchNumbersIncrease_AndASecondExportSendsOnlyWhatChanged_AsU()
    {
        // Monday 8 June 2026, 09:00: three cases accepted; A's 审查 approved; B's clock stopped for 检验.
        app.Clock.SetLocal(2026, 6, 8);
        var a = await app.AcceptedCaseAsync();
        var b = await app.AcceptedCaseAsync();
        var licensed = await app.PublishHandledItemAsync(licenceTypeCode: (await app.DefineTestTypeAsync("食品经营许可证（交换测试）")).Value, form: LicenceForm);
        var c = await ApplyWithFormAsync(licensed);
        await app.AcceptAtWindowAsync(c);
        using (var approver = await app.ApiClientAsync(Approver))
        {
            await ExpectOkAsync(await approver.ApproveStepAsync(a, "review"));
            await ExpectOkAsync(await approver.StartSpecialProcedureAsync(b, "Inspection", "产品抽样检验"));
        }

        // Tuesday 9 June, 09:00: B's 检验 ends; C is approved (its licence issued), collected and finished.
        app.Clock.SetLocal(2026, 6, 9);
        string licence;
        using (var approver = await app.ApiClientAsync(Approver))
        {
            await ExpectOkAsync(await approver.EndSpecialProcedureAsync(b));
            await approver.ApproveAllStepsAsync(c);
            licence = (await ExpectOkAsync(await approver.DecideAsync(c, "approve"))).GetProperty("licenceId").GetString()!;
            await ExpectOkAsync(await approver.DeliverAsync(c, "pickup"));
            await ExpectOkAsync(await approver.CompleteAsync(c));
        }

        using var officer = await app.ApiClientAsync(DataOfficer);
        const string day = "51090000000020260609";

        // 受理 as CSV: Chinese headers, the three cases, first sent (I), full ID numbers for the provincial upload.
        var csv = await officer.GetAsync($"/api/v1/exchange/export?kind=accepted&{June}&format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("批次号,同步类型,同步时间,办件编号,事项编码,事项名称,申请人名称,申请人证件类型,申请人证件号码,行政区划代码,受理部门,受理时间,受理人,申请方式,受理方式", lines[0]);
        var accepted = lines.Skip(1).Select(l => l.Split(',')).ToDictionary(r => r[3]);
        Assert.Equal(new[] { a, b, c }.Order(StringComparer.Ordinal), accepted.Keys.Order(StringComparer.Ordinal));
        var rowA = accepted[a];
        Assert.Equal([day + "0001", "I", "2026-06-09 09:00:00"], rowA[..3]);
        Assert.Equal(["张伟", "111", DemoCity.IdNumberFor(DemoCity.Citizens[0]).Value, "510900000000", "市市场监督管理局", "2026-06-08 09:00:00"], rowA[6..12]);
        Assert.StartsWith("李娜", rowA[12], StringComparison.Ordinal);
        Assert.Equal(["移动端申请", "受理"], rowA[13..]); // filed through the API, as the app does
        Assert.StartsWith("后台事项", rowA[5], StringComparison.Ordinal);

        // 过程: A's 审查 done and its two 会签 open, B's 审查 open, C's three steps done: 3 + 1 + 3 rows.
        var process = await ExportAsync(officer, "process");
        Assert.Equal(day + "0002", process.GetProperty("batchNumber").GetString());
        var steps = Rows(process);
        Assert.Equal(7, steps.Count);
        Assert.All(steps, s => Assert.Equal("I", s.GetProperty("syncType").GetString()));
        var review = Step(steps, a, "review");
        Assert.Equal(("通过", "2026-06-08 09:00:00", "2026-06-08 09:00:00", "同意"), (Text(review, "result"), Text(review, "startedAt"), Text(review, "endedAt"), Text(review, "opinion")));
        Assert.StartsWith("周伟", Text(review, "handler"), StringComparison.Ordinal);
        Assert.Equal(Approver, Text(review, "handlerEmployeeId"));
        Assert.Equal(("办理中", "", ""), (Text(Step(steps, a, "sign-legal"), "result"), Text(Step(steps, a, "sign-legal"), "endedAt"), Text(Step(steps, a, "sign-legal"), "handler")));
        Assert.Equal("办理中", Text(Step(steps, b, "review"), "result"));
        Assert.Equal("2026-06-09 09:00:00", Text(Step(steps, c, "sign-registry"), "endedAt"));

        // 结果: C alone, approved, with its licence, one working day (accepted Monday, finished Tuesday).
        var result = Assert.Single(Rows(await ExportAsync(officer, "result")));
        Assert.Equal((day + "0003", c, "准予许可", licence, "2026-06-09 09:00:00", "1"),
            (Text(result, "batchNumber"), Text(result, "caseNumber"), Text(result, "result"), Text(result, "licenceNumber"), Text(result, "finishedAt"), Text(result, "handlingWorkingDays")));

        // 特别程序: B's 检验 from Monday to Tuesday.
        var special = Assert.Single(Rows(await ExportAsync(officer, "special")));
        Assert.Equal((day + "0004", b, "1", "检验", "2026-06-08 09:00:00", "2026-06-09 09:00:00", "产品抽样检验"),
            (Text(special, "batchNumber"), Text(special, "caseNumber"), Text(special, "sequence"), Text(special, "procedure"), Text(special, "startedAt"), Text(special, "endedAt"), Text(special, "reason")));

        // Again: nothing changed, nothing sent; the batch is still numbered.
        var again = await ExportAsync(officer, "accepted");
        Assert.Equal(day + "0005", again.GetProperty("batchNumber").GetString());
        Assert.Empty(Rows(again));

        // A's 法规科会签 is approved: that one row goes again, as U; the rest stay unsent.
        using (var approver = await app.ApiClientAsync(Approver))
        {
            await ExpectOkAsync(await approver.ApproveStepAsync(a, "sign-legal"));
        }

        var changed = Assert.Single(Rows(await ExportAsync(officer, "process")));
        Assert.Equal((day + "0006", "U", a, "sign-legal", "通过"),
            (Text(changed, "batchNumber"), Text(changed, "syncType"), Text(changed, "caseNumber"), Text(changed, "stepKey"), Text(changed, "result")));

        // Asked to resend: every record of the kind again, as U.
        var resent = Rows(await ExportAsync(officer, "accepted", "&resend=true"));
        Assert.Equal(3, resent.Count);
        Assert.All(resent, r => Assert.Equal("U", Text(r, "syncType")));
    }

    [Fact]
    public async Task OutsideTheCallersRegion_NothingIsSent_OthersAreForbidden_AndBadInputIsABadRequest()
    {
        app.Clock.SetLocal(2026, 7, 6);
        var city = await app.AcceptedCaseAsync();
        using var admin = await app.SignedInBrowserAsync("ADMIN");
        var employee = StaffActions.NewEmployeeId("SH-SUP");
        await admin.EnrolStaffAsync(employee, "510981000000", null, "Supervisor"); // 射洪市
        using var shehong = await app.ApiClientAsync(employee, StaffActions.InitialPassword);
        var county = await ExportAsync(shehong, "accepted", period: "from=2026-07-01&to=2026-07-31");
        Assert.StartsWith("51098100000020260706", county.GetProperty("batchNumber").GetString(), StringComparison.Ordinal);
        Assert.Empty(Rows(county));

        using var supervisor = await app.ApiClientAsync(Supervision.SupervisionActions.Supervisor);
        Assert.Contains(Rows(await ExportAsync(supervisor, "accepted", period: "from=2026-07-01&to=2026-07-31")), r => Text(r, "caseNumber") == city);

        using var clerk = await app.ApiClientAsync(IntakeActions.Clerk);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/v1/exchange/export?kind=accepted")).StatusCode);

        using var officer = await app.ApiClientAsync(DataOfficer);
        await ExpectProblemAsync(await officer.GetAsync("/api/v1/exchange/export?kind=licences"), HttpStatusCode.BadRequest, "exchange.kind-unknown");
        await ExpectProblemAsync(await officer.GetAsync("/api/v1/exchange/export?kind=accepted&format=xml"), HttpStatusCode.BadRequest, "exchange.format-unknown");
        await ExpectProblemAsync(await officer.GetAsync("/api/v1/exchange/export?kind=accepted&from=2026-07-10&to=2026-07-01"), HttpStatusCode.BadRequest, "exchange.period-reversed");
        await ExpectProblemAsync(await officer.GetAsync("/api/v1/exchange/export?kind=accepted&from=2025-07-01&to=2026-07-02"), HttpStatusCode.BadRequest, "exchange.period-too-long");

        // The page: a bad period shows the error summary; a good one downloads the batch (resent: the supervisor's export above sent the case).
        using var browser = await app.SignedInBrowserAsync(DataOfficer);
        var bad = await browser.PostFormAsync("/exchange/export", [new("Kind", "accepted"), new("From", "2026-07-10"), new("To", "2026-07-01"), new("Format", "csv")]);
        Assert.Contains("结束日期不能早于开始日期", Pages.Text(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var good = await browser.PostFormAsync("/exchange/export", [new("Kind", "accepted"), new("From", "2026-07-01"), new("To", "2026-07-31"), new("Format", "csv"), new("Resend", "true")]);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.EndsWith("-accepted.csv", good.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        Assert.Contains(city, Encoding.UTF8.GetString(await good.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
        Assert.Contains("/exchange/export", await browser.GetPageAsync("/workbench"), StringComparison.Ordinal);
    }

    private async Task<string> ApplyWithFormAsync(ImplementationCode item)
    {
        using var citizen = await app.ApiClientAsync(Citizen);
        var response = await citizen.SubmitAsync(new
        {
            implementationCode = item.Value,
            answers = new Dictionary<string, string>(),
            formValues = new Dictionary<string, string> { ["name"] = "遂宁市船山区张伟小吃店", ["scope"] = "餐饮服务（小型餐馆）" },
            materials = new object[] { new { key = "application", route = "upload", fileId = await citizen.UploadAsync(ApplyActions.Pdf, "申请书.pdf") } },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseNumber").GetString()!;
    }

    private static async Task<JsonElement> ExportAsync(HttpClient client, string kind, string extra = "", string period = June)
    {
        var response = await client.GetAsync($"/api/v1/exchange/export?kind={kind}&{period}&format=json{extra}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<JsonElement> Rows(JsonElement export) => [.. export.GetProperty("rows").EnumerateArray()];

    private static JsonElement Step(List<JsonElement> rows, string caseNumber, string key) =>
        rows.Single(r => Text(r, "caseNumber") == caseNumber && Text(r, "stepKey") == key);

    private static string Text(JsonElement row, string column) => row.GetProperty(column).GetString()!;
}

public sealed class ExportTestsOnSqlite(SqliteApp app) : ExportTests(app), IClassFixture<SqliteApp>;

public sealed class ExportTestsOnPostgres(PostgresApp app) : ExportTests(app), IClassFixture<PostgresApp>;
