using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Tongban.Bench;

// load: a fresh PostgreSQL (started here, or --connection) migrated by the app and bulk-loaded at --scale.
// run: ceilings and scenarios against the loaded database, and submit/search on SQLite; Markdown + JSON.
// all: load, run, then remove what load made; --check fails on errors or zero throughput (the smoke run).
var scale = new Option<double>("--scale") { Description = "1.0 = 3M persons, 300k enterprises, 10k items, 10M cases, 2M licences", DefaultValueFactory = _ => 0.01 };
var seed = new Option<int>("--seed") { Description = "Seed of the generated data", DefaultValueFactory = _ => 8 };
var connection = new Option<string?>("--connection") { Description = "A PostgreSQL server to use instead of starting one (its maintenance database's connection string)" };
var state = new Option<string>("--state") { Description = "Where load records what run needs", DefaultValueFactory = _ => Path.Combine(Shell.RepositoryRoot(), "bench/results/state.json") };
var clients = new Option<int>("--clients") { Description = "Concurrent clients per scenario", DefaultValueFactory = _ => 32 };
var duration = new Option<double>("--duration") { Description = "Measured seconds per scenario", DefaultValueFactory = _ => 20 };
var warmup = new Option<double>("--warmup") { Description = "Warm-up seconds per scenario (run, not counted)", DefaultValueFactory = _ => 5 };
var sqlite = new Option<bool>("--sqlite") { Description = "Also run submit and search on the embedded SQLite default", DefaultValueFactory = _ => true };
var output = new Option<string>("--out") { Description = "Directory of the Markdown and JSON results", DefaultValueFactory = _ => Path.Combine(Shell.RepositoryRoot(), "bench/results") };
var noBuild = new Option<bool>("--no-build") { Description = "Use the Release build of Tongban.Web as it is" };
var check = new Option<bool>("--check") { Description = "Exit 1 unless every scenario ran without errors at a nonzero throughput (no timing thresholds)" };

var load = new Command("load", "Start (or take) a PostgreSQL, migrate it with the app and bulk-load a city") { scale, seed, connection, state, noBuild };
load.SetAction(async parse => await LoadAsync(parse.GetValue(scale), parse.GetValue(seed), parse.GetValue(connection), parse.GetValue(state)!, parse.GetValue(noBuild)));
var run = new Command("run", "Measure the ceilings and the scenarios on the loaded database") { state, clients, duration, warmup, sqlite, output, noBuild, check };
run.SetAction(async parse => await RunAsync(JsonSerializer.Deserialize<LoadState>(await File.ReadAllTextAsync(parse.GetValue(state)!), Report.Json)!, Options(parse), parse.GetValue(output)!, parse.GetValue(noBuild), parse.GetValue(check)));
var all = new Command("all", "load, run, then stop the cluster (or drop the database) load made") { scale, seed, connection, state, clients, duration, warmup, sqlite, output, noBuild, check };
all.SetAction(async parse =>
{
    var loaded = await LoadAsync(parse.GetValue(scale), parse.GetValue(seed), parse.GetValue(connection), parse.GetValue(state)!, parse.GetValue(noBuild));
    try
    {
        return await RunAsync(loaded, Options(parse), parse.GetValue(output)!, noBuild: true, parse.GetValue(check));
    }
    finally
    {
        await CleanUpAsync(loaded);
    }
});
var root = new RootCommand("Tongban city-scale benchmark (issue 8); see docs/performance.md") { load, run, all };
return await root.Parse(args).InvokeAsync();

RunOptions Options(ParseResult parse) =>
    new(parse.GetValue(clients), TimeSpan.FromSeconds(parse.GetValue(warmup)), TimeSpan.FromSeconds(parse.GetValue(duration)), parse.GetValue(sqlite));

static async Task<LoadState> LoadAsync(double scale, int seed, string? connection, string statePath, bool noBuild)
{
    if (!noBuild)
    {
        await WebApp.BuildAsync();
    }

    var cluster = connection is null ? await PgCluster.StartAsync() : PgCluster.Existing(connection);
    var database = "tongban_bench";
    var data = Directory.CreateTempSubdirectory("tongban-bench-data.").FullName;
    var loaded = new LoadState(cluster.ServerConnectionString, cluster.Directory, database, data, null!);
    try
    {
        loaded = loaded with { Load = await Loader.LoadAsync(new Target("PostgreSQL 15", await cluster.CreateDatabaseAsync(database), data), scale, seed, Console.Out) };
    }
    catch
    {
        await CleanUpAsync(loaded);
        throw;
    }

    Directory.CreateDirectory(Path.GetDirectoryName(statePath)!);
    await File.WriteAllTextAsync(statePath, JsonSerializer.Serialize(loaded, Report.Json));
    Console.WriteLine($"load: state in {statePath}" + (cluster.Directory is null ? "" : $"; cluster {cluster.Directory} keeps running until `all` ends or you stop it"));
    return loaded;
}

static async Task<int> RunAsync(LoadState loaded, RunOptions options, string output, bool noBuild, bool check)
{
    if (!noBuild)
    {
        await WebApp.BuildAsync();
    }

    var report = await Runner.RunAsync(loaded, options, Console.Out);
    var (markdown, json) = await Report.WriteAsync(report, output);
    Console.WriteLine(await File.ReadAllTextAsync(markdown));
    Console.WriteLine($"results: {markdown}, {json}");
    if (!check)
    {
        return 0;
    }

    var bad = report.Postgres.Concat(report.Sqlite).Where(m => m.Pending is null && (m.Errors > 0 || m.Throughput <= 0 || m.Operations == 0)).ToList();
    foreach (var m in bad)
    {
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"check: {m.Name}: {m.Operations} operations, {m.Errors} errors {m.FirstError}"));
    }

    return bad.Count == 0 && report.PeakRssMb > 0 && report.DatabaseMb > 0 ? 0 : 1;
}

static async Task CleanUpAsync(LoadState loaded)
{
    var cluster = PgCluster.Existing(loaded.ServerConnectionString, loaded.ClusterDirectory);
    if (loaded.ClusterDirectory is null)
    {
        await using var c = new Npgsql.NpgsqlConnection(loaded.ServerConnectionString);
        await c.OpenAsync();
        await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS {loaded.Database} WITH (FORCE)", c);
        await drop.ExecuteNonQueryAsync();
    }

    await cluster.StopAsync();
    Directory.Delete(loaded.DataDirectory, recursive: true);
}
