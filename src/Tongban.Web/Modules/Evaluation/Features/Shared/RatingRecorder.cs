using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Evaluation;
using Tongban.Domain.Primitives;
using Tongban.Modules.Evaluation.Persistence;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Evaluation.Features.Shared;

/// <summary>A rating as its rater and the applicant's pages see it (the rater's name and phone are not shown).</summary>
public sealed record RatingView(
    Guid Id, string SubjectKind, string SubjectRef, string? Stage, string? StageName, int Level, string LevelName,
    IReadOnlyList<string> Tags, string? Comment, string? Channel, DateTimeOffset RatedAt, bool Defaulted)
{
    public static RatingView Of(Rating r) => new(
        r.Id, RatingTexts.ApiName(r.Subject.Kind), r.Subject.Reference, r.Stage is { } s ? RatingTexts.ApiName(s) : null,
        r.Stage is { } stage ? RatingTexts.StageName(stage) : null, (int)r.Level, r.Defaulted ? $"{RatingTexts.LevelName(r.Level)}（默认评价）" : RatingTexts.LevelName(r.Level),
        r.Tags, r.Comment, r.Channel is { } c ? RatingTexts.ApiName(c) : null, r.RatedAt, r.Defaulted);
}

/// <summary>
/// The one way a rating is stored, given or defaulted: every <see cref="IOnRatingRecorded"/> joins the unit
/// of work first (a 差评 opens its work order), the rating and the invitation it answers are audited, and all
/// is saved together. A case stage is rated once: when another request stored that stage first (the unique
/// index) or closed the invitation meanwhile, the answer is the same 409 and nothing is stored.
/// </summary>
public sealed class RatingRecorder(EvaluationStore store, TongbanDbContext db, AuditTrail audit, IEnumerable<IOnRatingRecorded> onRecorded)
{
    public async Task<Result<Rating>> RecordAsync(Rating rating, RatingInvitation? invitation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rating);
        store.Add(rating);
        foreach (var step in onRecorded)
        {
            await step.RunAsync(rating, cancellationToken);
        }

        audit.Record(rating.Defaulted ? "evaluation.rating-defaulted" : "evaluation.rate", nameof(Rating), rating.Id.ToString(), after: new
        {
            subject = rating.Subject.Kind.ToString(),
            reference = rating.Subject.Reference,
            stage = rating.Stage?.ToString(),
            level = (int)rating.Level,
            channel = rating.Channel?.ToString(),
            realName = rating.Rater.RealName,
        });
        if (invitation is not null)
        {
            audit.Record("evaluation.invitation-closed", nameof(RatingInvitation), invitation.Id.ToString(),
                before: new { state = InvitationState.Open.ToString() }, after: new { state = invitation.State.ToString(), ratingId = rating.Id });
        }

        try
        {
            await store.SaveChangesAsync(cancellationToken);
            return rating;
        }
        catch (Exception e) when (e is DbUpdateConcurrencyException || TongbanDbContext.IsUniqueViolation(e))
        {
            audit.TakePending();
            db.ChangeTracker.Clear();
            return rating.Stage is { } stage ? EvaluationErrors.StageAlreadyRated(stage) : EvaluationErrors.InvitationClosed();
        }
    }
}
