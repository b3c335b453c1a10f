using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Tongban.Bench;

/// <summary>Where the app under test keeps its data: PostgreSQL (a connection string) or the embedded SQLite default.</summary>
public sealed record Target(string Name, string? PostgresConnectionString, string DataDirectory)
{
    public bool IsPostgres => PostgresConnectionString is not null;

    /// <summary>The app's configuration arguments for this target.</summary>
    public IReadOnlyList<string> Arguments =>
    [
        $"--Tongban:DataDirectory={DataDirectory}",
        "--Tongban:Demo=true",
        // The loaded city is the history: the demo's own would read every loaded case on start.
        "--Tongban:DemoHistory:Enabled=false",
        .. IsPostgres ? new[] { "--Tongban:Database:Provider=Postgres", $"--ConnectionStrings:Tongban={PostgresConnectionString}" } : [],
    ];

    public string SqliteConnectionString => $"Data Source={Path.Combine(DataDirectory, "tongban.db")}";
}

/// <summary>
/// Tongban.Web in Release, started as its own process on a loopback port, so its memory is the app's
/// alone (VmHWM from /proc) and the client's CPU use is not counted as the server's.
/// </summary>
public sealed class WebApp : IAsyncDisposable
{
    private readonly Process process;

    private WebApp(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static string Dll => Path.Combine(Shell.RepositoryRoot(), "src/Tongban.Web/bin/Release/net10.0/Tongban.Web.dll");

    public static Task BuildAsync() =>
        Shell.RunAsync("dotnet", ["build", "src/Tongban.Web", "-c", "Release", "-nologo", "-v", "quiet", "-clp:ErrorsOnly"], Shell.RepositoryRoot());

    /// <summary>Runs an operator verb of the app (e.g. <c>supervision refresh</c>) on the target's database.</summary>
    public static Task RunVerbAsync(Target target, IReadOnlyList<string> verb) =>
        Shell.RunAsync("dotnet", [Dll, .. verb, .. target.Arguments, "--Logging:LogLevel:Default=Warning"], Path.GetDirectoryName(Dll));

    public static async Task<WebApp> StartAsync(Target target)
    {
        Directory.CreateDirectory(target.DataDirectory);
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(Dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in (string[])[Dll, "--urls", $"http://127.0.0.1:{port}", "--Logging:LogLevel:Default=Warning", .. target.Arguments])
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(info) ?? throw new InvalidOperationException("Cannot start Tongban.Web.");
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => Keep(log, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new WebApp(process, new Uri($"http://127.0.0.1:{port}"));
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Tongban.Web exited {process.ExitCode}:\n{string.Join('\n', log)}");
            }

            try
            {
                if ((await probe.GetAsync(new Uri(app.Address, "/healthz"))).StatusCode == HttpStatusCode.OK)
                {
                    return app;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet: migrating and seeding.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }

            await Task.Delay(250);
        }

        await app.DisposeAsync();
        throw new TimeoutException("Tongban.Web did not become healthy in 10 minutes.");
    }

    /// <summary>Peak resident set size so far (VmHWM), in MB.</summary>
    public double PeakRssMb => StatusKb("VmHWM:") / 1024.0;

    private double StatusKb(string field)
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return double.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static void Keep(System.Collections.Concurrent.ConcurrentQueue<string> log, string? line)
    {
        if (line is null)
        {
            return;
        }

        log.Enqueue(line);
        while (log.Count > 200 && log.TryDequeue(out _))
        {
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
