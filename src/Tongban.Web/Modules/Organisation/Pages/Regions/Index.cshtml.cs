using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Modules.Organisation.Features.Shared;

namespace Tongban.Modules.Organisation.Pages.Regions;

/// <summary>The regions in the administrator's scope, as a tree.</summary>
public sealed class RegionsModel(OrganisationScope scope) : PageModel
{
    public IReadOnlyList<RegionNode> Regions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Regions = await scope.RegionTreeAsync(cancellationToken);
}
