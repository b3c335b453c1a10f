using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Modules.Licences.Features.VerifyLicence;
using Tongban.Platform.Http;

namespace Tongban.Modules.Licences.Pages.Verify;

/// <summary>证照核验: a GET form (scan or paste the QR content, or type the identifier), so an answer is a link too; anyone, no account.</summary>
[AllowAnonymous]
public sealed class VerifyModel(LicenceVerifier verifier) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "payload")]
    public string? Payload { get; set; }

    [BindProperty(SupportsGet = true, Name = "identifier")]
    public string? Identifier { get; set; }

    /// <summary>Null until something was asked, or when it could not be understood.</summary>
    public VerificationAnswer? Answer { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Payload) && string.IsNullOrWhiteSpace(Identifier))
        {
            return;
        }

        var verified = await verifier.VerifyAsync(new VerifyLicenceRequest(Payload, Identifier), "page", cancellationToken);
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
