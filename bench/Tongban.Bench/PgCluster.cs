using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Tongban.Bench;

/// <summary>
/// A throwaway PostgreSQL 15 cluster started like ./test.sh starts one (initdb in a temp directory, a free
/// loopback port, durability off because the data is regenerated), or a server the caller names.
/// </summary>
public sealed class PgCluster
{
    private const string Bin = "/usr/lib/postgresql/15/bin";

    private PgCluster(string serverConnectionString, string? directory)
    {
        ServerConnectionString = serverConnectionString;
        Directory = directory;
    }

    /// <summary>A connection string to the server's maintenance database.</summary>
    public string ServerConnectionString { get; }

    /// <summary>The cluster's directory when the bench started it; null for a server it was given.</summary>
    public string? Directory { get; }

    public static PgCluster Existing(string serverConnectionString, string? directory = null) => new(serverConnectionString, directory);

    public static async Task<PgCluster> StartAsync()
    {
        var dir = System.IO.Directory.CreateTempSubdirectory("tongban-bench-pg.").FullName;
        var port = FreePort();
        if (Environment.UserName == "root")
        {
            await Shell.RunAsync("chown", ["postgres", dir]);
        }

        await AsPostgresAsync($"{Bin}/initdb", ["-D", $"{dir}/data", "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"]);
        // Bulk loading wants a large WAL budget and maintenance memory; shared_buffers stays modest on a shared machine.
        await AsPostgresAsync($"{Bin}/pg_ctl", ["-D", $"{dir}/data", "-l", $"{dir}/log", "-w", "-o",
            $"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off "
            + "-c max_connections=300 -c shared_buffers=256MB -c max_wal_size=4GB -c maintenance_work_mem=256MB -c work_mem=16MB", "start"]);
        return new PgCluster($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres", dir);
    }

    public async Task StopAsync()
    {
        if (Directory is null)
        {
            return;
        }

        await AsPostgresAsync($"{Bin}/pg_ctl", ["-D", $"{Directory}/data", "-m", "fast", "stop"]);
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    /// <summary>Drops and creates the bench database; answers its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using (var connection = new NpgsqlConnection(ServerConnectionString))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return DatabaseConnectionString(name);
    }

    public string DatabaseConnectionString(string name) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name, Pooling = true, MaxPoolSize = 100 }.ConnectionString;

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private static Task AsPostgresAsync(string program, IReadOnlyList<string> args) =>
        Environment.UserName == "root"
            ? Shell.RunAsync("runuser", ["-u", "postgres", "--", program, .. args])
            : Shell.RunAsync(program, args);
}

/// <summary>Child processes the bench waits for.</summary>
public static class Shell
{
    public static async Task RunAsync(string program, IReadOnlyList<string> args, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory ?? "" };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Cannot start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited {process.ExitCode}: {await output}{await error}");
        }
    }

    /// <summary>The repository root: the nearest directory up from here holding Tongban.slnx.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tongban.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the bench from inside the repository (Tongban.slnx not found).");
    }
}
