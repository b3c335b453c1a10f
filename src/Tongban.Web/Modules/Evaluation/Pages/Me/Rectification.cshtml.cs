using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tongban.Modules.Evaluation.Features.ConfirmRectification;
using Tongban.Modules.Evaluation.Features.Shared;
using Tongban.Modules.Identity;
using Tongban.Platform.Web;

namespace Tongban.Modules.Evaluation.Pages.Me;

/// <summary>The rater's view of the work order their 差评 opened, with the confirmation form once it is rectified.</summary>
[Authorize(Policy = Policies.Applicant)]
public sealed class RectificationModel(RectificationAccess access, ConfirmRectificationHandler confirm, IStringLocalizer<SharedResource> t)
    : RectificationPageModel(access, RectificationReach.Rater)
{
    [BindProperty] public bool Satisfied { get; set; }

    public override string PathOf(Guid id) => $"/me/rectifications/{id}";

    public Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, () => confirm.HandleAsync(id, new ConfirmRectificationRequest(Satisfied, Note, ExpectedVersion), cancellationToken),
            Satisfied ? t["感谢您的确认。"] : t["已告知责任部门重新整改。"], cancellationToken);
}
