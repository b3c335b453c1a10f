using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Tongban.Bench;

/// <summary>What this machine allows, measured in the same run as the scenarios so a ratio survives a noisy neighbour.</summary>
public static class Ceilings
{
    /// <summary>
    /// (a) The rows one submission writes, written the way it writes them: its 办件编号 counter and the
    /// usage counter committed on their own, then the case with its material references in the case
    /// document, the idempotency key and one audit record in one transaction; by raw Npgsql at the same
    /// concurrency, into copies of those tables with the same indexes; no ORM, no audit-chain lock, no HTTP.
    /// </summary>
    public static async Task<Measurement> SubmissionRowsAsync(string connectionString, string benchItem, int clients, TimeSpan warmup, TimeSpan duration)
    {
        await using var source = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = clients + 4 }.ConnectionString);
        Row template;
        await using (var connection = await source.OpenConnectionAsync())
        {
            await using var setup = new NpgsqlCommand(string.Concat(new[] { "cases", "case_number_counters", "case_submission_keys", "implementation_usage", "audit_records" }
                .Select(t => $"DROP TABLE IF EXISTS ceiling_{t}; CREATE TABLE ceiling_{t} (LIKE {t} INCLUDING ALL); "))
                + "DROP SEQUENCE IF EXISTS ceiling_audit_sequence; CREATE SEQUENCE ceiling_audit_sequence;", connection);
            await setup.ExecuteNonQueryAsync();
            template = (await Row.ReadAsync(connection, "cases", "implementation_code = @p0 AND status = 'Submitted' ORDER BY created_at DESC LIMIT 1", benchItem))[0];
        }

        var insertCase = $"INSERT INTO ceiling_cases ({string.Join(", ", template.Columns)}) VALUES ({string.Join(", ", template.Columns.Select((_, i) => $"${i + 1}"))})";
        var day = DateOnly.FromDateTime(DateTime.UtcNow);
        var month = new DateOnly(day.Year, day.Month, 1);
        var result = await Driver.RunAsync("ceiling (a): submission rows, raw Npgsql", "transactions", clients, warmup, duration, async _ =>
        {
            await using var connection = await source.OpenConnectionAsync();
            // The two counters first, committed on their own as the app does, so their row locks last one round trip.
            int serial;
            await using (var counters = new NpgsqlBatch(connection))
            {
                counters.BatchCommands.Add(Command(
                    "INSERT INTO ceiling_case_number_counters (implementation_code, day, last_serial) VALUES ($1, $2, 1) "
                    + "ON CONFLICT (implementation_code, day) DO UPDATE SET last_serial = ceiling_case_number_counters.last_serial + 1 RETURNING last_serial", benchItem, day));
                counters.BatchCommands.Add(Command(
                    "INSERT INTO ceiling_implementation_usage (implementation_id, month, cases) VALUES ($1, $2, 1) "
                    + "ON CONFLICT (implementation_id, month) DO UPDATE SET cases = ceiling_implementation_usage.cases + 1", Catalog.BenchItemId, month));
                serial = (int)(await counters.ExecuteScalarAsync())!;
            }

            await using var transaction = await connection.BeginTransactionAsync();
            var id = Guid.CreateVersion7();
            var number = $"{benchItem}{serial:D12}";
            var now = DateTime.UtcNow;
            await using var batch = new NpgsqlBatch(connection, transaction);
            var row = template.Copy();
            row["id"] = id;
            row["number"] = number;
            row["created_at"] = now;
            var insert = new NpgsqlBatchCommand(insertCase);
            foreach (var value in row.Values)
            {
                insert.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
            }

            batch.BatchCommands.Add(insert);
            batch.BatchCommands.Add(Command(
                "INSERT INTO ceiling_case_submission_keys (account_id, key, request_hash, case_number, response, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
                row["filed_by"]!, id.ToString(), new string('0', 64), number, $"{{\"caseNumber\":\"{number}\",\"status\":\"submitted\"}}", now));
            var after = $"{{\"status\":\"submitted\",\"number\":\"{number}\"}}";
            batch.BatchCommands.Add(Command(
                "INSERT INTO ceiling_audit_records (sequence, occurred_at, actor_id, actor_name, actor_role, action, entity_type, entity_id, before, after, request_id, previous_hash, hash) "
                + "VALUES (nextval('ceiling_audit_sequence'), $1, $2, '张伟', 'Citizen', 'cases.submit', 'Case', $3, NULL, $4, $5, $6, $7)",
                now, row["filed_by"]!.ToString()!, number, after, id.ToString(), new string('0', 64), Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(after)))));
            await batch.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        });
        return result;
    }

    /// <summary>(b) The HTTP ceiling: a Kestrel endpoint answering "ok", driven by the same client.</summary>
    public static async Task<Measurement> HttpAsync(int clients, TimeSpan warmup, TimeSpan duration)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.MapGet("/", () => Results.Text("ok"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = Clients.Http(new Uri(address), clients);
        return await Driver.RunAsync("ceiling (b): trivial Kestrel endpoint", "requests", clients, warmup, duration, async _ =>
        {
            using var response = await http.GetAsync("/");
            response.EnsureSuccessStatusCode();
        });
    }

    /// <summary>(c) Raw ECDSA P-256 (SHA-256) verifications of a licence-sized payload, one loop per core.</summary>
    public static async Task<Measurement> EcdsaAsync(TimeSpan warmup, TimeSpan duration)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var data = RandomNumberGenerator.GetBytes(300);
        var signature = key.SignData(data, HashAlgorithmName.SHA256);
        var parameters = key.ExportParameters(false);
        var verifiers = Enumerable.Range(0, Environment.ProcessorCount).Select(_ => ECDsa.Create(parameters)).ToArray();
        try
        {
            return await Driver.RunAsync("ceiling (c): raw ECDSA P-256 verification", "verifications", verifiers.Length, warmup, duration, client =>
                verifiers[client].VerifyData(data, signature, HashAlgorithmName.SHA256) ? Task.CompletedTask : throw new InvalidOperationException("signature rejected"));
        }
        finally
        {
            foreach (var verifier in verifiers)
            {
                verifier.Dispose();
            }
        }
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }
}

/// <summary>The HTTP client every scenario uses: one connection pool sized to the clients, no proxy.</summary>
public static class Clients
{
    public static HttpClient Http(Uri address, int clients) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = clients, UseProxy = false, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(60),
        };
}
