using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Domain.Cases;
using Tongban.Domain.Primitives.Calendar;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Persistence;
using Tongban.Platform;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Cases.Features.CheckDeficiencies;

/// <summary>Tells the applicant about a 容缺 second notice or termination (SMS, app push ...). What they see on the platform is the history entry and the notice PDF.</summary>
public interface IDeficiencyNotifier
{
    Task NotifyAsync(Case @case, DeficiencyCheckOutcome outcome, CancellationToken cancellationToken);
}

/// <summary>No messaging channel connected: a log line per notification.</summary>
internal sealed partial class LoggingDeficiencyNotifier(ILogger<LoggingDeficiencyNotifier> logger) : IDeficiencyNotifier
{
    public Task NotifyAsync(Case @case, DeficiencyCheckOutcome outcome, CancellationToken cancellationToken)
    {
        Log(logger, @case.Number?.Value ?? @case.Id.ToString(), outcome);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "容缺 notice for case {CaseNumber}: {Outcome}")]
    private static partial void Log(ILogger logger, string caseNumber, DeficiencyCheckOutcome outcome);
}

/// <summary>What one sweep did.</summary>
public sealed record DeficiencySweepResult(int NotifiedAgain, int Terminated);

/// <summary>
/// The 容缺 timeline: every case accepted with owed materials is checked against the clock
/// (<see cref="Case.CheckDeficiency"/>): past its supplement deadline the second notice goes out and
/// the grace period starts; past the grace period the case ends 不予办理. Each case is saved on its
/// own under optimistic concurrency as the system, so when two nodes sweep at once (or the applicant
/// supplements meanwhile) the loser's change is dropped and the case is seen again next time.
/// </summary>
public sealed partial class DeficiencySweep(IServiceScopeFactory scopes, IOptions<CaseTimeOptions> options, IDeficiencyNotifier notifier, ILogger<DeficiencySweep> logger)
{
    public async Task<DeficiencySweepResult> RunAsync(CancellationToken cancellationToken)
    {
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            due = await scope.ServiceProvider.GetRequiredService<CaseStore>().Cases.AsNoTracking()
                .Where(c => c.Status == CaseStatus.AcceptedWithDeficiency || c.Status == CaseStatus.DeficiencyOverdue)
                .OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(cancellationToken);
        }

        int notified = 0, terminated = 0;
        foreach (var id in due)
        {
            switch (await CheckAsync(id, cancellationToken))
            {
                case DeficiencyCheckOutcome.NotifiedAgain:
                    notified++;
                    break;
                case DeficiencyCheckOutcome.Terminated:
                    terminated++;
                    break;
            }
        }

        return new DeficiencySweepResult(notified, terminated);
    }

    private async Task<DeficiencyCheckOutcome?> CheckAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var cases = services.GetRequiredService<CaseStore>();
        var clock = services.GetRequiredService<CityClock>();
        var @case = await cases.FindAsync(id, cancellationToken);
        if (@case is null)
        {
            return null;
        }

        var before = @case.Status;
        if (!@case.CheckDeficiency(clock.UtcNow, services.GetRequiredService<WorkingCalendar>(), clock.Zone, options.Value.Policy).TryGet(out var outcome, out _)
            || outcome == DeficiencyCheckOutcome.NotDue)
        {
            return null;
        }

        services.GetRequiredService<AuditTrail>().Record("cases.deficiency-check", nameof(Case), @case.Number!.Value.Value,
            before: new { status = before.ToString() }, after: new { status = @case.Status.ToString(), outcome = outcome.ToString() });
        try
        {
            await cases.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            LogLost(logger, @case.Number!.Value.Value);
            return null;
        }

        await notifier.NotifyAsync(@case, outcome, cancellationToken);
        return outcome;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "容缺 check of case {CaseNumber} lost to a concurrent change; it is checked again next sweep")]
    private static partial void LogLost(ILogger logger, string caseNumber);
}

/// <summary>Runs the <see cref="DeficiencySweep"/> every Tongban:Cases:DeficiencySweepMinutes on the injected clock.</summary>
internal sealed partial class DeficiencySweepService(DeficiencySweep sweep, IOptions<CaseTimeOptions> options, TimeProvider time, ILogger<DeficiencySweepService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, options.Value.DeficiencySweepMinutes)), time);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "容缺 sweep failed; retrying at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
