using Microsoft.AspNetCore.Authorization;
using Tongban.Modules.Evaluation.Features.ListRectifications;
using Tongban.Modules.Evaluation.Features.Shared;
using Tongban.Modules.Identity;

namespace Tongban.Modules.Evaluation.Pages.Supervision;

/// <summary>差评整改核查: every work order in the supervisor's region, in all states, overdue and late ones first.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class RectificationsModel(ListRectificationsHandler list) : RectificationListPageModel(list, RectificationReach.Supervision)
{
    public override string DetailPath => "/supervision/rectifications/";
}
