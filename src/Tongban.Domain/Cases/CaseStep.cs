using Tongban.Domain.Primitives;

namespace Tongban.Domain.Cases;

/// <summary>
/// One step the back office runs for a case, planned from the implementation's 办理流程 at
/// acceptance. Steps run in <see cref="Stage"/> order; the steps of one parallel group (并联 / 会签)
/// share a stage, are active together, and all must approve before the next stage starts.
/// Changed only through the <see cref="Case"/>.
/// </summary>
public sealed class CaseStep
{
    private CaseStep() { }

    internal CaseStep(StepPlan plan, int order, int stage)
    {
        Key = plan.Key.Trim();
        Name = plan.Name.Trim();
        Role = plan.Role.Trim();
        ParallelGroup = string.IsNullOrWhiteSpace(plan.ParallelGroup) ? null : plan.ParallelGroup.Trim();
        Region = plan.Region?.Value;
        DepartmentId = plan.DepartmentId;
        Order = order;
        Stage = stage;
        Status = CaseStepStatus.Pending;
    }

    public string Key { get; private set; } = "";
    public string Name { get; private set; } = "";

    /// <summary>The role that acts on this step (matched ordinally against <see cref="CaseActor.Role"/>).</summary>
    public string Role { get; private set; } = "";
    public string? ParallelGroup { get; private set; }

    /// <summary>多地联办: the region (12 digits) whose department performs this step; null for the competent department's own step.</summary>
    public string? Region { get; private set; }

    /// <summary>多地联办: the department of <see cref="Region"/> that performs this step.</summary>
    public Guid? DepartmentId { get; private set; }

    /// <summary>Position in the plan, from 0.</summary>
    public int Order { get; private set; }

    /// <summary>Steps with the same stage run together (a parallel group); stages run in order from 0.</summary>
    public int Stage { get; private set; }
    public CaseStepStatus Status { get; private set; }

    /// <summary>The account the step is assigned to; when set, only that account may act on it.</summary>
    public Guid? Assignee { get; private set; }
    public DateTimeOffset? ActivatedAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public Guid? DecidedBy { get; private set; }

    /// <summary>The approver's comment, or the reason for a send-back or skip.</summary>
    public string? Comment { get; private set; }

    /// <summary>A department system's own reference when it posted this step's result (部门系统对接).</summary>
    public string? ExternalReference { get; private set; }

    /// <summary>Approved or skipped: the step no longer holds the case up.</summary>
    public bool IsDone => Status switch
    {
        CaseStepStatus.Approved or CaseStepStatus.Skipped => true,
        CaseStepStatus.Pending or CaseStepStatus.Active or CaseStepStatus.SentBack => false,
    };

    internal void Activate(DateTimeOffset now)
    {
        Status = CaseStepStatus.Active;
        ActivatedAt = now;
        DecidedAt = null;
        DecidedBy = null;
        Comment = null;
        ExternalReference = null;
    }

    internal void Approve(CaseActor actor, DateTimeOffset now, string? comment, string? externalReference) =>
        Decide(CaseStepStatus.Approved, actor, now, comment, externalReference);

    internal void Skip(CaseActor actor, DateTimeOffset now, string reason) =>
        Decide(CaseStepStatus.Skipped, actor, now, reason, null);

    internal void SendBack(CaseActor actor, DateTimeOffset now, string reason) =>
        Decide(CaseStepStatus.SentBack, actor, now, reason, null);

    /// <summary>Back to waiting its turn (a send-back passed over it); the previous decision is in the history.</summary>
    internal void Reset()
    {
        if (Status == CaseStepStatus.SentBack)
        {
            return; // keeps its own send-back record until the flow returns to it
        }

        Status = CaseStepStatus.Pending;
        ActivatedAt = null;
        DecidedAt = null;
        DecidedBy = null;
        Comment = null;
        ExternalReference = null;
    }

    internal void AssignTo(Guid account) => Assignee = account;

    private void Decide(CaseStepStatus status, CaseActor actor, DateTimeOffset now, string? comment, string? externalReference)
    {
        Status = status;
        DecidedAt = now;
        DecidedBy = actor.AccountId;
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        ExternalReference = string.IsNullOrWhiteSpace(externalReference) ? null : externalReference.Trim();
    }
}

/// <summary>
/// A step to plan: a back-office step of the implementation's 办理流程 (审查, 会签, 审核 ...) with the
/// role that acts and, for 并联 / 会签, a group name shared by steps that run together (they must be
/// adjacent). The intake (受理), the decision (决定), 制证, 送达 and 办结 are case transitions, not steps.
/// 多地联办: <paramref name="Region"/> and <paramref name="DepartmentId"/> name another region's department that performs it.
/// </summary>
public sealed record StepPlan(string Key, string Name, string Role, string? ParallelGroup = null, RegionCode? Region = null, Guid? DepartmentId = null);
