using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tongban.Domain.Identity;
using Tongban.Domain.Primitives;
using Tongban.Modules.Identity.Features.ChangeStaffRoles;
using Tongban.Modules.Identity.Features.DisableStaff;
using Tongban.Modules.Identity.Features.EnableStaff;
using Tongban.Modules.Identity.Features.ResetStaffPassword;
using Tongban.Modules.Identity.Features.StaffAdministration;
using Tongban.Modules.Identity.Features.ViewStaff;
using Tongban.Platform;
using Tongban.Platform.Http;
using Tongban.Platform.Web;

namespace Tongban.Modules.Identity.Pages.Admin;

/// <summary>One staff member: roles and scope (edited against the version shown), password reset, disable and enable.</summary>
[Authorize(Policy = Policies.StaffAdmin)]
public sealed class StaffDetailsModel(
    ViewStaffHandler viewStaff, StaffAccounts staff, ScopeDescriptions scopes, CityClock clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>What the previous post did (post-redirect-get), for the confirmation.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public List<Role> Roles { get; set; } = [];

    [BindProperty]
    public string? ScopeRegion { get; set; }

    [BindProperty]
    public Guid? ScopeDepartmentId { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? DisabledReason { get; set; }

    public StaffDetails Staff { get; private set; } = null!;

    public string ScopeDescription { get; private set; } = "";

    public StaffScopeFields ScopeFields { get; private set; } = null!;

    public string? Notice => Done switch
    {
        "created" => t["已新增人员。请将初始密码当面或通过内部渠道告知本人。"].Value,
        "roles" => t["已保存角色与管辖范围。该人员已退出登录，重新登录后按新的角色办事。"].Value,
        "password" => t["已重置密码。该人员在所有设备上的登录和访问令牌均已失效。"].Value,
        "disabled" => t["已停用该账号。该人员的所有登录会话和访问令牌已立即失效。"].Value,
        "enabled" => t["已启用该账号，该人员可以重新登录。"].Value,
        _ => null,
    };

    public string Local(DateTimeOffset instant) => Formats.Minute(instant, clock);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(keepRoleInput: false, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostRolesAsync([FromServices] ChangeStaffRolesHandler handler, CancellationToken cancellationToken) =>
        RedirectOrShowAsync(
            handler.HandleAsync(new ChangeStaffRolesRequest(Id, Version, Roles, ScopeRegion, ScopeDepartmentId), cancellationToken),
            "roles",
            keepRoleInput: true,
            cancellationToken);

    public Task<IActionResult> OnPostPasswordAsync([FromServices] ResetStaffPasswordHandler handler, CancellationToken cancellationToken) =>
        RedirectOrShowAsync(handler.HandleAsync(new ResetStaffPasswordRequest(Id, Password), cancellationToken), "password", keepRoleInput: false, cancellationToken);

    public Task<IActionResult> OnPostDisableAsync([FromServices] DisableStaffHandler handler, CancellationToken cancellationToken) =>
        RedirectOrShowAsync(handler.HandleAsync(new DisableStaffRequest(Id, DisabledReason), cancellationToken), "disabled", keepRoleInput: false, cancellationToken);

    public Task<IActionResult> OnPostEnableAsync([FromServices] EnableStaffHandler handler, CancellationToken cancellationToken) =>
        RedirectOrShowAsync(handler.HandleAsync(new EnableStaffRequest(Id), cancellationToken), "enabled", keepRoleInput: false, cancellationToken);

    private async Task<IActionResult> RedirectOrShowAsync(Task<Result> action, string done, bool keepRoleInput, CancellationToken cancellationToken)
    {
        var result = await action;
        if (result.IsSuccess)
        {
            return Redirect($"/admin/staff/{Id}?done={done}");
        }

        if (result.Error is NotFound)
        {
            return NotFound();
        }

        ModelState.AddError(result.Error);
        return await LoadAsync(keepRoleInput, cancellationToken) ? Page() : NotFound();
    }

    /// <summary>Reads the account; the roles form shows the account's values unless it is being redisplayed with the user's own input.</summary>
    private async Task<bool> LoadAsync(bool keepRoleInput, CancellationToken cancellationToken)
    {
        if (!(await viewStaff.HandleAsync(Id, cancellationToken)).TryGet(out var details, out _))
        {
            return false;
        }

        Staff = details;
        ScopeDescription = await scopes.DescribeAsync(details.ScopeRegion, details.DepartmentId, cancellationToken);
        if (!keepRoleInput)
        {
            Version = details.Version;
            Roles = [.. details.Roles];
            ScopeRegion = details.ScopeRegion.Value;
            ScopeDepartmentId = details.DepartmentId;
        }

        ScopeFields = new StaffScopeFields(await staff.FormOptionsAsync(cancellationToken), Roles, ScopeRegion, ScopeDepartmentId);
        return true;
    }
}
