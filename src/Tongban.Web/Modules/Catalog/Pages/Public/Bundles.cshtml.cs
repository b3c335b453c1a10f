using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Modules.Catalog.Features.ListBundles;

namespace Tongban.Modules.Catalog.Pages.Public;

/// <summary>一件事一次办: every bundle with its lead department, its members and the time promised, each with “申请”.</summary>
[AllowAnonymous]
public sealed class BundlesModel(ListBundlesHandler list) : PageModel
{
    public IReadOnlyList<BundleSummary> Bundles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Bundles = await list.HandleAsync(cancellationToken);
}
