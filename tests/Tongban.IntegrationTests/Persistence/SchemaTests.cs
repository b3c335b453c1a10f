using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Platform;
using Tongban.Platform.Persistence;

namespace Tongban.IntegrationTests.Persistence;

/// <summary>The hand-written SQL migrations must build exactly the schema the EF model maps.</summary>
public abstract class SchemaTests(TongbanApp app)
{
    [Fact]
    public async Task ScriptedSchema_MatchesTheModel_TablesColumnsAndNullability()
    {
        var (expected, actual) = await app.WithDbAsync(async db =>
        {
            var model = db.Model.GetRelationalModel();
            var expectedColumns = model.Tables
                .SelectMany(t => t.Columns.Select(c => $"{t.Name}.{c.Name} {(c.IsNullable ? "null" : "not null")}"))
                .Order(StringComparer.Ordinal)
                .ToList();
            var actualColumns = await ReadColumnsAsync(db, model.Tables.Select(t => t.Name).ToHashSet());
            return (expectedColumns, actualColumns);
        });

        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task ScriptedSchema_HasEveryIndexTheModelDeclares()
    {
        var missing = await app.WithDbAsync(async db =>
        {
            var declared = db.Model.GetRelationalModel().Tables.SelectMany(t => t.Indexes.Select(i => i.Name)).ToList();
            var present = await ReadIndexNamesAsync(db);
            return declared.Where(name => !present.Contains(name)).ToList();
        });

        Assert.Empty(missing);
    }

    [Fact]
    public async Task Migrating_AnAlreadyMigratedDatabaseAgain_ChangesNothing()
    {
        var before = await app.WithDbAsync(db => CountAsync(db, "SELECT COUNT(*) FROM schema_migrations"));
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => TongbanHost.PrepareDatabaseAsync(app.Services)));
        var after = await app.WithDbAsync(db => CountAsync(db, "SELECT COUNT(*) FROM schema_migrations"));
        Assert.Equal(before, after);
        Assert.Equal(MigrationRunner.ScriptsFor(app.Provider).Count, after);
        Assert.Equal(16, await app.WithDbAsync(db => CountAsync(db, "SELECT COUNT(*) FROM regions")));
    }

    private static async Task<List<string>> ReadColumnsAsync(TongbanDbContext db, IReadOnlySet<string> tables)
    {
        var columns = new List<string>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            foreach (var table in tables)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = db.Database.IsNpgsql()
                    ? $"SELECT column_name, is_nullable = 'YES' FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '{table}'"
                    : $"SELECT name, \"notnull\" = 0 AND pk = 0 FROM pragma_table_info('{table}')";
                await using var reader = await command.ExecuteReaderAsync();
                var found = false;
                while (await reader.ReadAsync())
                {
                    found = true;
                    columns.Add($"{table}.{reader.GetString(0)} {(reader.GetBoolean(1) ? "null" : "not null")}");
                }

                if (!found)
                {
                    columns.Add($"{table} (table missing)");
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return [.. columns.Order(StringComparer.Ordinal)];
    }

    private static async Task<HashSet<string>> ReadIndexNamesAsync(TongbanDbContext db)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = db.Database.IsNpgsql()
                ? "SELECT indexname FROM pg_indexes WHERE schemaname = 'public'"
                : "SELECT name FROM sqlite_master WHERE type = 'index'";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return names;
    }

    private static async Task<long> CountAsync(TongbanDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

public sealed class SchemaOnSqlite(SqliteApp app) : SchemaTests(app), IClassFixture<SqliteApp>;

public sealed class SchemaOnPostgres(PostgresApp app) : SchemaTests(app), IClassFixture<PostgresApp>;
