using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tongban.Modules.Evaluation.Features.RateService;
using Tongban.Modules.Evaluation.Features.Shared;
using Tongban.Platform.Http;
using Tongban.Platform.Web;

namespace Tongban.Modules.Evaluation.Pages;

/// <summary>评价 a hall, a window, a clerk (by employee id) or the platform; real-name when signed in, anonymous otherwise.</summary>
[AllowAnonymous]
public sealed class RateModel(RateServiceHandler handler, IOptions<RatingOptions> options, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "kind")]
    public string? Kind { get; set; } = "platform";

    [BindProperty(SupportsGet = true, Name = "ref")]
    public string? Ref { get; set; }

    public IReadOnlyList<string> Tags => options.Value.OfferedTags;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync([FromForm] RatingInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if ((await handler.RateAsync(new RateServiceRequest(new RatingSubjectRequest(Kind, Ref), input.Level, input.Tags, input.Comment), null, cancellationToken)).TryGet(out _, out var error))
        {
            TempData.Notice(t["感谢您的评价。"]);
            return Redirect("/rate");
        }

        ModelState.AddError(error);
        return Page();
    }
}
