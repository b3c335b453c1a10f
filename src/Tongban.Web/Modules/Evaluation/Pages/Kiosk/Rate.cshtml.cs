using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tongban.Domain.Evaluation;
using Tongban.Domain.Primitives;
using Tongban.Modules.Evaluation.Features.RateCase;
using Tongban.Modules.Evaluation.Features.RateService;
using Tongban.Modules.Evaluation.Features.Shared;
using Tongban.Platform.Http;
using Tongban.Platform.Web;

namespace Tongban.Modules.Evaluation.Pages.Kiosk;

/// <summary>
/// The hall's self-service kiosk (big buttons, no JavaScript, no sign-in): an anonymous rating of the hall
/// or a window (the kiosk's address names them: <c>?hall=</c>, <c>?window=</c>), or a case stage after its
/// number and the last six characters of the applicant's ID number.
/// </summary>
[AllowAnonymous]
public sealed class RateModel(RateCaseHandler cases, RateServiceHandler services, IOptions<RatingOptions> options, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "hall")]
    public string? Hall { get; set; }

    [BindProperty(SupportsGet = true, Name = "window")]
    public string? Window { get; set; }

    [BindProperty(Name = "caseNumber")]
    public string? CaseNumber { get; set; }

    [BindProperty(Name = "idEnd")]
    public string? IdEnd { get; set; }

    [BindProperty(Name = "stage")]
    public string? Stage { get; set; }

    public IReadOnlyList<string> Tags => options.Value.OfferedTags;

    public string Query => Window is { Length: > 0 } w ? $"?window={Uri.EscapeDataString(w)}" : Hall is { Length: > 0 } h ? $"?hall={Uri.EscapeDataString(h)}" : "";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostServiceAsync([FromForm] RatingInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var subject = Window is { Length: > 0 } ? new RatingSubjectRequest("window", Window) : new RatingSubjectRequest("hall", Hall);
        return Answer(await services.RateAsync(new RateServiceRequest(subject, input.Level, input.Tags, input.Comment), RatingChannel.Kiosk, cancellationToken), "service");
    }

    public async Task<IActionResult> OnPostCaseAsync([FromForm] RatingInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Answer(await cases.RateAtKioskAsync(CaseNumber ?? "", IdEnd, input.ForStage(Stage), cancellationToken), "case");
    }

    private IActionResult Answer(Result<RatingView> result, string form)
    {
        if (result.TryGet(out _, out var error))
        {
            TempData.Notice(t["感谢您的评价！"]);
            return Redirect("/kiosk/rate" + Query);
        }

        ViewData["FailedForm"] = form;
        ModelState.AddError(error);
        return Page();
    }
}
