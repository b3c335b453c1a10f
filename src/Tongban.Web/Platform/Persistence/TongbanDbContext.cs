using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Tongban.Domain.Audit;
using Tongban.Domain.Primitives;

namespace Tongban.Platform.Persistence;

/// <summary>
/// The one unit of work. Modules map their own entities through <see cref="IEntityTypeConfiguration{T}"/>
/// classes in their Persistence folders and reach only their own sets. Saving also bumps
/// optimistic-concurrency versions and appends the request's audit entries to the hash chain in the
/// same transaction, so a state change and its audit record are stored together or not at all.
/// </summary>
public sealed class TongbanDbContext(DbContextOptions<TongbanDbContext> options, AuditTrail auditTrail) : DbContext(options)
{
    internal DatabaseProvider Provider => Database.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TongbanDbContext).Assembly);
        ModelConventions.Apply(modelBuilder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        ModelConventions.Configure(configurationBuilder, Provider);

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        var entries = auditTrail.TakePending();
        if (entries.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            int written;
            if (Provider == DatabaseProvider.Postgres)
            {
                // The unit of work's rows first, outside the chain lock, which is then held only for
                // two round trips and the commit instead of the whole save.
                written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
                written += await AppendToChainOnPostgresAsync(entries, cancellationToken);
            }
            else
            {
                await AppendToChainAsync(entries, cancellationToken);
                written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }

            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return written;
        }
        catch
        {
            // Entries go back so a retry of the same unit of work still records them.
            auditTrail.Restore(entries);
            throw;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>SQLite: its transactions here are BEGIN IMMEDIATE and already exclusive, so one writer at a time extends the chain.</summary>
    private async Task AppendToChainAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var last = await Set<AuditRecord>().AsNoTracking()
            .OrderByDescending(r => r.Sequence)
            .Select(r => new { r.Sequence, r.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        var sequence = last?.Sequence ?? 0;
        var previous = last?.Hash ?? AuditRecord.GenesisHash;
        foreach (var entry in entries)
        {
            var record = AuditRecord.Chain(entry, ++sequence, previous);
            previous = record.Hash;
            Add(record);
        }
    }

    /// <summary>
    /// PostgreSQL: one writer at a time extends the chain under a transaction-scoped advisory lock.
    /// One round trip takes the lock and reads the chain's head (each statement of a batch reads its
    /// own snapshot, so the head is read once the lock is held), one appends the records.
    /// </summary>
    private async Task<int> AppendToChainOnPostgresAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)Database.GetDbConnection();
        var transaction = (NpgsqlTransaction)Database.CurrentTransaction!.GetDbTransaction();
        var sequence = 0L;
        var previous = AuditRecord.GenesisHash;
        await using (var head = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock(7428001)"),
                new NpgsqlBatchCommand("SELECT sequence, hash FROM audit_records ORDER BY sequence DESC LIMIT 1"),
            },
        })
        {
            await using var reader = await head.ExecuteReaderAsync(cancellationToken);
            await reader.NextResultAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                sequence = reader.GetInt64(0);
                previous = reader.GetString(1);
            }
        }

        await using var append = new NpgsqlBatch(connection, transaction);
        foreach (var entry in entries)
        {
            var record = AuditRecord.Chain(entry, ++sequence, previous);
            previous = record.Hash;
            var insert = new NpgsqlBatchCommand(
                "INSERT INTO audit_records (sequence, occurred_at, actor_id, actor_name, actor_role, action, entity_type, entity_id, before, after, request_id, previous_hash, hash) "
                + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)");
            foreach (var value in new object?[]
                     {
                         record.Sequence, record.OccurredAt, record.ActorId, record.ActorName, record.ActorRole, record.Action, record.EntityType,
                         record.EntityId, record.Before, record.After, record.RequestId, record.PreviousHash, record.Hash,
                     })
            {
                insert.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
            }

            append.BatchCommands.Add(insert);
        }

        return await append.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Marks an aggregate root changed when only its children changed, so its version still moves
    /// and a concurrent edit of the same aggregate is detected.
    /// </summary>
    public void MarkChanged(IVersioned aggregate) => Entry(aggregate).State = EntityState.Modified;

    /// <summary>A unique key another unit of work took a moment earlier (on either provider).</summary>
    public static bool IsUniqueViolation(Exception exception) => exception is DbUpdateException
    {
        InnerException: Microsoft.Data.Sqlite.SqliteException { SqliteExtendedErrorCode: 2067 or 1555 } or Npgsql.PostgresException { SqlState: "23505" },
    };

    /// <summary>The answer to an edit based on a version someone else has already changed.</summary>
    public static Conflict Stale { get; } = new("concurrency.stale");

    /// <summary>
    /// Checks an edit against the version the user saw, not the one just loaded: answers
    /// <paramref name="stale"/> when the stored version has already moved on, and otherwise makes the
    /// save fail if someone else saves the aggregate first.
    /// </summary>
    public Result ExpectVersion(IVersioned aggregate, int version, Error? stale = null)
    {
        if (aggregate.Version != version)
        {
            return stale ?? Stale;
        }

        Entry(aggregate).Property(nameof(IVersioned.Version)).OriginalValue = version;
        return Result.Success;
    }

    /// <summary>
    /// Saves the unit of work; when someone else saved the same aggregate first (its version moved),
    /// answers <see cref="Stale"/> instead: neither the change nor its audit entries are stored.
    /// </summary>
    public async Task<Result> SaveUnlessStaleAsync(CancellationToken cancellationToken)
    {
        try
        {
            await SaveChangesAsync(cancellationToken);
            return Result.Success;
        }
        catch (DbUpdateConcurrencyException)
        {
            auditTrail.TakePending();
            return Stale;
        }
    }

    /// <summary>
    /// Runs a hot counter's upsert (<c>INSERT … ON CONFLICT … DO UPDATE</c>, parameters <c>@p0</c>, <c>@p1</c>, …)
    /// so that its row lock is not held across the caller's transaction: every submission of one item
    /// on one day increments the same row. On PostgreSQL it runs on a connection of its own and commits
    /// at once, so the lock lasts one statement; concurrent callers still get distinct values, and a
    /// caller whose transaction then rolls back has counted anyway (a gap, never a duplicate). Those
    /// connections come from a pool of their own, so a request that holds a transaction's connection
    /// can never wait for one behind other such requests. On SQLite it runs inside the current
    /// transaction: there one writer holds the database at a time anyway, and a second connection
    /// would wait for this one. Answers the first column of the first row (null without one).
    /// </summary>
    public async Task<object?> CountOutsideTransactionAsync(string sql, IReadOnlyList<object> parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (Provider == DatabaseProvider.Postgres)
        {
            await using var connection = new NpgsqlConnection(CounterConnectionStrings.GetOrAdd(Database.GetConnectionString()!, OwnPool));
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand(sql, connection);
            AddParameters(command, parameters);
            return await command.ExecuteScalarAsync(cancellationToken);
        }

        await Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = Database.GetDbConnection().CreateCommand();
            command.Transaction = Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = sql;
            AddParameters(command, parameters);
            return await command.ExecuteScalarAsync(cancellationToken);
        }
        finally
        {
            await Database.CloseConnectionAsync();
        }
    }

    // The same server and credentials under another application name, which Npgsql pools separately.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> CounterConnectionStrings = new(StringComparer.Ordinal);

    private static string OwnPool(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = "tongban-counters" }.ConnectionString;

    private static void AddParameters(System.Data.Common.DbCommand command, IReadOnlyList<object> parameters)
    {
        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            // EF stores a Guid on SQLite as upper-case text; the ADO.NET provider alone would bind a blob.
            parameter.Value = parameters[i] is Guid id && command is Microsoft.Data.Sqlite.SqliteCommand
                ? id.ToString().ToUpperInvariant()
                : parameters[i];
            command.Parameters.Add(parameter);
        }
    }

    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.Version++;
            }
        }
    }
}
