using System.Collections.Concurrent;
using System.Text;
using Npgsql;

namespace Tongban.Bench;

public sealed record RunOptions(int Clients, TimeSpan Warmup, TimeSpan Duration, bool Sqlite);

/// <summary>Where a load left its database, for the run that follows.</summary>
public sealed record LoadState(string ServerConnectionString, string? ClusterDirectory, string Database, string DataDirectory, LoadReport Load)
{
    public Target Target => new("PostgreSQL 15", PgCluster.Existing(ServerConnectionString).DatabaseConnectionString(Database), DataDirectory);
}

public sealed record RunReport(
    DateTimeOffset StartedAt, int Cores, LoadReport Load, RunOptions Options, IReadOnlyList<Measurement> Postgres, IReadOnlyList<Measurement> Sqlite,
    double PeakRssMb, double DatabaseMb, double DatabaseMbPerMillionCases, IReadOnlyList<TargetResult> Targets);

/// <summary>
/// Runs the ceilings and then the scenarios against Tongban.Web (Release, its own process) on the loaded
/// PostgreSQL database, and the submit and search scenarios against a fresh embedded SQLite one.
/// </summary>
public static class Runner
{
    public const string County = "510921000000";

    /// <summary>A 200 KB upload that starts and ends like a PDF.</summary>
    public static readonly byte[] Upload = Encoding.ASCII.GetBytes("%PDF-1.4\n" + new string('x', 200 * 1024 - 16) + "\n%%EOF\n");

    public static async Task<RunReport> RunAsync(LoadState state, RunOptions options, TextWriter log)
    {
        var started = DateTimeOffset.UtcNow;
        var results = new List<Measurement>();
        void Add(Measurement m)
        {
            results.Add(m);
            log.WriteLine(Report.Line(m));
        }

        var (clients, warmup, duration) = (options.Clients, options.Warmup, options.Duration);
        Add(await Ceilings.HttpAsync(clients, warmup, duration));
        Add(await Ceilings.EcdsaAsync(warmup, duration));
        var target = state.Target;
        Add(await Ceilings.SubmissionRowsAsync(target.PostgresConnectionString!, state.Load.BenchItem, clients, warmup, duration));
        double rss;
        await using (var app = await WebApp.StartAsync(target))
        {
            results.AddRange(await ScenariosAsync(app, target, state.Load.BenchItem, options, full: true, log));
            rss = app.PeakRssMb;
        }

        double databaseMb;
        await using (var connection = new NpgsqlConnection(target.PostgresConnectionString))
        {
            await connection.OpenAsync();
            await using var size = new NpgsqlCommand("SELECT pg_database_size(current_database())", connection);
            databaseMb = (long)(await size.ExecuteScalarAsync())! / 1048576.0;
        }

        var sqlite = options.Sqlite ? await SqliteAsync(state.DataDirectory, options, log) : [];
        var perMillion = databaseMb / (state.Load.Volumes.Cases / 1_000_000.0);
        var targets = Targets.Evaluate(results, rss);
        return new RunReport(started, Environment.ProcessorCount, state.Load, options, results, sqlite, rss, databaseMb, perMillion, targets);
    }

    /// <summary>The scenarios over HTTP; <paramref name="full"/> false runs only submit and search (the SQLite pass).</summary>
    private static async Task<List<Measurement>> ScenariosAsync(WebApp app, Target target, string benchItem, RunOptions options, bool full, TextWriter log)
    {
        var (clients, warmup, duration) = (options.Clients, options.Warmup, options.Duration);
        using var http = Clients.Http(app.Address, clients);
        var api = new Api(http);
        var citizens = new string[Api.Citizens.Length];
        for (var i = 0; i < citizens.Length; i++)
        {
            citizens[i] = await api.TokenAsync(Api.Citizens[i]);
        }

        var results = new List<Measurement>();
        async Task RunAsync(string name, string unit, Func<int, Task> operation, int units = 1, int? clientCount = null)
        {
            var m = await Driver.RunAsync($"{name} ({target.Name})", unit, clientCount ?? clients, warmup, duration, operation, units);
            results.Add(m);
            log.WriteLine(Report.Line(m));
        }

        var submitted = new ConcurrentQueue<(string Number, bool Committed)>();
        await RunAsync("submit, small form", "applications", async c => submitted.Enqueue((await api.SubmitAsync(citizens[c % citizens.Length], benchItem), true)));
        await RunAsync("submit, one 200 KB upload", "applications", async c =>
        {
            var token = citizens[c % citizens.Length];
            submitted.Enqueue((await api.SubmitAsync(token, benchItem, await api.UploadAsync(token, Upload)), false));
        });
        var words = Catalog.Subjects.Select(s => s.Word).Concat(Catalog.Kinds.Select(k => k.Word)).ToArray();
        var searches = 0;
        await RunAsync("catalog search", "searches", c => api.GetAsync(null, $"/api/v1/items?q={Uri.EscapeDataString(words[Interlocked.Increment(ref searches) % words.Length])}"));
        if (!full)
        {
            return results;
        }

        var clerk = await api.TokenAsync(Api.Clerk);
        var approver = await api.TokenAsync(Api.Approver);
        await RunAsync("accept then approve", "transitions", async _ =>
        {
            // Cases the submit scenarios made; once they run out, a client applies first (its time is then counted too).
            var (number, committed) = submitted.TryDequeue(out var next) ? next : (await api.SubmitAsync(citizens[0], benchItem), true);
            await api.AcceptAndApproveAsync(clerk, approver, number, committed);
        }, units: 2);
        await RunAsync("my cases", "lists", c => api.GetAsync(citizens[c % citizens.Length], "/api/v1/me/cases"));
        await IndicatorsAsync(api, target, results, options, log);
        var payloads = await PoolPayloadsAsync(target);
        var verifications = 0;
        await RunAsync("licence verification (QR payload)", "verifications", _ =>
            api.PostAsync(null!, "/api/v1/licences/verify", new { payload = payloads[Interlocked.Increment(ref verifications) % payloads.Length] }));
        return results;
    }

    /// <summary>The supervision indicators for the city and one county over the last 12 months, once the app has them (issue 7).</summary>
    private static async Task IndicatorsAsync(Api api, Target target, List<Measurement> results, RunOptions options, TextWriter log)
    {
        var supervisor = await api.TokenAsync(Api.Supervisor);
        var to = DateOnly.FromDateTime(DateTime.UtcNow);
        var from = to.AddMonths(-12);
        string Path(string region) => $"/api/v1/supervision/indicators?region={region}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}";
        using (var probe = new HttpRequestMessage(HttpMethod.Get, Path(Catalog.City)))
        {
            probe.Headers.Authorization = new("Bearer", supervisor);
            using var answer = await api.Http.SendAsync(probe);
            if (answer.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                foreach (var name in new[] { "indicators, city, 12 months", "indicators, county, 12 months" })
                {
                    results.Add(Measurement.PendingOf($"{name} ({target.Name})", "reports", "the indicators API (issue 7) is not on this build yet"));
                    log.WriteLine($"{name}: pending (no indicators API on this build)");
                }

                return;
            }
        }

        await WebApp.RunVerbAsync(target, ["supervision", "refresh", "--from", $"{from:yyyy-MM-dd}", "--to", $"{to:yyyy-MM-dd}"]);
        foreach (var (name, region) in new[] { ("indicators, city, 12 months", Catalog.City), ("indicators, county, 12 months", County) })
        {
            var m = await Driver.RunAsync($"{name} ({target.Name})", "reports", options.Clients, options.Warmup, options.Duration, _ => api.GetAsync(supervisor, Path(region)));
            results.Add(m);
            log.WriteLine(Report.Line(m));
        }
    }

    /// <summary>The signed pool: the licences the app itself issued and signed (bulk copies reuse these payloads).</summary>
    private static async Task<string[]> PoolPayloadsAsync(Target target)
    {
        await using var connection = new NpgsqlConnection(target.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT DISTINCT payload FROM licences ORDER BY payload", connection);
        var payloads = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            payloads.Add(reader.GetString(0));
        }

        return [.. payloads];
    }

    /// <summary>Submit and search on the embedded SQLite default: a fresh data directory, the demo city and the bench item.</summary>
    private static async Task<List<Measurement>> SqliteAsync(string dataDirectory, RunOptions options, TextWriter log)
    {
        var target = new Target("SQLite", null, Path.Combine(dataDirectory, "sqlite"));
        if (Directory.Exists(target.DataDirectory))
        {
            Directory.Delete(target.DataDirectory, recursive: true);
        }

        await using (await WebApp.StartAsync(target))
        {
        }

        string benchItem;
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(target.SqliteConnectionString))
        {
            await connection.OpenAsync();
            benchItem = await Catalog.InstallBenchItemAsync(connection);
        }

        await using var app = await WebApp.StartAsync(target);
        return await ScenariosAsync(app, target, benchItem, options, full: false, log);
    }
}
