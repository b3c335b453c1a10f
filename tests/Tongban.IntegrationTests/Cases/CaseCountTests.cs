using System.Net;
using Microsoft.EntityFrameworkCore;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Modules.Catalog.Persistence;

namespace Tongban.IntegrationTests.Cases;

/// <summary>Every started case counts towards its item's frequency class (高频/低频/零办件), even when many start at once.</summary>
public abstract class CaseCountTests(TongbanApp app)
{
    [Fact]
    public async Task ConcurrentCases_AreEachCountedForTheirItem()
    {
        var item = await app.PublishApplicableItemAsync("计数事项" + Guid.NewGuid().ToString("N")[..6]);
        var citizen = Actors.CitizenLogin(0);
        using var client = await app.ApiClientAsync(citizen);
        var fileId = await client.UploadAsync(ApplyActions.Pdf, "a.pdf");

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => client.SubmitAsync(ApplyActions.Application(item, citizen, fileId))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var counted = await app.WithDbAsync(db =>
            (from usage in db.Set<ImplementationUsage>()
             join implementation in db.Set<Domain.Catalog.Implementation>() on usage.ImplementationId equals implementation.Id
             where implementation.Code == item
             select usage.Cases).SumAsync());
        Assert.Equal(12, counted);
    }
}

public sealed class CaseCountOnSqlite(SqliteApp app) : CaseCountTests(app), IClassFixture<SqliteApp>;

public sealed class CaseCountOnPostgres(PostgresApp app) : CaseCountTests(app), IClassFixture<PostgresApp>;
