using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.ListBackOfficeCases;
using Tongban.Modules.Identity;
using Tongban.Platform.Http;

namespace Tongban.Modules.Cases.Pages.BackOffice;

/// <summary>后台办件: the department's cases in handling, closest to their deadline first, filtered by status and warning.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class CasesModel(ListBackOfficeCasesHandler list) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Warning { get; set; }

    public BackOfficeCaseList Cases { get; private set; } = new([], true, false);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var listed = await list.HandleAsync(Status, Warning, cancellationToken);
        if (listed.TryGet(out var cases, out var error))
        {
            Cases = cases;
            return Page();
        }

        if (error is Forbidden)
        {
            return Forbid();
        }

        ModelState.AddError(error);
        return Page();
    }
}
