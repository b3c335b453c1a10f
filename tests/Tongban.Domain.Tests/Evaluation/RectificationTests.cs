using Tongban.Domain.Evaluation;
using Tongban.Domain.Primitives;
using static Tongban.Domain.Tests.Cases.CaseTestData;
using static Tongban.Domain.Tests.Evaluation.EvaluationTests;

namespace Tongban.Domain.Tests.Evaluation;

/// <summary>
/// 差评整改: visit back, rectify, the rater's confirmation, the supervisor's closure; the deadline in working
/// days over 国庆 (opened Wednesday 9/30: 10/8 (1), 10/9 (2), 10/10 调休 (3), 10/12 (4), 10/13 (5),
/// 10/14 (6), 10/15 (7) … 10/27 (15)).
/// </summary>
public class RectificationTests
{
    private static readonly Guid Clerk = Guid.NewGuid();
    private static readonly Guid Supervisor = Guid.NewGuid();

    private static Rectification Opened(Rating rating, int days = 5) =>
        Identifiers.IdentifierAssert.Succeeds(Rectification.Open(rating, new EvaluationPolicy { RectificationWorkingDays = days }, Shipped, Zone, At(9, 30, 16)));

    private static DateOnly LocalDay(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    [Theory]
    [InlineData(5, 13)]
    [InlineData(7, 15)]
    [InlineData(15, 27)]
    public void TheDeadline_CountsWorkingDays_OverTheHoliday(int days, int octoberDay) =>
        Assert.Equal(new DateOnly(2026, 10, octoberDay), LocalDay(Opened(Rate(1), days).Deadline));

    [Fact]
    public void OnlyABadRating_OpensAWorkOrder_ForItsResponsibleDepartment()
    {
        Refused<Conflict, Rectification>(Rectification.Open(Rate(3), new EvaluationPolicy(), Shipped, Zone, At(9, 30)), "evaluation.rectification-only-bad-ratings");
        var order = Opened(Rate(2));
        Assert.Equal(Scope.ResponsibleDepartmentId, order.DepartmentId);
        Assert.Equal(RectificationState.Open, order.State);
        Assert.True(order.RealName);
    }

    [Fact]
    public void ARealNameBadRating_IsVisitedRectifiedConfirmedAndClosed()
    {
        var order = Opened(Rate(1));

        Refused<Conflict>(order.Rectify("已加强窗口人员服务规范培训", Clerk, At(10, 8)), "evaluation.visit-first");
        Refused<Invalid>(order.ReturnVisit(" ", Clerk, At(10, 8)), "evaluation.note-needed");
        Ok(order.ReturnVisit("电话回访张伟：反映窗口人员解释不耐心", Clerk, At(10, 8)));
        Ok(order.Rectify("对当班人员约谈提醒，全窗口开展服务规范培训", Clerk, At(10, 9)));
        Refused<Conflict>(order.SupervisorChecks(true, null, Supervisor, At(10, 9)), "evaluation.rectification-state");

        // Not satisfied: rectified again.
        Ok(order.RaterConfirms(false, "希望增加导办人员", At(10, 10)));
        Assert.Equal(RectificationState.Visited, order.State);
        Ok(order.Rectify("高峰时段增派一名导办人员", Clerk, At(10, 12)));
        Ok(order.RaterConfirms(true, null, At(10, 12, 15)));

        // The supervisor sends it back once with a note, then closes after it is done again.
        Refused<Invalid>(order.SupervisorChecks(false, "", Supervisor, At(10, 13)), "evaluation.note-needed");
        Ok(order.SupervisorChecks(false, "整改措施未落实到排班表", Supervisor, At(10, 13)));
        Assert.Equal(RectificationState.Visited, order.State);
        Ok(order.Rectify("导办岗位写入排班表", Clerk, At(10, 13, 15)));
        Ok(order.RaterConfirms(true, "满意", At(10, 13, 16)));
        Ok(order.SupervisorChecks(true, null, Supervisor, At(10, 14)));

        Assert.Equal(RectificationState.Closed, order.State);
        Assert.False(order.Late(At(10, 14)));
        Assert.Equal(
            [RectificationState.Open, RectificationState.Visited, RectificationState.Rectified, RectificationState.Visited, RectificationState.Rectified, RectificationState.Confirmed,
             RectificationState.Visited, RectificationState.Rectified, RectificationState.Confirmed, RectificationState.Closed],
            order.History.Select(e => e.State).ToArray());
    }

    [Fact]
    public void AnAnonymousBadRating_IsRectifiedWithoutAVisit_AndCheckedByTheSupervisor()
    {
        var order = Opened(Rate(1, Rater.Anonymous));

        Refused<Conflict>(order.ReturnVisit("无法联系", Clerk, At(10, 8)), "evaluation.anonymous-no-visit");
        Ok(order.Rectify("自助终端增加操作指引", Clerk, At(10, 8)));
        Refused<Conflict>(order.RaterConfirms(true, null, At(10, 8)), "evaluation.anonymous-no-visit");
        Ok(order.SupervisorChecks(true, "核查属实", Supervisor, At(10, 9)));
        Assert.Equal(RectificationState.Closed, order.State);
    }

    [Fact]
    public void AnOrderNotRectifiedByItsDeadline_IsOverdue()
    {
        var order = Opened(Rate(2));

        Assert.False(order.Overdue(At(10, 13, 17)));
        Assert.True(order.Overdue(At(10, 14)));
        Ok(order.ReturnVisit("回访", Clerk, At(10, 14)));
        Ok(order.Rectify("整改", Clerk, At(10, 14, 10)));
        Assert.False(order.Overdue(At(10, 15)));
        Assert.True(order.Late(At(10, 15)));
    }

    [Fact]
    public void AnUpheldAppeal_WithdrawsTheOrder_ARejectedOneDoesNot()
    {
        var rating = Rate(1);
        var order = Opened(rating);
        Refused<Conflict>(order.Withdraw(rating, At(10, 8)), "evaluation.withdraw-only-excluded");

        Ok(rating.AppealAgainst(AppealGround.Malicious, "与服务无关的辱骂", Clerk, At(10, 8)));
        Ok(rating.ReviewAppeal(true, "申诉成立：评价内容与办件无关", Supervisor, At(10, 9)));
        Ok(order.Withdraw(rating, At(10, 9)));

        Assert.Equal(RectificationState.Withdrawn, order.State);
        Assert.False(order.Late(At(12, 1)));
        Refused<Conflict, Rectification>(Rectification.Open(rating, new EvaluationPolicy(), Shipped, Zone, At(10, 9)), "evaluation.rectification-only-bad-ratings");
    }
}
