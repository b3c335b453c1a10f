using Microsoft.AspNetCore.Authorization;
using Tongban.Modules.Evaluation.Features.ListRectifications;
using Tongban.Modules.Evaluation.Features.Shared;
using Tongban.Modules.Identity;

namespace Tongban.Modules.Evaluation.Pages.Me;

/// <summary>我的差评整改: the work orders the caller's real-name 差评 opened.</summary>
[Authorize(Policy = Policies.Applicant)]
public sealed class RectificationsModel(ListRectificationsHandler list) : RectificationListPageModel(list, RectificationReach.Rater)
{
    public override string DetailPath => "/me/rectifications/";
}
