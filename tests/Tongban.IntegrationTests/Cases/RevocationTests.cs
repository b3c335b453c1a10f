using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tongban.Domain.Cases;
using Tongban.IntegrationTests.Infrastructure;

namespace Tongban.IntegrationTests.Cases;

/// <summary>告知承诺 is trust checked later (事后核查): a false commitment revokes the approval and closes the route for that applicant.</summary>
public abstract class RevocationTests(TongbanApp app)
{
    private static string Citizen => Actors.CitizenLogin(2);

    [Fact]
    public async Task FalseCommitment_FoundLater_RevokesTheApproval_AndTheApplicantMayNotCommitAgain()
    {
        var item = await app.PublishApplicableItemAsync("核查事项" + Guid.NewGuid().ToString("N")[..6]);
        var number = await ApplyAsync(item);
        await app.RequestAsync(IntakeActions.Clerk, number, "accept-under-commitment", new { commitment = "本人承诺场地证明真实有效" });
        await app.DecideAsync(number, CaseDecision.Approve());
        using var approver = await app.ApiClientAsync(BackOfficeActions.Approver);

        var blank = await approver.PostAsJsonAsync($"/api/v1/cases/{number}/revoke", new { reason = " " });
        var revoked = await approver.PostAsJsonAsync($"/api/v1/cases/{number}/revoke", new { reason = "现场核查：经营场所与承诺不符" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, blank.StatusCode);
        var view = await BackOfficeActions.ExpectOkAsync(revoked);
        Assert.Equal("revoked", view.GetProperty("status").GetString());
        using var citizen = await app.ApiClientAsync(Citizen);
        var seen = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{number}");
        Assert.Contains(seen.GetProperty("history").EnumerateArray(), e => e.GetProperty("comment").GetString() == "现场核查：经营场所与承诺不符");

        var next = await ApplyAsync(item);
        using var clerk = await app.ApiClientAsync(IntakeActions.Clerk);
        var refused = await clerk.TakeIntakeDecisionAsync(next, "accept-under-commitment", new { commitment = "本人承诺场地证明真实有效" });
        Assert.Equal(CaseErrors.NoCommitmentAfterAFalseOneCode, await IntakeActions.CodeOf(refused));
    }

    [Fact]
    public async Task Revoke_ThroughTheBackOfficePage_NeedsAReason_ThenRevokes()
    {
        var item = await app.PublishApplicableItemAsync("页面核查" + Guid.NewGuid().ToString("N")[..6]);
        var number = await ApplyAsync(item, Actors.CitizenLogin(1));
        await app.RequestAsync(IntakeActions.Clerk, number, "accept-under-commitment", new { commitment = "本人承诺场地证明真实有效" });
        await app.DecideAsync(number, CaseDecision.Approve());
        using var approver = await app.SignedInBrowserAsync(BackOfficeActions.Approver);
        var page = $"/workbench/cases/{number}";
        Assert.Contains("事后核查：撤销许可", Pages.Text(await approver.GetPageAsync(page)), StringComparison.Ordinal);
        var version = (await app.ShowAsync(number)).GetProperty("version").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var blank = await approver.PostFormAsync(page, [new("ExpectedVersion", version), new("Reason", "")], $"{page}?handler=Revoke");
        var revoked = await approver.PostFormAsync(page, [new("ExpectedVersion", version), new("Reason", "核查发现场地为住宅")], $"{page}?handler=Revoke");

        Assert.Contains("撤销须写明理由", Pages.Text(await blank.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        var after = Pages.Text(await approver.GetPageAsync(page));
        Assert.Contains("已撤销许可", after, StringComparison.Ordinal);
        Assert.Contains("核查发现场地为住宅", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_AnApprovalNotUnderCommitment_IsRefused()
    {
        var number = await app.ApplyAsync(await app.PublishHandledItemAsync());
        await app.AcceptAtWindowAsync(number);
        await app.DecideAsync(number, CaseDecision.Approve());
        using var approver = await app.ApiClientAsync(BackOfficeActions.Approver);

        var response = await approver.PostAsJsonAsync($"/api/v1/cases/{number}/revoke", new { reason = "核查不实" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("approved", (await app.ShowAsync(number)).GetProperty("status").GetString());
    }

    /// <summary>Applies as <paramref name="citizen"/> (李强 by default): each test revokes for its own applicant, as a revocation marks the person.</summary>
    private async Task<string> ApplyAsync(Domain.Primitives.ImplementationCode item, string? citizen = null)
    {
        citizen ??= Citizen;
        using var client = await app.ApiClientAsync(citizen);
        var fileId = await client.UploadAsync(ApplyActions.Pdf, "申请书.pdf");
        var response = await client.SubmitAsync(ApplyActions.Application(item, citizen, fileId));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseNumber").GetString()!;
    }
}

public sealed class RevocationOnSqlite(SqliteApp app) : RevocationTests(app), IClassFixture<SqliteApp>;

public sealed class RevocationOnPostgres(PostgresApp app) : RevocationTests(app), IClassFixture<PostgresApp>;
