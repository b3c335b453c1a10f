using Tongban.Domain.Cases;
using Tongban.Domain.Evaluation;
using Tongban.Domain.Primitives.Calendar;
using Tongban.Modules.Cases;
using Tongban.Modules.Evaluation.Features.Shared;
using Tongban.Modules.Evaluation.Persistence;
using Tongban.Modules.Identity;
using Tongban.Platform;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Evaluation.Features.InviteOnCompletion;

/// <summary>
/// 办结 sends the invitation to rate the completion: it is added to the completion's own unit of work (no
/// completed case without its invitation), scoped as the case was (region, competent department, item, the
/// clerk who accepted it), for the applicant's account (not the clerk who filed a window case). Once the
/// completion is saved, the SMS with the link goes out. A case whose applicant has no account still gets
/// its invitation (for the SMS link), with an empty recipient.
/// </summary>
internal sealed class InviteOnCompletion(
    EvaluationStore store, EvaluationPolicy policy, WorkingCalendar calendar, CityClock clock, IPeopleDirectory people,
    AuditTrail audit, RatingLinks links, IRatingNotifier notifier) : IOnCaseTransition, IAfterSave
{
    private readonly Dictionary<string, RatingInvitation> _unsent = new(StringComparer.Ordinal);

    public async Task RunAsync(Case @case, CaseStatus before, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@case);
        if (before == CaseStatus.Completed || @case.Status != CaseStatus.Completed)
        {
            return;
        }

        var summary = CaseSummary.Of(@case);
        var recipient = await people.FindApplicantAccountAsync(summary.Applicant.IdNumber, summary.Applicant.Uscc, summary.FiledBy, cancellationToken);
        var scope = new RatingScope(summary.Region, summary.DepartmentId, summary.ImplementationCode, ClerkId: summary.AcceptedBy);
        var invitation = RatingInvitation.Send(summary.Number, RatingStage.Completion, scope, recipient ?? Guid.Empty, policy, calendar, clock.Zone, clock.UtcNow);
        store.Add(invitation);
        audit.Record("evaluation.invite", nameof(RatingInvitation), invitation.Id.ToString(), after: new
        {
            caseNumber = invitation.CaseNumber,
            stage = invitation.Stage.ToString(),
            remindAt = invitation.RemindAt,
            defaultAt = invitation.DefaultAt,
        });
        _unsent[invitation.CaseNumber] = invitation;
    }

    public async Task RunAsync(Case @case, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@case);
        if (@case.Number is { } number && _unsent.Remove(number.Value, out var invitation))
        {
            await notifier.InviteAsync(invitation, InvitationTexts.Sms(invitation, links.UrlFor(invitation), reminder: false), reminder: false, cancellationToken);
        }
    }
}
