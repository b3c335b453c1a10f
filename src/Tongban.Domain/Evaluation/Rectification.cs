using Tongban.Domain.Primitives;
using Tongban.Domain.Primitives.Calendar;

namespace Tongban.Domain.Evaluation;

public enum RectificationState
{
    /// <summary>Opened by the 差评; the department visits the rater back (real-name) and rectifies.</summary>
    Open,

    /// <summary>回访 done: the department knows what went wrong.</summary>
    Visited,

    /// <summary>The department recorded its rectification; the rater confirms (real-name) or the supervisor checks.</summary>
    Rectified,

    /// <summary>The rater confirmed the rectification; the supervisor checks the closure.</summary>
    Confirmed,

    /// <summary>The supervisor closed the work order.</summary>
    Closed,

    /// <summary>The rating was excluded by an upheld appeal; nothing is owed.</summary>
    Withdrawn,
}

/// <summary>One thing that happened to the work order, for its history.</summary>
public sealed record RectificationEvent(DateTimeOffset At, Guid? By, RectificationState State, string Note);

/// <summary>
/// 差评整改: the work order a 差评 opens for the responsible department. A real-name rater is visited back
/// (回访, 100% for real-name 差评) before the rectification, and confirms it afterwards; an anonymous
/// rating goes straight from rectification to the supervisor. The supervisor closes the order after
/// checking, or sends it back to be rectified again. The deadline counts working days from opening;
/// past it, an order not yet rectified is overdue.
/// </summary>
public sealed class Rectification : IVersioned
{
    public const int MaxNoteLength = 1000;

    private readonly List<RectificationEvent> _history = [];

    private Rectification()
    {
    }

    public Guid Id { get; private init; }
    public Guid RatingId { get; private init; }
    public Guid DepartmentId { get; private init; }
    public RegionCode Region { get; private init; }

    /// <summary>The rater can be visited back and confirm: the rating was real-name.</summary>
    public bool RealName { get; private init; }
    public DateTimeOffset OpenedAt { get; private init; }
    public DateTimeOffset Deadline { get; private init; }
    public RectificationState State { get; private set; }
    public DateTimeOffset? RectifiedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public IReadOnlyList<RectificationEvent> History => _history;
    public int Version { get; set; }

    /// <summary>Rectified after the deadline (or still not rectified past it).</summary>
    public bool Late(DateTimeOffset now) => (RectifiedAt ?? now) > Deadline && State != RectificationState.Withdrawn;

    /// <summary>Overdue now: not yet rectified and the deadline has passed.</summary>
    public bool Overdue(DateTimeOffset now) => State is RectificationState.Open or RectificationState.Visited && now > Deadline;

    /// <summary>Opens the work order for a 差评; anything else opens none.</summary>
    public static Result<Rectification> Open(Rating rating, EvaluationPolicy policy, WorkingCalendar calendar, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rating);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(calendar);
        if (!rating.IsBad || rating.Excluded)
        {
            return EvaluationErrors.OnlyBadRatingsAreRectified();
        }

        var order = new Rectification
        {
            Id = Guid.NewGuid(),
            RatingId = rating.Id,
            DepartmentId = rating.Scope.ResponsibleDepartmentId,
            Region = rating.Scope.Region,
            RealName = rating.Rater.RealName,
            OpenedAt = now,
            Deadline = calendar.DeadlineFor(now, policy.RectificationWorkingDays, TimeLimitUnit.WorkingDays, zone),
            State = RectificationState.Open,
        };
        order._history.Add(new RectificationEvent(now, null, RectificationState.Open, ""));
        return order;
    }

    /// <summary>回访: the department reached the rater and notes what it learnt.</summary>
    public Result ReturnVisit(string? note, Guid by, DateTimeOffset now)
    {
        if (!RealName)
        {
            return EvaluationErrors.AnonymousRatingHasNoVisit();
        }

        if (State != RectificationState.Open)
        {
            return EvaluationErrors.NotInState(State, RectificationState.Open);
        }

        return Move(RectificationState.Visited, note, by, now);
    }

    /// <summary>The department records what it changed. A real-name rater must have been visited first.</summary>
    public Result Rectify(string? measures, Guid by, DateTimeOffset now)
    {
        var expected = RealName ? RectificationState.Visited : RectificationState.Open;
        if (State != expected)
        {
            return RealName && State == RectificationState.Open ? EvaluationErrors.VisitFirst() : EvaluationErrors.NotInState(State, expected);
        }

        var moved = Move(RectificationState.Rectified, measures, by, now);
        if (moved.IsSuccess)
        {
            RectifiedAt = now;
        }

        return moved;
    }

    /// <summary>
    /// The rater's answer to the rectification: satisfied, it goes to the supervisor; not satisfied, the
    /// department rectifies again (the visit stands).
    /// </summary>
    public Result RaterConfirms(bool satisfied, string? comment, DateTimeOffset now)
    {
        if (!RealName)
        {
            return EvaluationErrors.AnonymousRatingHasNoVisit();
        }

        if (State != RectificationState.Rectified)
        {
            return EvaluationErrors.NotInState(State, RectificationState.Rectified);
        }

        var text = comment?.Trim() ?? "";
        if (text.Length > MaxNoteLength)
        {
            return EvaluationErrors.NoteNeeded(MaxNoteLength);
        }

        if (!satisfied)
        {
            RectifiedAt = null;
        }

        State = satisfied ? RectificationState.Confirmed : RectificationState.Visited;
        _history.Add(new RectificationEvent(now, null, State, satisfied ? $"评价人确认整改：{text}".TrimEnd('：') : $"评价人不认可整改：{text}".TrimEnd('：')));
        return Result.Success;
    }

    /// <summary>
    /// The supervisor checks: closes the order (after the rater's confirmation, or for an anonymous rating
    /// after the rectification), or sends it back to be rectified again with a note.
    /// </summary>
    public Result SupervisorChecks(bool close, string? note, Guid supervisor, DateTimeOffset now)
    {
        var ready = RealName ? RectificationState.Confirmed : RectificationState.Rectified;
        if (State != ready)
        {
            return EvaluationErrors.NotInState(State, ready);
        }

        if (!close && string.IsNullOrWhiteSpace(note))
        {
            return EvaluationErrors.NoteNeeded(MaxNoteLength);
        }

        if (!close)
        {
            RectifiedAt = null;
            return Move(RealName ? RectificationState.Visited : RectificationState.Open, note, supervisor, now);
        }

        var moved = Move(RectificationState.Closed, note, supervisor, now, noteRequired: false);
        if (moved.IsSuccess)
        {
            ClosedAt = now;
        }

        return moved;
    }

    /// <summary>The rating was excluded by an upheld appeal: the order ends, owing nothing.</summary>
    public Result Withdraw(Rating rating, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rating);
        if (rating.Id != RatingId || !rating.Excluded)
        {
            return EvaluationErrors.WithdrawnOnlyForAnExcludedRating();
        }

        if (State is RectificationState.Closed or RectificationState.Withdrawn)
        {
            return EvaluationErrors.NotInState(State, RectificationState.Open);
        }

        State = RectificationState.Withdrawn;
        ClosedAt = now;
        _history.Add(new RectificationEvent(now, rating.Appeal!.ReviewerId, State, rating.Appeal.PublicReason ?? ""));
        return Result.Success;
    }

    private Result Move(RectificationState to, string? note, Guid by, DateTimeOffset now, bool noteRequired = true)
    {
        var text = note?.Trim() ?? "";
        if ((noteRequired && text.Length == 0) || text.Length > MaxNoteLength)
        {
            return EvaluationErrors.NoteNeeded(MaxNoteLength);
        }

        State = to;
        _history.Add(new RectificationEvent(now, by, to, text));
        return Result.Success;
    }
}
