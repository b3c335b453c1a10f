using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Domain.Licences;
using Tongban.Modules.Identity;
using Tongban.Modules.Licences.Features.DefineLicenceType;

namespace Tongban.Modules.Licences.Pages.Admin;

/// <summary>The licence types the admin manages.</summary>
[Authorize(Policy = LicencesModule.TypeAdminPolicy)]
public sealed class LicenceTypesModel(LicenceTypeAdmin admin) : PageModel
{
    public IReadOnlyList<LicenceType> Types { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Types = await admin.AdministeredAsync(cancellationToken);
        return Page();
    }
}
