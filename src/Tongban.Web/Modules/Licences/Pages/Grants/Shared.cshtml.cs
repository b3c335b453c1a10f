using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Tongban.Domain.Licences;
using Tongban.Modules.Licences.Features.Grants;

namespace Tongban.Modules.Licences.Pages.Grants;

/// <summary>
/// 用证授权 for the third party (anyone with the code): enter the code or open the link; while the grant
/// lasts they see the licence's public fields and the holder's full name, and may download the PDF.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(GrantCodes.RateLimit)]
public sealed class SharedModel(LicenceGrants grants) : PageModel
{
    [FromRoute]
    public string? Code { get; set; }

    [FromQuery(Name = "code")]
    public string? EnteredCode { get; set; }

    public GrantedLicence? Granted { get; private set; }

    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Code is null && !string.IsNullOrWhiteSpace(EnteredCode))
        {
            return Redirect($"/licences/shared/{Uri.EscapeDataString(EnteredCode.Trim())}");
        }

        if (Code is null)
        {
            return Page();
        }

        if ((await grants.UseAsync(LicenceGrantKind.Share, Code, LicenceGrantChannel.Page, cancellationToken)).TryGet(out var granted, out var error))
        {
            Granted = granted;
            return Page();
        }

        Refusal = error.Message;
        Response.StatusCode = error is Tongban.Domain.Primitives.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status410Gone;
        return Page();
    }
}
