using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Modules.Identity.Features.ListEnterprises;
using Tongban.Modules.Identity.Features.StaffAdministration;
using Tongban.Platform.Http;

namespace Tongban.Modules.Identity.Pages.Admin;

/// <summary>法人名录: USCC, name, region and the representative's masked name; every view is audited.</summary>
[Authorize(Policy = Policies.PersonDirectory)]
public sealed class EnterprisesModel(ListEnterprisesHandler listEnterprises, ScopeDescriptions regions) : PageModel
{
    private string? _next;

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public IReadOnlyList<(EnterpriseListItem Enterprise, string Region)> Enterprises { get; private set; } = [];

    public DirectoryPager Pager => new("/admin/enterprises", After, _next);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!(await listEnterprises.HandleAsync(new ListEnterprisesRequest(After), cancellationToken)).TryGet(out var page, out var error))
        {
            ModelState.AddError(error);
            return;
        }

        var rows = new List<(EnterpriseListItem, string)>(page.Items.Count);
        foreach (var enterprise in page.Items)
        {
            rows.Add((enterprise, await regions.DescribeAsync(enterprise.Region, null, cancellationToken)));
        }

        Enterprises = rows;
        _next = page.Next;
    }
}
