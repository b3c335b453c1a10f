using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Modules.Identity;
using Tongban.Modules.Licences.Features.Wallet;

namespace Tongban.Modules.Licences.Pages.Wallet;

/// <summary>我的证照: the holder's licences, valid ones first, each with its state in words.</summary>
[Authorize(Policy = Policies.Applicant)]
public sealed class LicencesModel(LicenceCards cards) : PageModel
{
    public IReadOnlyList<LicenceCard> Cards { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Cards = await cards.MineAsync(cancellationToken);
}
