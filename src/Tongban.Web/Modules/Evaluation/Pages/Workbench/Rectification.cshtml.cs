using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tongban.Modules.Evaluation.Features.AppealRating;
using Tongban.Modules.Evaluation.Features.RecordRectification;
using Tongban.Modules.Evaluation.Features.Shared;
using Tongban.Modules.Evaluation.Features.VisitRater;
using Tongban.Modules.Identity;
using Tongban.Platform.Web;

namespace Tongban.Modules.Evaluation.Pages.Workbench;

/// <summary>One of the department's work orders: the rating, the rater's contact for the 回访, and the forms for 回访, 整改措施 and 申诉.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class RectificationModel(
    RectificationAccess access, VisitRaterHandler visit, RecordRectificationHandler rectify, AppealRatingHandler appeal, IStringLocalizer<SharedResource> t)
    : RectificationPageModel(access, RectificationReach.Department)
{
    [BindProperty] public string? Ground { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public override string PathOf(Guid id) => $"/workbench/rectifications/{id}";

    public Task<IActionResult> OnPostVisitAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, () => visit.HandleAsync(id, new VisitRaterRequest(Note, ExpectedVersion), cancellationToken), t["已登记回访。"], cancellationToken);

    public Task<IActionResult> OnPostRectifyAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, () => rectify.HandleAsync(id, new RecordRectificationRequest(Note, ExpectedVersion), cancellationToken), t["已登记整改措施。"], cancellationToken);

    public Task<IActionResult> OnPostAppealAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, () => appeal.HandleAsync(id, new AppealRatingRequest(Ground, Reason, ExpectedVersion), cancellationToken), t["已提出申诉，等待审核。"], cancellationToken);
}
