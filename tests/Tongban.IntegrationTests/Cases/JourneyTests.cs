using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tongban.IntegrationTests.Infrastructure;

namespace Tongban.IntegrationTests.Cases;

/// <summary>
/// The whole journey of one application as the people involved take it, each through their own door:
/// the citizen applies online, the window asks for a correction, the citizen corrects online, the window
/// accepts, two sections countersign (会签) in the back office, the approver decides, the result is
/// issued and handed over at the window, and the case is done (办结).
/// </summary>
public abstract class JourneyTests(TongbanApp app)
{
    [Fact]
    public async Task Apply_Correct_Accept_Countersign_Approve_Deliver_Complete()
    {
        var item = await app.PublishHandledItemAsync();
        using var citizen = await app.ApiClientAsync(BackOfficeActions.Citizen);
        var number = await app.ApplyAsync(item);
        using var clerk = await app.ApiClientAsync(IntakeActions.Clerk);
        using var approver = await app.ApiClientAsync(BackOfficeActions.Approver);

        // 补正告知: the uploaded 申请书 is unsigned.
        var notice = await clerk.TakeIntakeDecisionAsync(number, "request-correction", new { items = new[] { new { materialKey = "application", reason = "申请书未签字" } } });
        var awaiting = await BackOfficeActions.ExpectOkAsync(notice);
        Assert.Equal("awaitingCorrection", awaiting.GetProperty("status").GetString());
        var seen = await citizen.CaseAsync(number);
        Assert.Contains(seen.GetProperty("notices").EnumerateArray(), n => n.GetProperty("reason").GetString() == "申请书未签字");

        // The citizen uploads the signed 申请书; the window accepts.
        var signed = await citizen.UploadAsync(ApplyActions.Pdf, "申请书（已签字）.pdf");
        await BackOfficeActions.ExpectOkAsync(await citizen.PostAsJsonAsync($"/api/v1/cases/{number}/correction",
            new { materials = new[] { new { key = "application", route = "upload", fileId = signed } } }));
        var accepted = await BackOfficeActions.ExpectOkAsync(await clerk.AcceptAsync(number));
        Assert.Equal("accepted", accepted.GetProperty("status").GetString());

        // 审查, then 会签: both sections must sign before a decision may be taken.
        await BackOfficeActions.ExpectOkAsync(await approver.ApproveStepAsync(number, "review"));
        var halfSigned = await BackOfficeActions.ExpectOkAsync(await approver.ApproveStepAsync(number, "sign-legal"));
        Assert.Equal("Approved", halfSigned.StepStatus("sign-legal"));
        Assert.Equal("Active", halfSigned.StepStatus("sign-registry"));
        var early = await approver.DecideAsync(number, "approve");
        Assert.False(early.IsSuccessStatusCode);
        await BackOfficeActions.ExpectOkAsync(await approver.ApproveStepAsync(number, "sign-registry"));

        await BackOfficeActions.ExpectOkAsync(await approver.DecideAsync(number, "approve"));
        await BackOfficeActions.ExpectOkAsync(await approver.IssueAsync(number));
        var delivered = await BackOfficeActions.ExpectOkAsync(await approver.DeliverAsync(number, "pickup"));
        Assert.False(string.IsNullOrWhiteSpace(delivered.GetProperty("pickupCode").GetString()));
        await BackOfficeActions.ExpectOkAsync(await approver.CompleteAsync(number));

        // What the citizen reads at the end: done, every step with its time, the whole history in order.
        var done = await citizen.CaseAsync(number);
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.All(done.GetProperty("steps").EnumerateArray(), s =>
        {
            Assert.Equal("Approved", s.GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.String, s.GetProperty("decidedAt").ValueKind);
        });
        Assert.Equal(
            ["Submitted", "CorrectionRequested", "CorrectionSupplied", "Accepted", "StepApproved", "StepApproved", "StepApproved", "Approved", "Issued", "Delivered", "Completed"],
            done.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("action").GetString()).Where(a => a != "Drafted"));
        var decision = await citizen.GetAsync($"/cases/{number}/documents/decision.pdf");
        Assert.Equal(HttpStatusCode.OK, decision.StatusCode);
        Assert.Contains(number, await IntakeActions.PdfTextAsync(await decision.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
    }
}

public sealed class JourneyOnSqlite(SqliteApp app) : JourneyTests(app), IClassFixture<SqliteApp>;

public sealed class JourneyOnPostgres(PostgresApp app) : JourneyTests(app), IClassFixture<PostgresApp>;
