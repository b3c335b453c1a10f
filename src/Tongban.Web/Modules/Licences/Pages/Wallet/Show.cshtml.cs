using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Domain.Primitives;
using Tongban.Modules.Identity;
using Tongban.Modules.Licences.Features.Grants;
using Tongban.Modules.Licences.Features.Wallet;

namespace Tongban.Modules.Licences.Pages.Wallet;

/// <summary>
/// 亮证: a full-screen page whose QR code holds a short-lived link to the licence. Each showing makes a
/// fresh code (audited); "刷新二维码" posts and comes back for another. Only a valid licence is shown.
/// </summary>
[Authorize(Policy = Policies.Applicant)]
public sealed class ShowModel(LicenceCards cards, LicenceGrants grants) : PageModel
{
    [FromRoute]
    public string Identifier { get; set; } = "";

    public LicenceCard? Card { get; private set; }

    public IssuedCode? Issued { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!LicenceIdentifier.Parse(Identifier).TryGet(out var id, out _) || await cards.MineAsync(id, cancellationToken) is not { } card)
        {
            return NotFound();
        }

        if (!card.IsValid)
        {
            return Redirect($"/me/licences/{id.Value}");
        }

        Card = card;
        Issued = (await grants.ShowAsync(id, cancellationToken)).Value;
        return Page();
    }

    public IActionResult OnPost() => Redirect($"/me/licences/{Uri.EscapeDataString(Identifier)}/show");
}
