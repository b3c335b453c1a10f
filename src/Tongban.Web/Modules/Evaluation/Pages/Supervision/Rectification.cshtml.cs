using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tongban.Modules.Evaluation.Features.CheckRectification;
using Tongban.Modules.Evaluation.Features.ReviewAppeal;
using Tongban.Modules.Evaluation.Features.Shared;
using Tongban.Modules.Identity;
using Tongban.Platform.Web;

namespace Tongban.Modules.Evaluation.Pages.Supervision;

/// <summary>One work order for the supervisor: close it or send it back with a note; uphold or reject a pending appeal with a public reason.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class RectificationModel(
    RectificationAccess access, CheckRectificationHandler check, ReviewAppealHandler review, IStringLocalizer<SharedResource> t)
    : RectificationPageModel(access, RectificationReach.Supervision)
{
    [BindProperty] public bool Close { get; set; }
    [BindProperty] public bool Upheld { get; set; }
    [BindProperty] public string? PublicReason { get; set; }

    public override string PathOf(Guid id) => $"/supervision/rectifications/{id}";

    public Task<IActionResult> OnPostCheckAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, () => check.HandleAsync(id, new CheckRectificationRequest(Close, Note, ExpectedVersion), cancellationToken),
            Close ? t["工单已核查办结。"] : t["已退回部门重新整改。"], cancellationToken);

    public Task<IActionResult> OnPostReviewAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, () => review.HandleAsync(id, new ReviewAppealRequest(Upheld, PublicReason, ExpectedVersion), cancellationToken),
            Upheld ? t["申诉成立：该评价不再计入统计，整改工单已撤销。"] : t["申诉不成立：评价保留。"], cancellationToken);
}
