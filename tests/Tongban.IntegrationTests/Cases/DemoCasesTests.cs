using System.Net.Http.Json;
using System.Text.Json;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Platform;

namespace Tongban.IntegrationTests.Cases;

/// <summary>The demo city with its cases in progress, as ./run.sh starts it.</summary>
public abstract class DemoCasesApp(DatabaseProvider provider) : TongbanApp(provider)
{
    protected override bool DemoCases => true;
}

public sealed class DemoCasesSqliteApp() : DemoCasesApp(DatabaseProvider.Sqlite);

public sealed class DemoCasesPostgresApp() : DemoCasesApp(DatabaseProvider.Postgres);

/// <summary>On first start the window and the back office have work waiting, each in their own region.</summary>
public abstract class DemoCasesTests(DemoCasesApp app)
{
    [Fact]
    public async Task CityWindow_SeesItsWalkIns_TheOverdueOneFlagged()
    {
        using var clerk = await app.ApiClientAsync(IntakeActions.Clerk);

        var queue = await clerk.GetFromJsonAsync<JsonElement>("/api/v1/intake/queue");

        var waiting = queue.GetProperty("awaitingIntake").EnumerateArray().ToDictionary(e => e.GetProperty("applicantName").GetString()!);
        Assert.Equal("李强", queue.GetProperty("awaitingIntake")[0].GetProperty("applicantName").GetString());
        Assert.True(waiting["李强"].GetProperty("pastIntakeDeadline").GetBoolean());
        Assert.False(waiting["遂宁市南津科技有限公司"].GetProperty("pastIntakeDeadline").GetBoolean());
        Assert.Equal("Window", waiting["遂宁市南津科技有限公司"].GetProperty("channel").GetString());
        Assert.All(waiting.Values, e => Assert.True(e.GetProperty("receivedAt").GetDateTimeOffset() <= app.Clock.GetUtcNow(), "a demo case was received in the future"));
    }

    [Fact]
    public async Task CountyWindow_SeesTheAssistedFiling_AndNotTheCitys()
    {
        using var clerk = await app.ApiClientAsync(IntakeActions.CountyClerk);

        var waiting = (await clerk.GetFromJsonAsync<JsonElement>("/api/v1/intake/queue")).GetProperty("awaitingIntake").EnumerateArray().ToList();

        var only = Assert.Single(waiting);
        var number = only.GetProperty("caseNumber").GetString()!;
        var view = await clerk.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{number}");
        Assert.Equal("王秀英", view.GetProperty("applicantName").GetString());
        var file = await clerk.GetAsync($"/cases/{number}/files/{view.GetProperty("materials")[0].GetProperty("key").GetString()}");
        Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Approver_SeesTheReviewedCase_WaitingForItsCountersignatures()
    {
        using var approver = await app.ApiClientAsync(BackOfficeActions.Approver);

        var list = await approver.GetFromJsonAsync<JsonElement>("/api/v1/backoffice/cases");

        var item = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal("张伟", item.GetProperty("applicantName").GetString());
        Assert.Equal(2, item.GetProperty("activeSteps").EnumerateArray().Count(s => s.GetProperty("parallelGroup").ValueKind == JsonValueKind.String));
    }
}

public sealed class DemoCasesOnSqlite(DemoCasesSqliteApp app) : DemoCasesTests(app), IClassFixture<DemoCasesSqliteApp>;

public sealed class DemoCasesOnPostgres(DemoCasesPostgresApp app) : DemoCasesTests(app), IClassFixture<DemoCasesPostgresApp>;
