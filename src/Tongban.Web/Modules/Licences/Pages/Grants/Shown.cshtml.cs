using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Tongban.Domain.Licences;
using Tongban.Modules.Licences.Features.Grants;

namespace Tongban.Modules.Licences.Pages.Grants;

/// <summary>What scanning a 亮证 QR code opens (anyone): the licence and until when the code holds, or that it has expired.</summary>
[AllowAnonymous]
[EnableRateLimiting(GrantCodes.RateLimit)]
public sealed class ShownModel(LicenceGrants grants) : PageModel
{
    [FromRoute]
    public string Token { get; set; } = "";

    public GrantedLicence? Granted { get; private set; }

    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if ((await grants.UseAsync(LicenceGrantKind.Show, Token, LicenceGrantChannel.Page, cancellationToken)).TryGet(out var granted, out var error))
        {
            Granted = granted;
            return Page();
        }

        Refusal = error.Message;
        Response.StatusCode = error is Tongban.Domain.Primitives.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status410Gone;
        return Page();
    }
}
