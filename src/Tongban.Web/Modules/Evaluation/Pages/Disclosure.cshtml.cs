using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Modules.Evaluation.Features.DiscloseRatings;
using Tongban.Platform.Http;

namespace Tongban.Modules.Evaluation.Pages;

/// <summary>好差评公示: anyone, no sign-in; a GET form so every answer is a link.</summary>
[AllowAnonymous]
public sealed class DisclosureModel(DiscloseRatingsHandler handler) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "region")]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true, Name = "by")]
    public string? By { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public DateOnly? To { get; set; }

    public DisclosureView? View { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if ((await handler.HandleAsync(new DiscloseRatingsRequest(Region, By, From, To), cancellationToken)).TryGet(out var view, out var error))
        {
            View = view;
        }
        else
        {
            ModelState.AddError(error);
        }
    }
}
