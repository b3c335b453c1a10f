using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Tongban.Domain.Primitives;
using Tongban.Modules.Evaluation.Features.RateCase;
using Tongban.Modules.Evaluation.Features.Shared;
using Tongban.Platform.Http;

namespace Tongban.Modules.Evaluation.Pages;

/// <summary>The SMS link: rate the stage the invitation names without signing in; a used or expired link says so.</summary>
[AllowAnonymous]
public sealed class LinkModel(RateCaseHandler handler, IOptions<RatingOptions> options) : PageModel
{
    [FromRoute]
    public string Token { get; set; } = "";

    public LinkedInvitation? Linked { get; private set; }

    /// <summary>Why the link cannot be used (invalid, expired), when it cannot.</summary>
    public string? Problem { get; private set; }

    public bool Thanked { get; private set; }

    public IReadOnlyList<string> Tags => options.Value.OfferedTags;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync([FromForm] RatingInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if ((await handler.RateByLinkAsync(Token, input.ForStage(null), cancellationToken)).TryGet(out _, out var error))
        {
            return Redirect($"/r/{Token}");
        }

        if (error is Invalid)
        {
            ModelState.AddError(error);
        }

        await LoadAsync(cancellationToken);
        Problem ??= error is Invalid ? null : error.Message;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if ((await handler.FollowLinkAsync(Token, cancellationToken)).TryGet(out var linked, out var error))
        {
            Linked = linked;
        }
        else
        {
            Problem = error.Message;
        }
    }
}
