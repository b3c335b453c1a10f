using Tongban.Domain.Primitives;
using Tongban.Domain.Primitives.Calendar;

namespace Tongban.Domain.Evaluation;

public enum InvitationState
{
    /// <summary>Sent, not yet rated.</summary>
    Open,

    /// <summary>The applicant rated.</summary>
    Rated,

    /// <summary>Nobody rated in time; the configured default was applied.</summary>
    Defaulted,
}

/// <summary>
/// The invitation to rate a case stage, sent to the applicant on completion (by SMS with a link, and on
/// their pages): when to remind, by when a rating counts as in time, when the default applies. Its
/// deadlines are fixed at sending from the working calendar and the policy of that day.
/// </summary>
public sealed class RatingInvitation : IVersioned
{
    private RatingInvitation()
    {
    }

    public Guid Id { get; private init; }
    public string CaseNumber { get; private init; } = "";
    public RatingStage Stage { get; private init; }
    public RatingScope Scope { get; private init; } = null!;

    /// <summary>The applicant's account the invitation is for.</summary>
    public Guid RecipientAccountId { get; private init; }
    public DateTimeOffset SentAt { get; private init; }
    public DateTimeOffset RemindAt { get; private init; }
    public DateTimeOffset? RemindedAt { get; private set; }

    /// <summary>The end of the working-day window in which a rating counts as given in time.</summary>
    public DateTimeOffset ActiveBy { get; private init; }

    /// <summary>When the default applies; null when the city configured none.</summary>
    public DateTimeOffset? DefaultAt { get; private init; }
    public RatingLevel? DefaultLevel { get; private init; }
    public InvitationState State { get; private set; }
    public Guid? RatingId { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public int Version { get; set; }

    /// <summary>Rated within <see cref="EvaluationPolicy.ActiveRatingWorkingDays"/> of sending.</summary>
    public bool RatedInTime => State == InvitationState.Rated && ClosedAt <= ActiveBy;

    public static RatingInvitation Send(CaseNumber caseNumber, RatingStage stage, RatingScope scope, Guid recipient, EvaluationPolicy policy, WorkingCalendar calendar, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(calendar);
        return new RatingInvitation
        {
            Id = Guid.NewGuid(),
            CaseNumber = caseNumber.Value,
            Stage = stage,
            Scope = scope,
            RecipientAccountId = recipient,
            SentAt = now,
            RemindAt = calendar.DeadlineFor(now, policy.ReminderAfterWorkingDays, TimeLimitUnit.WorkingDays, zone),
            ActiveBy = calendar.DeadlineFor(now, policy.ActiveRatingWorkingDays, TimeLimitUnit.WorkingDays, zone),
            DefaultAt = policy.DefaultLevel is null ? null : calendar.DeadlineFor(now, policy.DefaultAfterWorkingDays, TimeLimitUnit.WorkingDays, zone),
            DefaultLevel = policy.DefaultLevel,
            State = InvitationState.Open,
        };
    }

    /// <summary>The reminder is due: still open, not reminded, its day has passed.</summary>
    public bool ReminderDue(DateTimeOffset now) => State == InvitationState.Open && RemindedAt is null && now > RemindAt;

    /// <summary>The default is due: still open, a default is configured and its day has passed.</summary>
    public bool DefaultDue(DateTimeOffset now) => State == InvitationState.Open && DefaultAt is { } at && now > at;

    public Result Remind(DateTimeOffset now)
    {
        if (!ReminderDue(now))
        {
            return EvaluationErrors.ReminderNotDue();
        }

        RemindedAt = now;
        return Result.Success;
    }

    /// <summary>The applicant rated the stage the invitation is for.</summary>
    public Result Answered(Rating rating)
    {
        ArgumentNullException.ThrowIfNull(rating);
        if (State != InvitationState.Open)
        {
            return EvaluationErrors.InvitationClosed();
        }

        if (rating.Subject != new RatingSubject(RatingSubjectKind.Case, CaseNumber) || rating.Stage != Stage)
        {
            throw new ArgumentException("The rating is not of this invitation's case stage.", nameof(rating));
        }

        State = InvitationState.Rated;
        RatingId = rating.Id;
        ClosedAt = rating.RatedAt;
        return Result.Success;
    }

    /// <summary>Unrated past the default date: the configured level, marked as defaulted.</summary>
    public Result<Rating> ApplyDefault(DateTimeOffset now)
    {
        if (!DefaultDue(now))
        {
            return EvaluationErrors.DefaultNotDue();
        }

        // A copy of the scope: the rating owns its own value, as the invitation does.
        var rating = Rating.DefaultFor(new RatingSubject(RatingSubjectKind.Case, CaseNumber), Stage, Scope with { }, DefaultLevel!.Value, now);
        State = InvitationState.Defaulted;
        RatingId = rating.Id;
        ClosedAt = now;
        return rating;
    }
}
