using Microsoft.AspNetCore.Authorization;
using Tongban.Modules.Evaluation.Features.ListRectifications;
using Tongban.Modules.Evaluation.Features.Shared;
using Tongban.Modules.Identity;

namespace Tongban.Modules.Evaluation.Pages.Workbench;

/// <summary>差评整改: the department's work orders, overdue ones first.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class RectificationsModel(ListRectificationsHandler list) : RectificationListPageModel(list, RectificationReach.Department)
{
    public override string DetailPath => "/workbench/rectifications/";
}
