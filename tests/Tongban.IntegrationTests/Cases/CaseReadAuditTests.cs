using System.Net;
using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Audit;
using Tongban.IntegrationTests.Infrastructure;

namespace Tongban.IntegrationTests.Cases;

/// <summary>Every read of a case's personal data leaves an audit record, whoever reads it and however.</summary>
public abstract class CaseReadAuditTests(TongbanApp app)
{
    [Fact]
    public async Task ReadingACase_TheApplicantAndTheClerk_EachLeaveAnAuditRecord()
    {
        var number = await app.ApplyAsync(await app.PublishHandledItemAsync());
        using var citizen = await app.ApiClientAsync(BackOfficeActions.Citizen);
        using var clerk = await app.ApiClientAsync(IntakeActions.Clerk);
        var before = await ReadsOfAsync(number);

        Assert.Equal(HttpStatusCode.OK, (await citizen.GetAsync($"/api/v1/cases/{number}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync($"/api/v1/cases/{number}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync($"/cases/{number}/documents/receipt.pdf")).StatusCode);

        var reads = (await ReadsOfAsync(number)).Skip(before.Count).ToList();
        Assert.Equal(["cases.view", "cases.view", "cases.document"], reads.Select(r => r.Action));
        Assert.Equal(2, reads.Select(r => r.ActorId).Distinct().Count());
    }

    [Fact]
    public async Task ReadingSomeoneElsesCase_LeavesNoRecord_AndAnswers404()
    {
        var number = await app.ApplyAsync(await app.PublishHandledItemAsync());
        using var other = await app.ApiClientAsync(Actors.CitizenLogin(1));
        var before = (await ReadsOfAsync(number)).Count;

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/cases/{number}")).StatusCode);

        Assert.Equal(before, (await ReadsOfAsync(number)).Count);
    }

    private Task<List<AuditRecord>> ReadsOfAsync(string number) =>
        app.WithDbAsync(db => db.Set<AuditRecord>().AsNoTracking()
            .Where(r => r.EntityId == number && (r.Action == "cases.view" || r.Action == "cases.document"))
            .OrderBy(r => r.Sequence).ToListAsync());
}

public sealed class CaseReadAuditOnSqlite(SqliteApp app) : CaseReadAuditTests(app), IClassFixture<SqliteApp>;

public sealed class CaseReadAuditOnPostgres(PostgresApp app) : CaseReadAuditTests(app), IClassFixture<PostgresApp>;
