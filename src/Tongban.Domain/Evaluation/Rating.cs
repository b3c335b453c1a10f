using Tongban.Domain.Primitives;

namespace Tongban.Domain.Evaluation;

/// <summary>The five levels of 好差评 (GB/T 39735); 1 and 2 are 差评.</summary>
public enum RatingLevel
{
    /// <summary>非常不满意.</summary>
    VeryDissatisfied = 1,

    /// <summary>不满意.</summary>
    Dissatisfied = 2,

    /// <summary>基本满意.</summary>
    FairlySatisfied = 3,

    /// <summary>满意.</summary>
    Satisfied = 4,

    /// <summary>非常满意.</summary>
    VerySatisfied = 5,
}

/// <summary>The stage of a case rated: each case is rated once at 受理 and once at 办结.</summary>
public enum RatingStage
{
    /// <summary>受理.</summary>
    Acceptance,

    /// <summary>办结.</summary>
    Completion,
}

/// <summary>What is rated: a case, or a hall, a window, a clerk or the platform itself.</summary>
public enum RatingSubjectKind
{
    Case,
    Hall,
    Window,
    Clerk,
    Platform,
}

/// <summary>Where the rating was given.</summary>
public enum RatingChannel
{
    /// <summary>The web pages.</summary>
    Web,

    /// <summary>The mobile API (天府通办-style apps).</summary>
    Mobile,

    /// <summary>A hall's self-service kiosk.</summary>
    Kiosk,

    /// <summary>The link sent by SMS with the invitation.</summary>
    SmsLink,

    /// <summary>The rating pad at the window (窗口评价器).</summary>
    WindowPad,
}

/// <summary>
/// The thing rated, by kind and reference (the case number, the hall's or window's id, the clerk's
/// account id, or "platform").
/// </summary>
public sealed record RatingSubject(RatingSubjectKind Kind, string Reference)
{
    public const string PlatformReference = "platform";

    public static RatingSubject Case(CaseNumber number) => new(RatingSubjectKind.Case, number.Value);

    public static RatingSubject Platform { get; } = new(RatingSubjectKind.Platform, PlatformReference);
}

/// <summary>
/// Who answers for the rated service and where it lies, fixed when the rating is given: the disclosure,
/// the indicators and the 差评 work order read it, never the case as it is later.
/// </summary>
/// <param name="ResponsibleDepartmentId">The department that rectifies a 差评 (the case's competent department; the hall's or clerk's department).</param>
/// <param name="ImplementationCode">The item rated, for a case.</param>
/// <param name="HallId">The hall the service was given in, when it was.</param>
/// <param name="ClerkId">The clerk who served, when one did.</param>
public sealed record RatingScope(RegionCode Region, Guid ResponsibleDepartmentId, string? ImplementationCode = null, Guid? HallId = null, Guid? ClerkId = null);

/// <summary>The person who rated. A real-name rater can be visited back (回访); an anonymous kiosk rating cannot.</summary>
public sealed record Rater(Guid? AccountId, string? Name, string? Phone)
{
    public bool RealName => AccountId is not null && !string.IsNullOrWhiteSpace(Name);

    public static Rater Anonymous { get; } = new(null, null, null);
}

/// <summary>申诉 grounds: a rating given maliciously, or by mistake (the wrong case, the wrong level).</summary>
public enum AppealGround
{
    Malicious,
    Mistaken,
}

public enum AppealState
{
    Pending,

    /// <summary>The appeal holds: the rating is excluded from every count, with the reason published.</summary>
    Upheld,

    /// <summary>The rating stands.</summary>
    Rejected,
}

/// <summary>A department's 申诉 against a 差评, and the review's outcome with its public reason.</summary>
public sealed record RatingAppeal(
    AppealGround Ground, string Reason, Guid AppellantId, DateTimeOffset FiledAt,
    AppealState State = AppealState.Pending, string? PublicReason = null, Guid? ReviewerId = null, DateTimeOffset? ReviewedAt = null);

/// <summary>
/// 好差评: one rating of a case stage, a hall, a window, a clerk or the platform: its level, reason tags and
/// text, channel and rater. A rating the invitation's default produced is <see cref="Defaulted"/>: it is
/// kept and shown as such but never counts as an active rating, and never opens a work order. A 差评 may
/// be appealed by the responsible department; only an upheld appeal (after review) excludes it.
/// </summary>
public sealed class Rating : IVersioned
{
    public const int MaxCommentLength = 500;
    public const int MaxTags = 10;
    public const int MaxTagLength = 30;
    public const int MaxAppealReasonLength = 500;

    private RatingAppeal? _appeal;

    private Rating()
    {
    }

    public Guid Id { get; private init; }
    public RatingSubject Subject { get; private init; } = RatingSubject.Platform;

    /// <summary>受理 or 办结 for a case; null for a hall, window, clerk or the platform.</summary>
    public RatingStage? Stage { get; private init; }
    public RatingScope Scope { get; private init; } = null!;
    public RatingLevel Level { get; private init; }
    public IReadOnlyList<string> Tags { get; private init; } = [];
    public string? Comment { get; private init; }

    /// <summary>Null for a defaulted rating: nobody gave it.</summary>
    public RatingChannel? Channel { get; private init; }
    public Rater Rater { get; private init; } = Rater.Anonymous;
    public DateTimeOffset RatedAt { get; private init; }
    public bool Defaulted { get; private init; }
    public RatingAppeal? Appeal
    {
        get => _appeal;
        private set
        {
            _appeal = value;
            AppealStatus = value?.State;
        }
    }

    /// <summary>The appeal's state on its own, so counts and lists can filter on it without reading the appeal.</summary>
    public AppealState? AppealStatus { get; private set; }
    public int Version { get; set; }

    /// <summary>差评: 不满意 or 非常不满意, actively given.</summary>
    public bool IsBad => !Defaulted && Level <= RatingLevel.Dissatisfied;

    /// <summary>好评 for the good-rating rate: 基本满意 and better (GB/T 39735 counts 差评 as levels 1-2 only).</summary>
    public bool IsGood => Level >= RatingLevel.FairlySatisfied;

    /// <summary>Removed from every count by an upheld appeal.</summary>
    public bool Excluded => Appeal is { State: AppealState.Upheld };

    /// <summary>主动评价: given by the rater (not defaulted) and not excluded.</summary>
    public bool CountsAsActive => !Defaulted && !Excluded;

    /// <summary>The rater gives a rating. A 差评 needs a reason (a tag or a comment) so it can be rectified.</summary>
    public static Result<Rating> Give(
        RatingSubject subject, RatingStage? stage, RatingScope scope, int level, IEnumerable<string>? tags, string? comment,
        RatingChannel channel, Rater rater, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(rater);
        if (!Enum.IsDefined((RatingLevel)level))
        {
            return EvaluationErrors.LevelOutOfRange(level);
        }

        if ((subject.Kind == RatingSubjectKind.Case) != stage.HasValue)
        {
            return subject.Kind == RatingSubjectKind.Case ? EvaluationErrors.CaseNeedsAStage() : EvaluationErrors.OnlyCasesHaveStages();
        }

        var cleanTags = (tags ?? []).Select(t => t?.Trim() ?? "").Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (cleanTags.Count > MaxTags || cleanTags.Any(t => t.Length > MaxTagLength))
        {
            return EvaluationErrors.TooManyTags(MaxTags, MaxTagLength);
        }

        var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (text?.Length > MaxCommentLength)
        {
            return EvaluationErrors.CommentTooLong(MaxCommentLength);
        }

        if ((RatingLevel)level <= RatingLevel.Dissatisfied && cleanTags.Count == 0 && text is null)
        {
            return EvaluationErrors.BadRatingNeedsAReason();
        }

        return new Rating
        {
            Id = Guid.NewGuid(),
            Subject = subject,
            Stage = stage,
            Scope = scope,
            Level = (RatingLevel)level,
            Tags = cleanTags,
            Comment = text,
            Channel = channel,
            Rater = rater,
            RatedAt = now,
        };
    }

    /// <summary>The configured default for a case stage nobody rated in time, marked as defaulted.</summary>
    internal static Rating DefaultFor(RatingSubject subject, RatingStage stage, RatingScope scope, RatingLevel level, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        Subject = subject,
        Stage = stage,
        Scope = scope,
        Level = level,
        RatedAt = now,
        Defaulted = true,
        // Its own value, not the shared Rater.Anonymous: an owned value can belong to one rating only when several defaults are saved together.
        Rater = new Rater(null, null, null),
    };

    /// <summary>A case stage is rated once: refused when the ratings already given include that stage.</summary>
    public static Result OncePerStage(IEnumerable<Rating> ratingsOfTheCase, RatingStage stage) =>
        ratingsOfTheCase.Any(r => r.Stage == stage) ? EvaluationErrors.StageAlreadyRated(stage) : Result.Success;

    /// <summary>申诉: the responsible department appeals a 差评 once, with its ground and reason; the rating counts until reviewed.</summary>
    public Result AppealAgainst(AppealGround ground, string? reason, Guid appellant, DateTimeOffset now)
    {
        if (!IsBad)
        {
            return EvaluationErrors.OnlyBadRatingsAreAppealed();
        }

        if (Appeal is not null)
        {
            return EvaluationErrors.AlreadyAppealed();
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > MaxAppealReasonLength)
        {
            return EvaluationErrors.AppealNeedsAReason(MaxAppealReasonLength);
        }

        Appeal = new RatingAppeal(ground, reason.Trim(), appellant, now);
        return Result.Success;
    }

    /// <summary>The review of a pending appeal: upheld (the rating is excluded) or rejected, with a reason that is published either way.</summary>
    public Result ReviewAppeal(bool upheld, string? publicReason, Guid reviewer, DateTimeOffset now)
    {
        if (Appeal is not { State: AppealState.Pending } pending)
        {
            return EvaluationErrors.NoPendingAppeal();
        }

        if (pending.AppellantId == reviewer)
        {
            return EvaluationErrors.AppellantCannotReview();
        }

        if (string.IsNullOrWhiteSpace(publicReason) || publicReason.Trim().Length > MaxAppealReasonLength)
        {
            return EvaluationErrors.ReviewNeedsAPublicReason(MaxAppealReasonLength);
        }

        Appeal = pending with
        {
            State = upheld ? AppealState.Upheld : AppealState.Rejected,
            PublicReason = publicReason.Trim(),
            ReviewerId = reviewer,
            ReviewedAt = now,
        };
        return Result.Success;
    }
}
