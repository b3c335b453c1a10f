using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Modules.Identity;

namespace Tongban.Platform.Web.Pages;

/// <summary>
/// The administration landing page. A section is listed when the signed-in administrator passes the
/// same policy its pages require, so the page never offers a link that would answer 403.
/// </summary>
[Authorize(Policy = Policies.StaffAdmin)]
public sealed class AdminModel(IAuthorizationService authorization) : PageModel
{
    /// <summary>A section: its address, the policy its pages require and its Chinese text keys.</summary>
    public sealed record Section(string Path, string Policy, string Title, string Description);

    private static readonly Section[] All =
    [
        new("/admin/regions", Policies.OrganisationAdmin, "区划管理", "行政区划：市、县、乡、村的新增与更名。"),
        new("/admin/departments", Policies.OrganisationAdmin, "部门管理", "部门的统一社会信用代码、所在区划和上级部门。"),
        new("/admin/halls", Policies.OrganisationAdmin, "大厅与窗口", "政务服务大厅的地址、办公时间，以及综合窗口和专窗。"),
        new("/admin/staff", Policies.StaffAdmin, "人员管理", "工作人员账号、角色与管辖范围。"),
    ];

    public IReadOnlyList<Section> Sections { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var open = new List<Section>();
        foreach (var section in All)
        {
            if ((await authorization.AuthorizeAsync(User, section.Policy)).Succeeded)
            {
                open.Add(section);
            }
        }

        Sections = open;
    }
}
