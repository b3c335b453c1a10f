using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tongban.Domain.Cases;
using Tongban.Domain.Identity;
using Tongban.Modules.Cases;
using Tongban.Modules.Identity;
using Tongban.Modules.Supervision.Persistence;
using Tongban.Platform;
using Tongban.Platform.Persistence;
using Tongban.Platform.Security;
using Tongban.Platform.Web;

namespace Tongban.Modules.Supervision.Features.Warnings;

/// <summary>A case that turned yellow or red, pushed once.</summary>
public sealed record WarningPushed(OpenCaseTime Case, TimeWarning Level);

/// <summary>
/// Tells staff that a case turned yellow or red. Runs inside the push's unit of work: what it adds to the
/// database is saved with the push key, or not at all when another node pushed the same warning first.
/// </summary>
public interface IWarningNotifier
{
    Task NotifyAsync(WarningPushed warning, IReadOnlyList<StaffProfile> recipients, CancellationToken cancellationToken);
}

/// <summary>The default: an in-app notice per recipient (the workbench counts them) and a log line.</summary>
internal sealed partial class NoticeWarningNotifier(TongbanDbContext db, CityClock clock, ILogger<NoticeWarningNotifier> logger) : IWarningNotifier
{
    public Task NotifyAsync(WarningPushed warning, IReadOnlyList<StaffProfile> recipients, CancellationToken cancellationToken)
    {
        foreach (var recipient in recipients)
        {
            db.Add(new StaffNotice
            {
                Id = Guid.NewGuid(),
                AccountId = recipient.AccountId,
                CaseId = warning.Case.CaseId,
                CaseNumber = warning.Case.CaseNumber,
                Level = warning.Level,
                CreatedAt = clock.UtcNow,
            });
        }

        Log(logger, warning.Case.CaseNumber, warning.Level, recipients.Count);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "预警 {Level} for case {CaseNumber} pushed to {Recipients} staff")]
    private static partial void Log(ILogger logger, string caseNumber, TimeWarning level, int recipients);
}

/// <summary>
/// 预警推送: finds the open cases that are yellow or red now and not yet pushed at that level, and tells the
/// department's approvers and the supervisors whose region covers the case. Each (case, level) is pushed
/// once: its key row is saved with the notices in one transaction, so when two nodes sweep at once the
/// second save fails on the key and nothing is told twice.
/// </summary>
public sealed partial class WarningSweep(IServiceScopeFactory scopes, ILogger<WarningSweep> logger)
{
    /// <summary>Answers how many warnings this sweep pushed.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var due = new List<WarningPushed>();
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TongbanDbContext>();
            var warned = new List<WarningPushed>();
            await foreach (var c in scope.ServiceProvider.GetRequiredService<ICaseOversight>().OpenCasesAsync(null, null, cancellationToken))
            {
                if (c.Level is TimeWarning.Yellow or TimeWarning.Red)
                {
                    warned.Add(new WarningPushed(c, c.Level));
                }
            }

            foreach (var chunk in warned.Chunk(500))
            {
                var ids = chunk.Select(w => w.Case.CaseId).ToList();
                var pushed = (await db.Set<WarningPush>().AsNoTracking().Where(p => ids.Contains(p.CaseId)).Select(p => new { p.CaseId, p.Level }).ToListAsync(cancellationToken))
                    .Select(p => (p.CaseId, p.Level)).ToHashSet();
                due.AddRange(chunk.Where(w => !pushed.Contains((w.Case.CaseId, w.Level))));
            }
        }

        var count = 0;
        foreach (var warning in due)
        {
            count += await PushAsync(warning, cancellationToken) ? 1 : 0;
        }

        return count;
    }

    private async Task<bool> PushAsync(WarningPushed warning, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<TongbanDbContext>();
        var staff = services.GetRequiredService<IStaffDirectory>();
        var recipients = (await staff.InDepartmentAsync(warning.Case.DepartmentId, Role.Approver, cancellationToken))
            .Concat(await staff.CoveringRegionAsync(warning.Case.Region, Role.Supervisor, cancellationToken))
            .DistinctBy(s => s.AccountId).ToList();
        db.Add(new WarningPush
        {
            CaseId = warning.Case.CaseId,
            Level = warning.Level,
            CaseNumber = warning.Case.CaseNumber,
            DepartmentId = warning.Case.DepartmentId,
            PushedAt = services.GetRequiredService<CityClock>().UtcNow,
        });
        await services.GetRequiredService<IWarningNotifier>().NotifyAsync(warning, recipients, cancellationToken);
        services.GetRequiredService<AuditTrail>().Record("supervision.warning-pushed", "Case", warning.Case.CaseNumber,
            after: new { level = warning.Level.ToString(), recipients = recipients.Count });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            LogLost(logger, warning.Case.CaseNumber, warning.Level);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "预警 {Level} for case {CaseNumber} was pushed by another node")]
    private static partial void LogLost(ILogger logger, string caseNumber, TimeWarning level);
}

/// <summary>Runs the <see cref="WarningSweep"/> every Tongban:Supervision:Warnings:SweepMinutes on the injected clock.</summary>
internal sealed partial class WarningSweepService(WarningSweep sweep, IOptions<WarningOptions> options, TimeProvider time, ILogger<WarningSweepService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, options.Value.SweepMinutes)), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await sweep.RunAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One failed sweep (database away) must not stop the next ones.
                LogFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "预警 sweep failed; retrying at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

/// <summary>The caller's unread warning notices by level, and marking them read.</summary>
internal sealed class StaffNotices(TongbanDbContext db, CityClock clock) : IStaffWarningNotices
{
    public async Task<WarningNoticeCounts> UnreadAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var unread = await db.Set<StaffNotice>().AsNoTracking().Where(n => n.AccountId == accountId && n.ReadAt == null)
            .Select(n => new { n.CaseId, n.Level }).ToListAsync(cancellationToken);

        // A case that went on to red counts once, as overdue.
        var red = unread.Where(n => n.Level == TimeWarning.Red).Select(n => n.CaseId).ToHashSet();
        return new WarningNoticeCounts(unread.Where(n => n.Level == TimeWarning.Yellow && !red.Contains(n.CaseId)).Select(n => n.CaseId).Distinct().Count(), red.Count);
    }

    public async Task MarkReadAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        foreach (var notice in await db.Set<StaffNotice>().Where(n => n.AccountId == accountId && n.ReadAt == null).ToListAsync(cancellationToken))
        {
            notice.ReadAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>The workbench lines of the caller's unread 预警 notices (您有 N 件办件即将超期/已超期), linking to the board.</summary>
internal sealed class WarningWorkbenchNotices(IStaffWarningNotices notices, CurrentUser user, IStringLocalizer<SharedResource> t) : IWorkbenchNotices
{
    public async Task<IReadOnlyList<WorkbenchNotice>> ForCallerAsync(CancellationToken cancellationToken)
    {
        if (user.AccountId is not { } account)
        {
            return [];
        }

        var unread = await notices.UnreadAsync(account, cancellationToken);
        var lines = new List<WorkbenchNotice>();
        if (unread.NearDeadline > 0)
        {
            lines.Add(new(t["您有 {0} 件办件即将超期", unread.NearDeadline], "/supervision/warnings", Urgent: false));
        }

        if (unread.Overdue > 0)
        {
            lines.Add(new(t["您有 {0} 件办件已超期", unread.Overdue], "/supervision/warnings", Urgent: true));
        }

        return lines;
    }
}
