using Tongban.Domain.Primitives;
namespace Tongban.Domain.Cases;

/// <summary>
/// One entry of a case's history: who (account and role) did what, when, why, with which documents,
/// and the status it left the case in. Appended by every transition; never changed.
/// </summary>
public sealed class CaseEvent
{
    private readonly List<string> _attachments = [];

    private CaseEvent() { }

    internal CaseEvent(DateTimeOffset at, CaseActor actor, CaseAction action, CaseStatus status, string? comment, IEnumerable<string>? attachments, string? stepKey)
    {
        At = at;
        ActorId = actor.AccountId;
        ActorRole = actor.Role;
        Action = action;
        Status = status;
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        StepKey = stepKey;
        _attachments.AddRange((attachments ?? []).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()));
    }

    public DateTimeOffset At { get; private set; }
    public Guid ActorId { get; private set; }
    public string ActorRole { get; private set; } = "";
    public CaseAction Action { get; private set; }

    /// <summary>The case's status after the action.</summary>
    public CaseStatus Status { get; private set; }
    public string? Comment { get; private set; }

    /// <summary>The step acted on, for step actions.</summary>
    public string? StepKey { get; private set; }

    /// <summary>References to documents that go with the action (notices, signed commitments, decision PDFs ...).</summary>
    public IReadOnlyList<string> Attachments => _attachments;
}

/// <summary>A period in which the clock is stopped: a 特别程序, or the 容缺 grace period.</summary>
public sealed class ClockStop
{
    private ClockStop() { }

    internal ClockStop(ClockStopKind kind, SpecialProcedure? procedure, string reason, CaseActor actor, DateTimeOffset startedAt)
    {
        Kind = kind;
        Procedure = procedure;
        Reason = reason.Trim();
        StartedBy = actor.AccountId;
        StartedAt = startedAt;
    }

    public ClockStopKind Kind { get; private set; }
    public SpecialProcedure? Procedure { get; private set; }
    public string Reason { get; private set; } = "";
    public DateTimeOffset StartedAt { get; private set; }
    public Guid StartedBy { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }

    public bool IsOpen => EndedAt is null;

    internal void End(DateTimeOffset now) => EndedAt = now < StartedAt ? StartedAt : now;
}
