using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Evaluation;
using Tongban.Modules.Evaluation.Persistence;
using Tongban.Platform.Security;

namespace Tongban.Modules.Evaluation.Features.Shared;

/// <summary>An open invitation as the in-app notice shows it: the SMS text with its link.</summary>
public sealed record InvitationNotice(string CaseNumber, string Stage, string Text);

/// <summary>The caller's open invitations (the in-app side of the notifier), newest first.</summary>
public sealed class OpenInvitations(EvaluationStore store, RatingLinks links, CurrentUser user)
{
    public const int MostShown = 20;

    public async Task<IReadOnlyList<InvitationNotice>> OfCallerAsync(CancellationToken cancellationToken)
    {
        if (user.AccountId is not { } account)
        {
            return [];
        }

        var open = await store.Invitations.AsNoTracking()
            .Where(i => i.RecipientAccountId == account && i.State == InvitationState.Open)
            .OrderByDescending(i => i.SentAt).Take(MostShown).ToListAsync(cancellationToken);
        return [.. open.Select(i => new InvitationNotice(i.CaseNumber, RatingTexts.StageName(i.Stage), InvitationTexts.Sms(i, links.UrlFor(i), i.RemindedAt is not null)))];
    }
}
