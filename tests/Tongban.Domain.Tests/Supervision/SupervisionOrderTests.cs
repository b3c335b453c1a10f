using Tongban.Domain.Primitives;
using Tongban.Domain.Supervision;
using static Tongban.Domain.Tests.Cases.CaseTestData;
using static Tongban.Domain.Tests.Evaluation.EvaluationTests;

namespace Tongban.Domain.Tests.Supervision;

/// <summary>
/// 督办: issue with an answer deadline in working days (issued Wednesday 9/30, over 国庆: 10/8 (1), 10/9 (2),
/// 10/10 调休 (3)), the department's one answer, 逾期未反馈, the supervisor's closure.
/// </summary>
public class SupervisionOrderTests
{
    private static readonly Guid Supervisor = Guid.NewGuid();
    private static readonly Guid Approver = Guid.NewGuid();
    private static readonly RegionCode Suining = RegionCode.FromTrusted("510900000000");

    private static Result<SupervisionOrder> Issue(string? message = "请三日内办结并反馈", int days = 3, string? caseNumber = "C1", SupervisionSubject subject = SupervisionSubject.Case) =>
        SupervisionOrder.Issue(subject, caseNumber, Guid.NewGuid(), Suining, message, days, Supervisor, At(9, 30, 16), Shipped, Zone);

    private static SupervisionOrder Issued(int days = 3) => Identifiers.IdentifierAssert.Succeeds(Issue(days: days));

    private static DateOnly LocalDay(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    [Theory]
    [InlineData(1, 8)]
    [InlineData(3, 10)]
    [InlineData(4, 12)]
    public void TheAnswerDeadline_CountsWorkingDays_OverTheHoliday(int days, int octoberDay) =>
        Assert.Equal(new DateOnly(2026, 10, octoberDay), LocalDay(Issued(days).AnswerDeadline));

    [Fact]
    public void AnOrder_NeedsAMessage_AReasonablePeriod_AndACaseWhenAboutACase()
    {
        Assert.Equal("supervision.message-needed", Issue(message: " ").Error!.Code);
        Assert.Equal("supervision.answer-period-out-of-range", Issue(days: 0).Error!.Code);
        Assert.Equal("supervision.answer-period-out-of-range", Issue(days: SupervisionOrder.MaxAnswerWorkingDays + 1).Error!.Code);
        Assert.Equal("supervision.case-needed", Issue(caseNumber: null).Error!.Code);
        Assert.True(Issue(caseNumber: null, subject: SupervisionSubject.OverdueList).IsSuccess);
    }

    [Fact]
    public void Unanswered_PastTheDeadline_IsOverdue_UntilAnswered()
    {
        var order = Issued();
        Assert.False(order.AnswerOverdue(At(10, 10, 16)));
        Assert.True(order.AnswerOverdue(At(10, 12, 9)));
        Assert.True(order.AnswerWith("已办结该件", Approver, At(10, 12, 10)).IsSuccess);
        Assert.False(order.AnswerOverdue(At(10, 13, 9)));
        Assert.Equal(SupervisionOrderState.Answered, order.State);
    }

    [Fact]
    public void TheDepartment_AnswersOnce_WithWhatItDid()
    {
        var order = Issued();
        Assert.Equal("supervision.answer-needed", order.AnswerWith("", Approver, At(10, 8, 9)).Error!.Code);
        Assert.Equal(SupervisionOrderState.Issued, order.State);
        Assert.True(order.AnswerWith("已电话联系申请人并办结", Approver, At(10, 8, 9)).IsSuccess);
        Assert.Equal("supervision.order-not-awaiting-answer", order.AnswerWith("再次反馈", Approver, At(10, 8, 10)).Error!.Code);
        Assert.Equal("已电话联系申请人并办结", order.Answer);
    }

    [Fact]
    public void TheSupervisor_Closes_AnsweredOrNot_Once()
    {
        var order = Issued();
        Assert.True(order.Close("部门已另行说明", Supervisor, At(10, 12, 9)).IsSuccess);
        Assert.Equal(SupervisionOrderState.Closed, order.State);
        Assert.Equal("部门已另行说明", order.ClosingNote);
        Assert.Equal("supervision.order-closed", order.Close(null, Supervisor, At(10, 12, 10)).Error!.Code);
        Assert.Equal("supervision.order-not-awaiting-answer", order.AnswerWith("迟到的反馈", Approver, At(10, 12, 11)).Error!.Code);
        Assert.False(order.AnswerOverdue(At(10, 20, 9)));
    }
}
