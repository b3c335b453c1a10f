using Tongban.Domain.Primitives;

namespace Tongban.Domain.Evaluation;

/// <summary>The named rules of 好差评 and 差评整改, each with its Chinese message in Messages.resx.</summary>
public static class EvaluationErrors
{
    public static Invalid LevelOutOfRange(int level) => new("evaluation.level-out-of-range", level) { Field = "level" };

    public static Invalid CaseNeedsAStage() => new("evaluation.case-needs-stage") { Field = "stage" };

    public static Invalid OnlyCasesHaveStages() => new("evaluation.stage-only-for-cases") { Field = "stage" };

    public static Invalid TooManyTags(int most, int longest) => new("evaluation.tags-invalid", most, longest) { Field = "tags" };

    public static Invalid CommentTooLong(int longest) => new("evaluation.comment-too-long", longest) { Field = "comment" };

    public static Invalid BadRatingNeedsAReason() => new("evaluation.bad-rating-needs-reason") { Field = "tags" };

    public static Conflict StageAlreadyRated(RatingStage stage) => new("evaluation.stage-already-rated", stage == RatingStage.Acceptance ? "受理" : "办结");

    public static Conflict InvitationClosed() => new("evaluation.invitation-closed");

    public static Conflict StageNotReached(RatingStage stage) => new("evaluation.stage-not-reached", stage == RatingStage.Acceptance ? "受理" : "办结");

    public static Invalid StageUnknown(string stage) => new("evaluation.stage-unknown", stage) { Field = "stage" };

    public static Invalid ChannelUnknown(string channel) => new("evaluation.channel-unknown", channel) { Field = "channel" };

    public static Invalid SubjectUnknown(string kind) => new("evaluation.subject-unknown", kind) { Field = "subject" };

    public static NotFound SubjectNotFound(string reference) => new("evaluation.subject-not-found", reference);

    public static NotFound LinkInvalid() => new("evaluation.link-invalid");

    public static Conflict LinkExpired() => new("evaluation.link-expired");

    public static Conflict ReminderNotDue() => new("evaluation.reminder-not-due");

    public static Conflict DefaultNotDue() => new("evaluation.default-not-due");

    public static Conflict OnlyBadRatingsAreAppealed() => new("evaluation.appeal-only-bad-ratings");

    public static Conflict AlreadyAppealed() => new("evaluation.already-appealed");

    public static Invalid AppealNeedsAReason(int longest) => new("evaluation.appeal-needs-reason", longest) { Field = "reason" };

    public static Conflict NoPendingAppeal() => new("evaluation.no-pending-appeal");

    public static Forbidden AppellantCannotReview() => new("evaluation.appellant-cannot-review");

    public static Invalid ReviewNeedsAPublicReason(int longest) => new("evaluation.review-needs-public-reason", longest) { Field = "publicReason" };

    public static Conflict OnlyBadRatingsAreRectified() => new("evaluation.rectification-only-bad-ratings");

    public static Conflict AnonymousRatingHasNoVisit() => new("evaluation.anonymous-no-visit");

    public static Conflict VisitFirst() => new("evaluation.visit-first");

    public static Conflict NotInState(RectificationState state, RectificationState expected) =>
        new("evaluation.rectification-state", StateName(state), StateName(expected));

    public static Invalid NoteNeeded(int longest) => new("evaluation.note-needed", longest) { Field = "note" };

    public static Conflict WithdrawnOnlyForAnExcludedRating() => new("evaluation.withdraw-only-excluded");

    /// <summary>The Chinese name of a work order state, for messages and pages.</summary>
    public static string StateName(RectificationState state) => state switch
    {
        RectificationState.Open => "待回访整改",
        RectificationState.Visited => "已回访待整改",
        RectificationState.Rectified => "已整改待确认",
        RectificationState.Confirmed => "评价人已确认待核查",
        RectificationState.Closed => "已办结",
        RectificationState.Withdrawn => "申诉成立已撤销",
        _ => state.ToString(),
    };
}
