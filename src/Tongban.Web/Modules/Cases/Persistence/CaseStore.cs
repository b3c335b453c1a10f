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
    /// in one statement. On PostgreSQL the statement commits on its own at once instead of holding the
    /// row's lock to the end of the submission, which made every submission of one item on one day wait
    /// for the one before it: concurrent submissions still get distinct serials, and one that then rolls
    /// back leaves a gap (the standard requires unique numbers, not gapless ones). SQLite has one writer
    /// at a time, so there it stays inside the submission's transaction.
    /// </summary>
    public async Task<Result<CaseNumber>> NextNumberAsync(ImplementationCode implementation, DateOnly day, CancellationToken cancellationToken) =>
        CaseNumber.Create(implementation, day, await NextSerialAsync(implementation.Value, day, cancellationToken));

    /// <summary>一件事办件编号: the same counter, under the prefix <c>YJS</c> (never an implementation code).</summary>
    public async Task<Result<BundleCaseNumber>> NextBundleNumberAsync(DateOnly day, CancellationToken cancellationToken) =>
        BundleCaseNumber.Create(day, await NextSerialAsync(BundleCaseNumber.Prefix, day, cancellationToken));

    /// <summary>工程建设项目审批编号: the same counter, under the prefix <c>GCXM</c>.</summary>
    public async Task<Result<ProjectNumber>> NextProjectNumberAsync(DateOnly day, CancellationToken cancellationToken) =>
        ProjectNumber.Create(day, await NextSerialAsync(ProjectNumber.Prefix, day, cancellationToken));

    private async Task<int> NextSerialAsync(string counter, DateOnly day, CancellationToken cancellationToken) =>
        Convert.ToInt32(
            await db.CountOutsideTransactionAsync(
                "INSERT INTO case_number_counters (implementation_code, day, last_serial) VALUES (@p0, @p1, 1) " +
                "ON CONFLICT (implementation_code, day) DO UPDATE SET last_serial = case_number_counters.last_serial + 1 " +
                "RETURNING last_serial",
                [counter, day],
                cancellationToken),
            System.Globalization.CultureInfo.InvariantCulture);
}
