using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Persistence;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Cases.Features.Shared;

/// <summary>
/// 一件事: a member case moved on. The bundle case takes note; members now free to start (their
/// predecessors have results) are filed, with what flows from those results, in one transaction. When
/// two members finish at once and the other request saved the bundle case first, it is read again and
/// the step retried, so no member is left waiting for a result that exists. The save that first records
/// every member finished tells the applicant (once: a later observation finds the bundle finished already,
/// and of two racing saves only one succeeds).
/// </summary>
public sealed partial class BundleProgress(TongbanDbContext db, CaseStore cases, BundleMembers members, AuditTrail audit, IBundleNotifier notifier, ILogger<BundleProgress> logger) : IAfterSave
{
    private const int Attempts = 3;

    public async Task RunAsync(Case @case, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@case);
        if (@case.BundleCaseId is not { } id)
        {
            return;
        }

        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            db.ChangeTracker.Clear();
            try
            {
                await using var transaction = await cases.BeginTransactionAsync(cancellationToken);
                var bundleCase = await cases.BundleCases.FirstAsync(b => b.Id == id, cancellationToken);
                var finishedBefore = bundleCase.Members.All(m => m.Finished);
                await ObserveAsync(bundleCase, cancellationToken);
                var before = bundleCase.Members.Count(m => m.Started);
                foreach (var (member, problem) in await members.StartReadyAsync(bundleCase, cancellationToken))
                {
                    MemberNotStarted(logger, bundleCase.Number.Value, member, problem.Code);
                }

                if (bundleCase.Members.Count(m => m.Started) > before)
                {
                    audit.Record("bundles.members-started", nameof(BundleCase), bundleCase.Number.Value,
                        after: new { members = bundleCase.Members.Where(m => m.Started).Select(m => new { m.Key, m.CaseNumber }) });
                }

                var finishedNow = !finishedBefore && bundleCase.Members.All(m => m.Finished);
                if (finishedNow)
                {
                    audit.Record("bundles.finished", nameof(BundleCase), bundleCase.Number.Value, after: new { status = bundleCase.Status.ToString() });
                }

                await cases.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                if (finishedNow)
                {
                    await notifier.FinishedAsync(bundleCase, cancellationToken);
                }

                return;
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                audit.TakePending();
            }
        }
    }

    /// <summary>The bundle case with every started member's status as its case has it now.</summary>
    public async Task ObserveAsync(BundleCase bundleCase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bundleCase);
        var statuses = await cases.Cases.AsNoTracking().Where(c => c.BundleCaseId == bundleCase.Id)
            .Select(c => new { c.Number, c.Status }).ToListAsync(cancellationToken);
        Observe(bundleCase, statuses.Select(s => (s.Number!.Value.Value, s.Status)));
    }

    /// <summary>As <see cref="ObserveAsync"/>, from member cases already at hand (case number, status).</summary>
    public static void Observe(BundleCase bundleCase, IEnumerable<(string CaseNumber, CaseStatus Status)> memberCases)
    {
        ArgumentNullException.ThrowIfNull(bundleCase);
        ArgumentNullException.ThrowIfNull(memberCases);
        foreach (var (number, status) in memberCases)
        {
            if (bundleCase.MemberWithCase(number) is { } member)
            {
                bundleCase.Observe(member.Key, status);
            }
        }
    }

    /// <summary>送达 of a member: when the bundle delivers together, only once every member is finished.</summary>
    public async Task<Result> MayDeliverAsync(Case @case, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@case);
        if (@case.BundleCaseId is not { } id)
        {
            return Result.Success;
        }

        var bundleCase = await cases.BundleCases.AsNoTracking().FirstAsync(b => b.Id == id, cancellationToken);
        await ObserveAsync(bundleCase, cancellationToken);
        return bundleCase.MayDeliver(bundleCase.MemberWithCase(@case.Number!.Value.Value)!.Key);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bundle case {BundleCase}: member {Member} could not be filed yet: {Reason}")]
    private static partial void MemberNotStarted(ILogger logger, string bundleCase, string member, string reason);
}
