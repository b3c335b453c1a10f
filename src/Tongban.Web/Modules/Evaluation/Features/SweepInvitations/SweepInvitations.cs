using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Domain.Evaluation;
using Tongban.Modules.Evaluation.Features.Shared;
using Tongban.Modules.Evaluation.Persistence;
using Tongban.Platform;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Evaluation.Features.SweepInvitations;

/// <summary>What one sweep did.</summary>
public sealed record InvitationSweepResult(int Reminded, int Defaulted);

/// <summary>
/// The invitations' clock: an open invitation past its reminder day gets the reminder once; past its default
/// day it gets the configured level, stored as 默认评价 (never an active rating) through the same recorder as a
/// given rating, hooks included. Each invitation is saved on its own under its optimistic version, so when
/// two nodes sweep at once, or the applicant rates meanwhile, the loser's change is dropped.
/// </summary>
public sealed partial class InvitationSweep(IServiceScopeFactory scopes, ILogger<InvitationSweep> logger)
{
    public async Task<InvitationSweepResult> RunAsync(CancellationToken cancellationToken)
    {
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var now = scope.ServiceProvider.GetRequiredService<CityClock>().UtcNow;
            due = await scope.ServiceProvider.GetRequiredService<EvaluationStore>().Invitations.AsNoTracking()
                .Where(i => i.State == InvitationState.Open && ((i.RemindedAt == null && i.RemindAt < now) || i.DefaultAt < now))
                .OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(cancellationToken);
        }

        int reminded = 0, defaulted = 0;
        foreach (var id in due)
        {
            switch (await SweepAsync(id, cancellationToken))
            {
                case InvitationState.Open:
                    reminded++;
                    break;
                case InvitationState.Defaulted:
                    defaulted++;
                    break;
            }
        }

        return new InvitationSweepResult(reminded, defaulted);
    }

    /// <summary>Open when the reminder went out, Defaulted when the default applied, null when nothing was due or another node won.</summary>
    private async Task<InvitationState?> SweepAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var store = services.GetRequiredService<EvaluationStore>();
        var now = services.GetRequiredService<CityClock>().UtcNow;
        var invitation = await store.Invitations.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (invitation is null)
        {
            return null;
        }

        if (invitation.DefaultDue(now))
        {
            var rating = invitation.ApplyDefault(now).Value;
            if (!(await services.GetRequiredService<RatingRecorder>().RecordAsync(rating, invitation, cancellationToken)).IsSuccess)
            {
                LogLost(logger, invitation.CaseNumber);
                return null;
            }

            return InvitationState.Defaulted;
        }

        if (invitation.Remind(now) is { IsSuccess: false })
        {
            return null;
        }

        services.GetRequiredService<AuditTrail>().Record("evaluation.remind", nameof(RatingInvitation), invitation.Id.ToString(), after: new { remindedAt = now });
        try
        {
            await store.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            LogLost(logger, invitation.CaseNumber);
            return null;
        }

        var links = services.GetRequiredService<RatingLinks>();
        await services.GetRequiredService<IRatingNotifier>().InviteAsync(invitation, InvitationTexts.Sms(invitation, links.UrlFor(invitation), reminder: true), reminder: true, cancellationToken);
        return InvitationState.Open;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "好差评 sweep of case {CaseNumber} lost to a concurrent change; it is seen again next sweep")]
    private static partial void LogLost(ILogger logger, string caseNumber);
}

/// <summary>Runs the <see cref="InvitationSweep"/> every Tongban:Evaluation:SweepSeconds on the injected clock.</summary>
internal sealed partial class InvitationSweepService(InvitationSweep sweep, IOptions<RatingOptions> options, TimeProvider time, ILogger<InvitationSweepService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.SweepSeconds)), time);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "好差评 sweep failed; retrying at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
