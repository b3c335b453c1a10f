using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Domain.Cases;
using Tongban.IntegrationTests.Identity;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Modules.Supervision.Features.Warnings;
using Tongban.Modules.Supervision.Persistence;
using Tongban.Platform.Persistence;

namespace Tongban.IntegrationTests.Supervision;

/// <summary>Intent helpers for 效能监管: run the warning sweep, read the board, count what was pushed.</summary>
public static class SupervisionActions
{
    public const string Supervisor = "SN-SUPERVISOR";

    public static Task<int> SweepWarningsAsync(this TongbanApp app) =>
        app.Services.GetRequiredService<WarningSweep>().RunAsync(CancellationToken.None);

    public static async Task<JsonElement> WarningBoardAsync(this HttpClient client, string query = "") =>
        await client.GetFromJsonAsync<JsonElement>($"/api/v1/supervision/warnings{query}");

    public static async Task<JsonElement> LatenessAsync(this HttpClient client, string query = "") =>
        await client.GetFromJsonAsync<JsonElement>($"/api/v1/supervision/lateness{query}");

    /// <summary>The level the board shows for the case, or null when it is not listed.</summary>
    public static string? LevelOf(this JsonElement board, string caseNumber) =>
        board.GetProperty("cases").EnumerateArray().Where(c => c.GetProperty("caseNumber").GetString() == caseNumber)
            .Select(c => c.GetProperty("level").GetString()).SingleOrDefault();

    /// <summary>How many notices of that level the staff member got for the case.</summary>
    public static async Task<int> NoticesAsync(this TongbanApp app, string employeeId, string caseNumber, TimeWarning level)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TongbanDbContext>();
        var account = (await app.StaffRecordAsync(employeeId)).GetProperty("id").GetGuid();
        return await db.Set<StaffNotice>().CountAsync(n => n.AccountId == account && n.CaseNumber == caseNumber && n.Level == level);
    }
}
