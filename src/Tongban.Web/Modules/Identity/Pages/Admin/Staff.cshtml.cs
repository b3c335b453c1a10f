using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Modules.Identity.Features.ListStaff;
using Tongban.Modules.Identity.Features.StaffAdministration;
using Tongban.Platform.Http;

namespace Tongban.Modules.Identity.Pages.Admin;

/// <summary>人员管理: the staff accounts the administrator oversees, filtered by status.</summary>
[Authorize(Policy = Policies.StaffAdmin)]
public sealed class StaffListModel(ListStaffHandler listStaff, ScopeDescriptions scopes) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    private string? _next;

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public IReadOnlyList<(StaffListItem Staff, string Scope)> Rows { get; private set; } = [];

    public DirectoryPager Pager => new($"/admin/staff?status={Uri.EscapeDataString(Status ?? "")}", After, _next);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await listStaff.HandleAsync(new ListStaffRequest(Status, After), cancellationToken);
        if (!result.TryGet(out var page, out var error))
        {
            ModelState.AddError(error);
            return;
        }

        var rows = new List<(StaffListItem, string)>(page.Items.Count);
        foreach (var staff in page.Items)
        {
            rows.Add((staff, await scopes.DescribeAsync(staff.ScopeRegion, staff.DepartmentId, cancellationToken)));
        }

        Rows = rows;
        _next = page.Next;
    }
}
