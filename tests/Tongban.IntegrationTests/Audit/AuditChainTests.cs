using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Audit;
using Tongban.IntegrationTests.Infrastructure;

namespace Tongban.IntegrationTests.Audit;

public abstract class AuditChainTests(TongbanApp app)
{
    [Fact]
    public async Task SignIns_AreAudited_AndTheChainVerifies()
    {
        await app.SignedInBrowserAsync("SN-APPROVER");
        await app.RequestTokenAsync("SN-APPROVER", "wrong-password");

        var actions = await app.WithDbAsync(db => db.Set<AuditRecord>().AsNoTracking().OrderByDescending(r => r.Sequence).Take(2).Select(r => r.Action).ToListAsync());
        Assert.Equal(["account.sign-in-failed", "account.sign-in"], actions);

        using var admin = await app.ApiClientAsync("ADMIN");
        var report = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        Assert.True(report.GetProperty("intact").GetBoolean());
        Assert.True(report.GetProperty("recordsChecked").GetInt64() >= 3);
    }

    [Fact]
    public async Task AuditRecords_NeverCarryPasswordsOrTokens()
    {
        var response = await app.RequestTokenAsync("SN-DATA");
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
        var texts = await app.WithDbAsync(db => db.Set<AuditRecord>().AsNoTracking().Select(r => (r.Before ?? "") + (r.After ?? "") + r.EntityId).ToListAsync());
        Assert.DoesNotContain(texts, t => t.Contains(token, StringComparison.Ordinal) || t.Contains(Tongban.Platform.Demo.DemoCity.Password, StringComparison.Ordinal));
    }
}

public sealed class AuditChainOnSqlite(SqliteApp app) : AuditChainTests(app), IClassFixture<SqliteApp>;

public sealed class AuditChainOnPostgres(PostgresApp app) : AuditChainTests(app), IClassFixture<PostgresApp>;

/// <summary>Each tamper test gets its own platform: tampering leaves the chain broken for good.</summary>
public abstract class AuditTamperTests(TongbanApp app)
{
    [Fact]
    public async Task EditedRecord_IsReportedAsTheFirstBrokenLink()
    {
        await app.SignedInBrowserAsync("SN-CLERK");
        await app.SignedInBrowserAsync("PX-CLERK");
        var target = await app.WithDbAsync(db => db.Set<AuditRecord>().AsNoTracking().Where(r => r.Action == "account.sign-in").OrderBy(r => r.Sequence).Select(r => r.Sequence).FirstAsync());

        await app.ExecuteSqlAsync($"UPDATE audit_records SET actor_name = '某人' WHERE sequence = {target}");

        using var admin = await app.ApiClientAsync("ADMIN");
        var report = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        Assert.False(report.GetProperty("intact").GetBoolean());
        Assert.Equal(target, report.GetProperty("firstBrokenSequence").GetInt64());
        Assert.Equal("content-altered", report.GetProperty("reason").GetString());

        // The operator's command line says the same, with a failing exit code.
        var (exitCode, output) = await RunCliAsync("audit", "verify", $"--Tongban:Database:Provider={app.Provider}", $"--ConnectionStrings:Tongban={app.ConnectionString}");
        Assert.Equal(1, exitCode);
        Assert.Contains($"\"firstBrokenSequence\": {target}", output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunCliAsync(params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }
}

public sealed class AuditTamperOnSqlite(SqliteApp app) : AuditTamperTests(app), IClassFixture<SqliteApp>;

public sealed class AuditTamperOnPostgres(PostgresApp app) : AuditTamperTests(app), IClassFixture<PostgresApp>;

public abstract class AuditDeletionTests(TongbanApp app)
{
    [Fact]
    public async Task DeletedRecord_IsReportedAsMissing()
    {
        await app.SignedInBrowserAsync("SN-CLERK");
        await app.SignedInBrowserAsync("SN-SUPERVISOR");
        var last = await app.WithDbAsync(db => db.Set<AuditRecord>().AsNoTracking().MaxAsync(r => r.Sequence));

        await app.ExecuteSqlAsync($"DELETE FROM audit_records WHERE sequence = {last - 1}");

        using var admin = await app.ApiClientAsync("ADMIN");
        var report = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        Assert.False(report.GetProperty("intact").GetBoolean());
        Assert.Equal(last - 1, report.GetProperty("firstBrokenSequence").GetInt64());
        Assert.Equal("missing", report.GetProperty("reason").GetString());
    }
}

public sealed class AuditDeletionOnSqlite(SqliteApp app) : AuditDeletionTests(app), IClassFixture<SqliteApp>;

public sealed class AuditDeletionOnPostgres(PostgresApp app) : AuditDeletionTests(app), IClassFixture<PostgresApp>;
