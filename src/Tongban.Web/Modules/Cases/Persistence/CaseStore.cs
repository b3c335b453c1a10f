using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Cases.Persistence;

/// <summary>
/// Loads and saves <see cref="Case"/> aggregates whole (the scalar columns and the contents document
/// through EF) and hands out 办件编号.
/// </summary>
public sealed class CaseStore(TongbanDbContext db)
{
    public IQueryable<Case> Cases => db.Set<Case>();

    public void Add(Case @case) => db.Add(@case);

    public Task<Case?> FindAsync(CaseNumber number, CancellationToken cancellationToken) =>
        db.Set<Case>().FirstOrDefaultAsync(c => c.Number == number, cancellationToken);

    public Task<Case?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Set<Case>().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    public IQueryable<BundleCase> BundleCases => db.Set<BundleCase>();

    public void Add(BundleCase bundleCase) => db.Add(bundleCase);

    /// <summary>Saves the unit of work (with its audit entries).</summary>
    public Task SaveChangesAsync(CancellationToken cancellationToken) => db.SaveChangesAsync(cancellationToken);

    public Task<IDbContextTransaction> BeginTransactionAsync(CancellationToken cancellationToken) =>
        db.Database.BeginTransactionAsync(cancellationToken);

    /// <summary>
    /// 办件编号: the next serial of the city date for the implementation, from a counter row incremented
    /// in one statement inside the caller's transaction. PostgreSQL locks the row until commit, SQLite's
    /// write transaction is exclusive: concurrent submissions get distinct, consecutive serials, and a
    /// submission that rolls back gives its serial back.
    /// </summary>
    public async Task<Result<CaseNumber>> NextNumberAsync(ImplementationCode implementation, DateOnly day, CancellationToken cancellationToken) =>
        CaseNumber.Create(implementation, day, await NextSerialAsync(implementation.Value, day, cancellationToken));

    /// <summary>一件事办件编号: the same counter, under the prefix <c>YJS</c> (never an implementation code).</summary>
    public async Task<Result<BundleCaseNumber>> NextBundleNumberAsync(DateOnly day, CancellationToken cancellationToken) =>
        BundleCaseNumber.Create(day, await NextSerialAsync(BundleCaseNumber.Prefix, day, cancellationToken));

    /// <summary>工程建设项目审批编号: the same counter, under the prefix <c>GCXM</c>.</summary>
    public async Task<Result<ProjectNumber>> NextProjectNumberAsync(DateOnly day, CancellationToken cancellationToken) =>
        ProjectNumber.Create(day, await NextSerialAsync(ProjectNumber.Prefix, day, cancellationToken));

    private async Task<int> NextSerialAsync(string counter, DateOnly day, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Case numbers are allocated inside the submission's transaction.");
        await using DbCommand command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "INSERT INTO case_number_counters (implementation_code, day, last_serial) VALUES (@code, @day, 1) " +
            "ON CONFLICT (implementation_code, day) DO UPDATE SET last_serial = case_number_counters.last_serial + 1 " +
            "RETURNING last_serial";
        AddParameter(command, "@code", counter);
        AddParameter(command, "@day", day);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
