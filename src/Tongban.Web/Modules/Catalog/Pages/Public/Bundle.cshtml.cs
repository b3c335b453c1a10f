using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Modules.Catalog.Features.ListBundles;

namespace Tongban.Modules.Catalog.Pages.Public;

/// <summary>One 一件事: what it does, its members (the item, the department, what each waits for), the time promised, and “申请”.</summary>
[AllowAnonymous]
public sealed class BundleGuideModel(ListBundlesHandler list) : PageModel
{
    [FromRoute]
    public string Code { get; set; } = "";

    public BundleSummary? Bundle { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if ((await list.FindAsync(Code, cancellationToken)).TryGet(out var bundle, out _))
        {
            Bundle = bundle;
            return Page();
        }

        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
