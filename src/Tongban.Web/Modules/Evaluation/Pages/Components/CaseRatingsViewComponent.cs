using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Tongban.Modules.Evaluation.Features.RateCase;
using Tongban.Modules.Evaluation.Features.Shared;

namespace Tongban.Modules.Evaluation.Pages.Components;

/// <summary>评价 on the applicant's case page: what was given per stage, and a form for each stage that may still be rated.</summary>
public sealed class CaseRatingsViewComponent(RateCaseHandler handler, IOptions<RatingOptions> options) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string caseNumber) =>
        (await handler.ShowOwnAsync(caseNumber, HttpContext.RequestAborted)).TryGet(out var view, out _)
            ? View("/Modules/Evaluation/Pages/Components/CaseRatings.cshtml", (view, options.Value.OfferedTags))
            : Content("");
}

/// <summary>The invitations still open, as notices on /me, with the text the SMS carried.</summary>
public sealed class RatingNoticesViewComponent(Features.Shared.OpenInvitations invitations) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View("/Modules/Evaluation/Pages/Components/RatingNotices.cshtml", await invitations.OfCallerAsync(HttpContext.RequestAborted));
}
