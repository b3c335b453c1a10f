using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Tongban.Platform;

namespace Tongban.IntegrationTests.Infrastructure;

/// <summary>
/// The whole platform in memory on a fresh database of the given provider, seeded with the demo
/// city, with a hand-driven clock. PostgreSQL comes from TONGBAN_TEST_POSTGRES (./test.sh starts a
/// throwaway cluster and sets it); every app gets its own database.
/// </summary>
public class TongbanApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _connectionString;
    private readonly string? _postgresDatabase;
    private readonly string? _sqliteDirectory;

    public TongbanApp(DatabaseProvider provider)
    {
        Provider = provider;
        if (provider == DatabaseProvider.Postgres)
        {
            var server = Environment.GetEnvironmentVariable("TONGBAN_TEST_POSTGRES")
                ?? throw new InvalidOperationException("Set TONGBAN_TEST_POSTGRES to a PostgreSQL 15 server (./test.sh does this).");
            _postgresDatabase = "tb_" + Guid.NewGuid().ToString("N")[..16];
            ServerConnectionString = server;
            _connectionString = new NpgsqlConnectionStringBuilder(server) { Database = _postgresDatabase }.ConnectionString;
        }
        else
        {
            _sqliteDirectory = Directory.CreateTempSubdirectory("tongban-test-").FullName;
            _connectionString = $"Data Source={Path.Combine(_sqliteDirectory, "tongban.db")};Cache=Shared;Foreign Keys=True;Default Timeout=30";
        }
    }

    public DatabaseProvider Provider { get; }

    /// <summary>Whether the demo city's cases in progress are seeded too.</summary>
    protected virtual bool DemoCases => false;

    /// <summary>Whether the demo city's people and enterprises hold their demo licences.</summary>
    protected virtual bool DemoLicences => false;

    /// <summary>Whether the demo city gets its finished history (cases, ratings, aggregates).</summary>
    protected virtual bool DemoHistory => false;

    public TestClock Clock { get; } = new();

    public string ConnectionString => _connectionString;

    private string? ServerConnectionString { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Tongban:Demo", "true");
        // Tests start from an empty case list and empty wallets; DemoCasesTests, DemoLicencesTests and DemoHistoryTests switch them on.
        builder.UseSetting("Tongban:DemoCases:Enabled", DemoCases ? "true" : "false");
        builder.UseSetting("Tongban:DemoLicences:Enabled", DemoLicences ? "true" : "false");
        builder.UseSetting("Tongban:DemoHistory:Enabled", DemoHistory ? "true" : "false");
        builder.UseSetting("Tongban:Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Tongban", _connectionString);
        builder.UseSetting("Tongban:DataDirectory", _sqliteDirectory ?? Path.GetTempPath());
        builder.UseSetting("Tongban:Security:SignInAttemptsPerMinute", "100000");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<BeforeRatingSaved>();
            services.AddSingleton<Tongban.Modules.Evaluation.Features.Shared.IOnRatingRecorded>(sp => sp.GetRequiredService<BeforeRatingSaved>());
        });
    }

    public async Task InitializeAsync()
    {
        if (_postgresDatabase is not null)
        {
            await using var connection = new NpgsqlConnection(ServerConnectionString);
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {_postgresDatabase}", connection);
            await create.ExecuteNonQueryAsync();
        }

        // Starting the host runs Program's Main up to RunAsync: migration and demo seeding included.
        _ = Services;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(ServerConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        if (_sqliteDirectory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_sqliteDirectory, recursive: true);
        }
    }
}

/// <summary>The platform on an embedded SQLite database.</summary>
public sealed class SqliteApp() : TongbanApp(DatabaseProvider.Sqlite);

/// <summary>The platform on PostgreSQL 15.</summary>
public sealed class PostgresApp() : TongbanApp(DatabaseProvider.Postgres);
