using Tongban.Domain.Evaluation;
using Tongban.Domain.Primitives;
using Tongban.Domain.Primitives.Calendar;
using static Tongban.Domain.Tests.Cases.CaseTestData;

namespace Tongban.Domain.Tests.Evaluation;

/// <summary>
/// 好差评: ratings, invitations with their reminder, in-time window and default, and appeals. Deadlines are
/// counted by hand over the shipped 2026 calendar: 中秋 9/25-9/27, 国庆 10/1-10/7, 10/10 a 调休 working Saturday.
/// From Tuesday 9/29 the working days are 9/30 (1), 10/8 (2), 10/9 (3), 10/10 (4), 10/12 (5) … 10/19 (10).
/// </summary>
public class EvaluationTests
{
    private static readonly WorkingCalendar Calendar = Shipped;
    internal static readonly CaseNumber Number = CaseNumber.FromTrusted("11510900MB1A00036T3000126001000" + "20260929" + "0001");
    internal static readonly RatingScope Scope = new(RegionCode.FromTrusted("510900000000"), Guid.NewGuid(), "11510900MB1A00036T3000126001000");
    internal static readonly Rater ZhangWei = new(Guid.NewGuid(), "张伟", "13800000001");
    private static readonly EvaluationPolicy Policy = new();

    internal static DateTimeOffset At(int month, int day, int hour = 9) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    internal static Rating Rate(int level, Rater? rater = null, string? comment = "窗口人员态度生硬", RatingStage stage = RatingStage.Completion) =>
        Identifiers.IdentifierAssert.Succeeds(Rating.Give(RatingSubject.Case(Number), stage, Scope, level, ["服务态度"], comment, RatingChannel.Web, rater ?? ZhangWei, At(9, 30)));

    private static DateOnly LocalDay(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void ALevelOutsideOneToFive_IsRefused(int level) =>
        Refused<Invalid, Rating>(Rating.Give(RatingSubject.Case(Number), RatingStage.Completion, Scope, level, [], null, RatingChannel.Web, ZhangWei, At(9, 30)), "evaluation.level-out-of-range");

    [Fact]
    public void ABadRating_NeedsAReason_AGoodOneDoesNot()
    {
        Refused<Invalid, Rating>(Rating.Give(RatingSubject.Case(Number), RatingStage.Completion, Scope, 2, [" "], "  ", RatingChannel.SmsLink, ZhangWei, At(9, 30)), "evaluation.bad-rating-needs-reason");
        var good = Rating.Give(RatingSubject.Case(Number), RatingStage.Completion, Scope, 5, [], null, RatingChannel.Kiosk, Rater.Anonymous, At(9, 30));
        Assert.True(good.IsSuccess);
        Assert.False(good.Value.IsBad);
        Assert.True(good.Value.IsGood);
    }

    [Fact]
    public void OneAndTwoAreBad_ThreeToFiveGood()
    {
        Assert.Equal([true, true, false, false, false], Enumerable.Range(1, 5).Select(l => Rate(l).IsBad).ToArray());
        Assert.Equal([false, false, true, true, true], Enumerable.Range(1, 5).Select(l => Rate(l).IsGood).ToArray());
    }

    [Fact]
    public void ACaseIsRatedPerStage_OtherSubjectsWithoutOne()
    {
        Refused<Invalid, Rating>(Rating.Give(RatingSubject.Case(Number), null, Scope, 4, [], null, RatingChannel.Web, ZhangWei, At(9, 30)), "evaluation.case-needs-stage");
        Refused<Invalid, Rating>(Rating.Give(new RatingSubject(RatingSubjectKind.Hall, Guid.NewGuid().ToString()), RatingStage.Acceptance, Scope, 4, [], null, RatingChannel.Kiosk, ZhangWei, At(9, 30)), "evaluation.stage-only-for-cases");
        Assert.True(Rating.Give(RatingSubject.Platform, null, Scope, 4, [], null, RatingChannel.Mobile, ZhangWei, At(9, 30)).IsSuccess);

        var accepted = Rate(5, stage: RatingStage.Acceptance);
        Ok(Rating.OncePerStage([accepted], RatingStage.Completion));
        Refused<Conflict>(Rating.OncePerStage([accepted], RatingStage.Acceptance), "evaluation.stage-already-rated");
    }

    [Fact]
    public void TagsAreTrimmedAndDeduplicated_AndBounded()
    {
        var rating = Identifiers.IdentifierAssert.Succeeds(Rating.Give(RatingSubject.Case(Number), RatingStage.Completion, Scope, 1, [" 等候时间长 ", "等候时间长", "材料要求多"], null, RatingChannel.Web, ZhangWei, At(9, 30)));
        Assert.Equal(["等候时间长", "材料要求多"], rating.Tags);
        Refused<Invalid, Rating>(Rating.Give(RatingSubject.Case(Number), RatingStage.Completion, Scope, 1, Enumerable.Range(0, 11).Select(i => $"标签{i}"), null, RatingChannel.Web, ZhangWei, At(9, 30)), "evaluation.tags-invalid");
        Refused<Invalid, Rating>(Rating.Give(RatingSubject.Case(Number), RatingStage.Completion, Scope, 4, [], new string('好', 501), RatingChannel.Web, ZhangWei, At(9, 30)), "evaluation.comment-too-long");
    }

    [Fact]
    public void AnInvitation_CountsItsDatesInWorkingDays_OverTheNationalDayHoliday()
    {
        var invitation = RatingInvitation.Send(Number, RatingStage.Completion, Scope, ZhangWei.AccountId!.Value, Policy, Calendar, Zone, At(9, 29, 10));

        Assert.Equal(new DateOnly(2026, 10, 8), LocalDay(invitation.RemindAt));   // 2 working days
        Assert.Equal(new DateOnly(2026, 10, 12), LocalDay(invitation.ActiveBy));  // 5 working days, 10/10 counted
        Assert.Equal(new DateOnly(2026, 10, 19), LocalDay(invitation.DefaultAt!.Value)); // 10 working days
    }

    [Fact]
    public void TheReminder_GoesOnceAfterItsDay()
    {
        var invitation = RatingInvitation.Send(Number, RatingStage.Completion, Scope, ZhangWei.AccountId!.Value, Policy, Calendar, Zone, At(9, 29, 10));

        Assert.False(invitation.ReminderDue(At(10, 8, 17)));
        Refused<Conflict>(invitation.Remind(At(10, 8, 17)), "evaluation.reminder-not-due");
        Assert.True(invitation.ReminderDue(At(10, 9)));
        Ok(invitation.Remind(At(10, 9)));
        Refused<Conflict>(invitation.Remind(At(10, 9, 10)), "evaluation.reminder-not-due");
    }

    [Fact]
    public void ARatingWithinFiveWorkingDays_IsInTime_ALaterOneActiveButLate()
    {
        var early = RatingInvitation.Send(Number, RatingStage.Completion, Scope, ZhangWei.AccountId!.Value, Policy, Calendar, Zone, At(9, 29, 10));
        Ok(early.Answered(RatedOn(At(10, 12, 17))));
        Assert.True(early.RatedInTime);

        var late = RatingInvitation.Send(Number, RatingStage.Completion, Scope, ZhangWei.AccountId!.Value, Policy, Calendar, Zone, At(9, 29, 10));
        var rating = RatedOn(At(10, 13));
        Ok(late.Answered(rating));
        Assert.False(late.RatedInTime);
        Assert.True(rating.CountsAsActive);
        Refused<Conflict>(late.Answered(rating), "evaluation.invitation-closed");
    }

    [Fact]
    public void TheDefault_AppliesOnlyAfterItsDay_AndNeverCountsAsActive()
    {
        var invitation = RatingInvitation.Send(Number, RatingStage.Completion, Scope, ZhangWei.AccountId!.Value, Policy, Calendar, Zone, At(9, 29, 10));
        Refused<Conflict, Rating>(invitation.ApplyDefault(At(10, 19, 17)), "evaluation.default-not-due");

        var defaulted = Identifiers.IdentifierAssert.Succeeds(invitation.ApplyDefault(At(10, 20)));

        Assert.Equal(InvitationState.Defaulted, invitation.State);
        Assert.True(defaulted.Defaulted);
        Assert.Equal(RatingLevel.FairlySatisfied, defaulted.Level);
        Assert.Null(defaulted.Channel);
        Assert.False(defaulted.CountsAsActive);
        Assert.False(invitation.RatedInTime);
        Refused<Conflict>(invitation.Answered(RatedOn(At(10, 20, 10))), "evaluation.invitation-closed");
    }

    [Fact]
    public void ADefaultedBadLevel_IsNotABadRating()
    {
        var strict = Policy with { DefaultLevel = RatingLevel.Dissatisfied };
        var invitation = RatingInvitation.Send(Number, RatingStage.Completion, Scope, ZhangWei.AccountId!.Value, strict, Calendar, Zone, At(9, 29, 10));
        var defaulted = Identifiers.IdentifierAssert.Succeeds(invitation.ApplyDefault(At(10, 20)));

        Assert.False(defaulted.IsBad);
        Refused<Conflict, Rectification>(Rectification.Open(defaulted, strict, Calendar, Zone, At(10, 20)), "evaluation.rectification-only-bad-ratings");
    }

    [Fact]
    public void WithoutAConfiguredDefault_AnUnratedCaseStaysUnrated()
    {
        var invitation = RatingInvitation.Send(Number, RatingStage.Completion, Scope, ZhangWei.AccountId!.Value, Policy with { DefaultLevel = null }, Calendar, Zone, At(9, 29, 10));

        Assert.Null(invitation.DefaultAt);
        Assert.False(invitation.DefaultDue(At(12, 31)));
        Refused<Conflict, Rating>(invitation.ApplyDefault(At(12, 31)), "evaluation.default-not-due");
    }

    [Fact]
    public void APolicy_KeepsTheReminderBeforeTheDefault()
    {
        Assert.Empty(Policy.Problems());
        Assert.NotEmpty((Policy with { DefaultAfterWorkingDays = 2 }).Problems());
        Assert.Empty((Policy with { DefaultAfterWorkingDays = 2, DefaultLevel = null }).Problems());
        Assert.NotEmpty((Policy with { RectificationWorkingDays = 0 }).Problems());
    }

    [Fact]
    public void AnAppeal_IsForABadRating_AndExcludesItOnlyOnceUpheld()
    {
        var department = Guid.NewGuid();
        var supervisor = Guid.NewGuid();
        Refused<Conflict>(Rate(4).AppealAgainst(AppealGround.Malicious, "恶意", department, At(10, 8)), "evaluation.appeal-only-bad-ratings");

        var bad = Rate(1);
        Refused<Invalid>(bad.AppealAgainst(AppealGround.Malicious, " ", department, At(10, 8)), "evaluation.appeal-needs-reason");
        Ok(bad.AppealAgainst(AppealGround.Malicious, "评价人在评价内容中辱骂工作人员，与办件服务无关", department, At(10, 8)));
        Refused<Conflict>(bad.AppealAgainst(AppealGround.Mistaken, "再次申诉", department, At(10, 8)), "evaluation.already-appealed");

        // Pending: the rating still counts.
        Assert.True(bad.CountsAsActive);
        Assert.False(bad.Excluded);
        Refused<Forbidden>(bad.ReviewAppeal(true, "成立", department, At(10, 9)), "evaluation.appellant-cannot-review");
        Refused<Invalid>(bad.ReviewAppeal(true, "", supervisor, At(10, 9)), "evaluation.review-needs-public-reason");

        Ok(bad.ReviewAppeal(true, "经核查，评价内容与办件服务无关，申诉成立", supervisor, At(10, 9)));
        Assert.True(bad.Excluded);
        Assert.False(bad.CountsAsActive);
        Assert.Equal("经核查，评价内容与办件服务无关，申诉成立", bad.Appeal!.PublicReason);
        Refused<Conflict>(bad.ReviewAppeal(false, "再审", supervisor, At(10, 9)), "evaluation.no-pending-appeal");
    }

    [Fact]
    public void ARejectedAppeal_LeavesTheRatingCounted()
    {
        var bad = Rate(2);
        Ok(bad.AppealAgainst(AppealGround.Mistaken, "评价人误选等级", Guid.NewGuid(), At(10, 8)));
        Ok(bad.ReviewAppeal(false, "回访确认评价人对办理时间不满意，申诉不成立", Guid.NewGuid(), At(10, 9)));

        Assert.False(bad.Excluded);
        Assert.True(bad.CountsAsActive);
        Assert.Equal(AppealState.Rejected, bad.Appeal!.State);
    }

    private static Rating RatedOn(DateTimeOffset at) =>
        Identifiers.IdentifierAssert.Succeeds(Rating.Give(RatingSubject.Case(Number), RatingStage.Completion, Scope, 4, [], null, RatingChannel.SmsLink, ZhangWei, at));
}
