using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Domain.Identity;
using Tongban.Modules.Identity.Features.CreateStaff;
using Tongban.Modules.Identity.Features.StaffAdministration;
using Tongban.Platform.Http;

namespace Tongban.Modules.Identity.Pages.Admin;

/// <summary>新增人员: a real-name staff account with an initial password, roles and scope.</summary>
[Authorize(Policy = Policies.StaffAdmin)]
public sealed class NewStaffModel(CreateStaffHandler createStaff, StaffAccounts staff) : PageModel
{
    [BindProperty]
    public string? EmployeeId { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public List<Role> Roles { get; set; } = [];

    [BindProperty]
    public string? ScopeRegion { get; set; }

    [BindProperty]
    public Guid? ScopeDepartmentId { get; set; }

    public StaffScopeFields ScopeFields { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ScopeRegion = staff.Administrator.Scope?.Region.Value;
        ScopeDepartmentId = staff.Administrator.Oversight.DepartmentId;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var created = await createStaff.HandleAsync(
            new CreateStaffRequest(EmployeeId, DisplayName, Password, Roles, ScopeRegion, ScopeDepartmentId), cancellationToken);
        if (!created.TryGet(out var id, out var error))
        {
            ModelState.AddError(error);
            await LoadAsync(cancellationToken);
            return Page();
        }

        return Redirect($"/admin/staff/{id}?done=created");
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        ScopeFields = new StaffScopeFields(await staff.FormOptionsAsync(cancellationToken), Roles, ScopeRegion, ScopeDepartmentId);
}
