using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tongban.Domain.Evaluation;
using Tongban.Domain.Identity;
using Tongban.Modules.Evaluation.Persistence;
using Tongban.Platform;
using Tongban.Platform.Persistence;
using Tongban.Platform.Security;
using Tongban.Platform.Web;

namespace Tongban.Modules.Evaluation.Features.OpenRectification;

/// <summary>
/// The in-app half of the 差评 notification: the department's staff see how many of its work orders wait for
/// a 回访 or a rectification (and how many are overdue); supervisors, how many wait for their check or an appeal review.
/// </summary>
internal sealed class RectificationWorkbenchNotices(EvaluationStore store, CurrentUser user, CityClock clock, IStringLocalizer<SharedResource> t) : IWorkbenchNotices
{
    public async Task<IReadOnlyList<WorkbenchNotice>> ForCallerAsync(CancellationToken cancellationToken)
    {
        if (!user.IsStaff || user.Scope is not { } scope)
        {
            return [];
        }

        var notices = new List<WorkbenchNotice>();
        var inRegion = store.Rectifications.AsNoTracking().Within(r => r.Region, scope.Region);
        if (user.HasAnyRole(Role.Approver, Role.DepartmentAdmin) && scope.DepartmentId is { } department)
        {
            var owed = inRegion.Where(r => r.DepartmentId == department && (r.State == RectificationState.Open || r.State == RectificationState.Visited));
            var count = await owed.CountAsync(cancellationToken);
            if (count > 0)
            {
                var now = clock.UtcNow;
                var overdue = await owed.CountAsync(r => r.Deadline < now, cancellationToken);
                notices.Add(new WorkbenchNotice(t["本部门有 {0} 件差评整改工单待回访或整改，其中 {1} 件已超期。", count, overdue], "/workbench/rectifications", overdue > 0));
            }
        }

        if (user.HasAnyRole(Role.Supervisor))
        {
            var ready = await inRegion.CountAsync(r => r.State == RectificationState.Confirmed || (r.State == RectificationState.Rectified && !r.RealName), cancellationToken);
            var appealed = store.Ratings.Where(g => g.AppealStatus == AppealState.Pending).Select(g => g.Id);
            var appeals = await inRegion.CountAsync(r => appealed.Contains(r.RatingId), cancellationToken);
            if (ready + appeals > 0)
            {
                notices.Add(new WorkbenchNotice(t["有 {0} 件差评整改工单待核查，{1} 件申诉待审核。", ready, appeals], "/supervision/rectifications", false));
            }
        }

        return notices;
    }
}
