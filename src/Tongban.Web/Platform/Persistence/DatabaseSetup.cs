using Microsoft.EntityFrameworkCore;

namespace Tongban.Platform.Persistence;

public static class DatabaseSetup
{
    /// <summary>Registers the database for the configured provider (SQLite under the data directory by default).</summary>
    public static IServiceCollection AddTongbanDatabase(this IServiceCollection services, IConfiguration configuration, TongbanOptions options)
    {
        services.AddScoped<AuditTrail>();
        services.AddScoped<MigrationRunner>();
        var connectionString = configuration.GetConnectionString("Tongban");
        services.AddDbContext<TongbanDbContext>(builder =>
        {
            if (options.Database.Provider == DatabaseProvider.Postgres)
            {
                builder.UseNpgsql(connectionString ?? throw new InvalidOperationException("ConnectionStrings:Tongban is required for PostgreSQL."));
            }
            else
            {
                builder.UseSqlite(connectionString ?? SqliteConnectionString(options));
            }
        });
        return services;
    }

    private static string SqliteConnectionString(TongbanOptions options)
    {
        var directory = Path.GetFullPath(options.DataDirectory);
        Directory.CreateDirectory(directory);
        return $"Data Source={Path.Combine(directory, "tongban.db")};Cache=Shared;Foreign Keys=True;Default Timeout=30";
    }
}
