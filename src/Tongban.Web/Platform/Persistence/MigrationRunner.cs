using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Tongban.Platform.Persistence;

/// <summary>
/// Applies the versioned SQL scripts embedded under Persistence/Migrations/{Sqlite|Postgres}, in
/// order, each once. Nodes starting together serialise on a lock (PostgreSQL advisory lock, SQLite
/// exclusive transaction), so the schema is migrated once; a script whose text changed after it was
/// applied stops the start rather than drift silently. Work that must also happen exactly once at
/// start (seeding) runs inside the same lock.
/// </summary>
public sealed class MigrationRunner(TongbanDbContext db, TimeProvider clock, ILogger<MigrationRunner> logger)
{
    private const long PostgresLockKey = 7428000;

    public sealed record Script(int Version, string Name, string Sql, string Checksum);

    public static IReadOnlyList<Script> ScriptsFor(DatabaseProvider provider)
    {
        var assembly = typeof(MigrationRunner).Assembly;
        var prefix = $"{typeof(MigrationRunner).Namespace}.Migrations.{provider}.";
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => Load(assembly, n, n[prefix.Length..^4]))
            .OrderBy(s => s.Version)];
    }

    private static Script Load(Assembly assembly, string resource, string fileName)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var sql = reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
        // File names look like _0001_initial (the build prefixes names starting with a digit).
        var trimmed = fileName.TrimStart('_');
        var separator = trimmed.IndexOf('_', StringComparison.Ordinal);
        var version = int.Parse(trimmed[..separator], CultureInfo.InvariantCulture);
        return new Script(version, trimmed[(separator + 1)..], sql, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql))));
    }

    public async Task MigrateAsync(Func<Task>? onceAfterMigration = null, CancellationToken cancellationToken = default)
    {
        var provider = db.Provider;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (provider == DatabaseProvider.Postgres)
            {
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({PostgresLockKey})", cancellationToken);
                try
                {
                    await ApplyAsync(connection, provider, cancellationToken);
                    if (onceAfterMigration is not null)
                    {
                        await onceAfterMigration();
                    }
                }
                finally
                {
                    await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({PostgresLockKey})", CancellationToken.None);
                }
            }
            else
            {
                await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken);
                await ApplyAsync(connection, provider, cancellationToken);
                if (onceAfterMigration is not null)
                {
                    await onceAfterMigration();
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task ApplyAsync(DbConnection connection, DatabaseProvider provider, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, null, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER NOT NULL PRIMARY KEY,
                name TEXT NOT NULL,
                checksum TEXT NOT NULL,
                applied_at TEXT NOT NULL
            )
            """, cancellationToken);

        var applied = new Dictionary<int, string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT version, checksum FROM schema_migrations";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                applied[reader.GetInt32(0)] = reader.GetString(1);
            }
        }

        foreach (var script in ScriptsFor(provider))
        {
            if (applied.TryGetValue(script.Version, out var checksum))
            {
                if (!string.Equals(checksum, script.Checksum, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"Migration {script.Version} ({script.Name}) was changed after it was applied. Add a new migration instead.");
                }

                continue;
            }

            // SQLite: BEGIN IMMEDIATE takes the write lock, so a second process waits here and then
            // sees the script applied.
            await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
            if (await IsAppliedAsync(connection, transaction, script.Version, cancellationToken))
            {
                await transaction.RollbackAsync(cancellationToken);
                continue;
            }

            logger.LogInformation("Applying migration {Version} {Name}", script.Version, script.Name);
            await ExecuteAsync(connection, transaction, script.Sql, cancellationToken);
            await using (var record = connection.CreateCommand())
            {
                record.Transaction = transaction;
                record.CommandText = "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (@v, @n, @c, @a)";
                AddParameter(record, "@v", script.Version);
                AddParameter(record, "@n", script.Name);
                AddParameter(record, "@c", script.Checksum);
                AddParameter(record, "@a", clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
                await record.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
    }

    private static async Task<bool> IsAppliedAsync(DbConnection connection, DbTransaction transaction, int version, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COUNT(*) FROM schema_migrations WHERE version = @v";
        AddParameter(command, "@v", version);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 300;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
