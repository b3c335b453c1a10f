using Tongban.Domain.Primitives;
using Tongban.Domain.Primitives.Calendar;

namespace Tongban.Domain.Supervision;

public enum SupervisionOrderState
{
    /// <summary>Issued: the responsible department owes an answer by <see cref="SupervisionOrder.AnswerDeadline"/>.</summary>
    Issued,

    /// <summary>The department answered with what it did; the supervisor checks and closes.</summary>
    Answered,

    /// <summary>The supervisor closed the order.</summary>
    Closed,
}

/// <summary>What a 督办 is about: one case, or a department's whole overdue list.</summary>
public enum SupervisionSubject
{
    Case,
    OverdueList,
}

/// <summary>
/// 督办: a supervisor orders the responsible department to act on a late case (or on its overdue list)
/// and to answer within a number of working days. The department answers once with what it did; the
/// supervisor closes the order, answered or not. An order still unanswered after its deadline is
/// 逾期未反馈.
/// </summary>
public sealed class SupervisionOrder : IVersioned
{
    public const int MaxTextLength = 1000;
    public const int MaxAnswerWorkingDays = 30;

    private SupervisionOrder()
    {
    }

    public Guid Id { get; private init; }
    public SupervisionSubject Subject { get; private init; }

    /// <summary>The case ordered on (its 办件编号); null for an overdue-list order.</summary>
    public string? CaseNumber { get; private init; }
    public Guid DepartmentId { get; private init; }
    public RegionCode Region { get; private init; }
    public string Message { get; private init; } = "";
    public Guid IssuedBy { get; private init; }
    public DateTimeOffset IssuedAt { get; private init; }
    public DateTimeOffset AnswerDeadline { get; private init; }
    public SupervisionOrderState State { get; private set; }
    public string? Answer { get; private set; }
    public Guid? AnsweredBy { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public Guid? ClosedBy { get; private set; }

    /// <summary>The supervisor's note on closing (why an unanswered order is closed, what is still expected).</summary>
    public string? ClosingNote { get; private set; }
    public int Version { get; set; }

    /// <summary>逾期未反馈: issued, not answered, past the answer deadline.</summary>
    public bool AnswerOverdue(DateTimeOffset now) => State == SupervisionOrderState.Issued && now > AnswerDeadline;

    /// <summary>Issues an order; the answer is due at the end of the <paramref name="answerWorkingDays"/>-th working day after today.</summary>
    public static Result<SupervisionOrder> Issue(
        SupervisionSubject subject, string? caseNumber, Guid departmentId, RegionCode region, string? message, int answerWorkingDays,
        Guid issuedBy, DateTimeOffset now, WorkingCalendar calendar, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (TextMustBeGiven(message, SupervisionErrors.MessageNeeded()) is { } noMessage)
        {
            return noMessage;
        }

        if (AnswerPeriodMustBeReasonable(answerWorkingDays) is { } badPeriod)
        {
            return badPeriod;
        }

        if (CaseOrderNamesItsCase(subject, caseNumber) is { } noCase)
        {
            return noCase;
        }

        var order = new SupervisionOrder
        {
            Id = Guid.NewGuid(),
            Subject = subject,
            CaseNumber = subject == SupervisionSubject.Case ? caseNumber!.Trim() : null,
            DepartmentId = departmentId,
            Region = region,
            Message = message!.Trim(),
            IssuedBy = issuedBy,
            IssuedAt = now,
            AnswerDeadline = calendar.DeadlineFor(now, answerWorkingDays, TimeLimitUnit.WorkingDays, zone),
            State = SupervisionOrderState.Issued,
        };
        return order;
    }

    /// <summary>The department's answer: what it did. Once; a late answer is accepted and stays late.</summary>
    public Result AnswerWith(string? answer, Guid by, DateTimeOffset now)
    {
        if (State != SupervisionOrderState.Issued)
        {
            return SupervisionErrors.AlreadyAnswered(State);
        }

        if (TextMustBeGiven(answer, SupervisionErrors.AnswerNeeded()) is { } noAnswer)
        {
            return noAnswer;
        }

        State = SupervisionOrderState.Answered;
        Answer = answer!.Trim();
        AnsweredBy = by;
        AnsweredAt = now;
        return Result.Success;
    }

    /// <summary>The supervisor closes the order, with an optional note (e.g. why an unanswered order is closed).</summary>
    public Result Close(string? note, Guid by, DateTimeOffset now)
    {
        if (State == SupervisionOrderState.Closed)
        {
            return SupervisionErrors.AlreadyClosed();
        }

        var text = note?.Trim() ?? "";
        if (text.Length > MaxTextLength)
        {
            return SupervisionErrors.TextTooLong(MaxTextLength);
        }

        State = SupervisionOrderState.Closed;
        ClosedAt = now;
        ClosedBy = by;
        ClosingNote = text.Length == 0 ? null : text;
        return Result.Success;
    }

    private static Invalid? TextMustBeGiven(string? text, Invalid missing) =>
        string.IsNullOrWhiteSpace(text) ? missing
        : text.Trim().Length > MaxTextLength ? SupervisionErrors.TextTooLong(MaxTextLength) : null;

    private static Invalid? AnswerPeriodMustBeReasonable(int workingDays) =>
        workingDays is < 1 or > MaxAnswerWorkingDays ? SupervisionErrors.AnswerPeriodOutOfRange(MaxAnswerWorkingDays) : null;

    private static Invalid? CaseOrderNamesItsCase(SupervisionSubject subject, string? caseNumber) =>
        subject == SupervisionSubject.Case && string.IsNullOrWhiteSpace(caseNumber) ? SupervisionErrors.CaseNeeded() : null;
}

/// <summary>The named rules of 督办, each with its Chinese message in Messages.resx.</summary>
public static class SupervisionErrors
{
    public static Invalid MessageNeeded() => new("supervision.message-needed") { Field = "message" };

    public static Invalid AnswerNeeded() => new("supervision.answer-needed") { Field = "answer" };

    public static Invalid TextTooLong(int longest) => new("supervision.text-too-long", longest);

    public static Invalid AnswerPeriodOutOfRange(int most) => new("supervision.answer-period-out-of-range", most) { Field = "answerWorkingDays" };

    public static Invalid CaseNeeded() => new("supervision.case-needed") { Field = "caseNumber" };

    public static Conflict AlreadyAnswered(SupervisionOrderState state) => new("supervision.order-not-awaiting-answer", StateName(state));

    public static Conflict AlreadyClosed() => new("supervision.order-closed");

    public static string StateName(SupervisionOrderState state) => state switch
    {
        SupervisionOrderState.Issued => "待反馈",
        SupervisionOrderState.Answered => "已反馈",
        SupervisionOrderState.Closed => "已办结",
    };
}
