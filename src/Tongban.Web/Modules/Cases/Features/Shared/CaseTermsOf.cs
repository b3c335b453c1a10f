using Tongban.Domain.Cases;
using Tongban.Domain.Catalog;
using Tongban.Domain.Identity;
using Tongban.Domain.Primitives;

namespace Tongban.Modules.Cases.Features.Shared;

/// <summary>
/// What case handling takes from the implementation version a case started with: the limits, the
/// back-office steps of its 办理流程 (the transition keys 受理/决定/制证/送达/办结 are case methods, not
/// steps), 告知承诺 and how far a superior may extend the statutory limit.
/// </summary>
public static class CaseTermsOf
{
    /// <summary>The step an item whose 办理流程 lists no back-office step still gets: one 审查 by an approver.</summary>
    public static StepPlan DefaultReview { get; } = new("review", "审查", nameof(Role.Approver));

    public static CaseTerms From(ImplementationContent content)
    {
        var steps = content.Process.Where(s => !s.IsTransition())
            .Select(s => new StepPlan(s.Key, s.Name, string.IsNullOrWhiteSpace(s.Role) ? nameof(Role.Approver) : s.Role, s.ParallelGroup,
                RegionCode.Parse(s.Region).TryGet(out var region, out _) ? region : null, s.DepartmentId))
            .ToList();
        return new CaseTerms(Limit(content.StatutoryLimit), Limit(content.PromisedLimit), steps.Count == 0 ? [DefaultReview] : steps)
        {
            CommitmentAllowed = content.CommitmentAllowed,
            PublicSafety = content.PublicSafety,
            // 行政许可法: 20 + 10 working days; joint handling by several agencies 45 + 15.
            MaxExtensionWorkingDays = content.JointAgencies.Count > 0 ? 15 : 10,
        };
    }

    public static CaseTimeLimit Limit(TimeLimit limit) => new(limit.Amount, limit.Unit);
}
