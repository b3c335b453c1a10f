using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Modules.Licences.Features.VerifyLicence;
using Tongban.Platform.Http;

namespace Tongban.Modules.Licences.Pages.Verify;

/// <summary>/v/{payload}: what a phone camera opens from a licence's QR code; the same answer as the verify page.</summary>
[AllowAnonymous]
public sealed class LinkModel(LicenceVerifier verifier) : PageModel
{
    public VerificationAnswer? Answer { get; private set; }

    public async Task OnGetAsync(string payload, CancellationToken cancellationToken)
    {
        var verified = await verifier.VerifyAsync(new VerifyLicenceRequest(Payload: payload), "link", cancellationToken);
        if (verified.TryGet(out var answer, out var error))
        {
            Answer = answer;
        }
        else
        {
            ModelState.AddError(error);
        }
    }
}
