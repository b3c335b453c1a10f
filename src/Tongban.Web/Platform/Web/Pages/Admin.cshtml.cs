using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Modules.Catalog;
using Tongban.Modules.Identity;
using Tongban.Modules.Licences;

namespace Tongban.Platform.Web.Pages;

/// <summary>
/// The administration landing page. A section is listed when the signed-in staff member passes the
/// same policy its pages require, so the page never offers a link that would answer 403; staff who may
/// open no section (window clerks, approvers) are refused the page itself. Supervisors see the reports.
/// </summary>
[Authorize(Policy = Policies.Staff)]
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
        new("/admin/catalog", Policies.StaffAdmin, "事项管理", "认领下发的基本目录事项，编辑实施清单并提交审核；本级不实施的事项办理无需认领备案。"),
        new("/admin/licence-types", LicencesModule.TypeAdminPolicy, "证照类型", "电子证照的类型代码、字段、有效期规则、版式和颁发部门。"),
        new("/admin/seals", Policies.StaffAdmin, "电子印章", "各部门电子印章的代次、密钥与换章。"),
        new("/admin/catalog/review", Policies.OrganisationAdmin, "审核", "审核各部门提交的实施清单，发布新版本或退回修改。"),
        new("/admin/catalog/reports/uniformity", CatalogModule.ReportsPolicy, "六统一比对", "同一事项在各地实施清单的名称、时限、材料、收费和流程差异，可导出 CSV。"),
        new("/admin/catalog/reports/frequency", CatalogModule.ReportsPolicy, "办件频度分类", "近 12 个月的高频、低频和僵尸事项，可导出 CSV。"),
    ];

    public IReadOnlyList<Section> Sections { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
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
        return open.Count == 0 ? Forbid() : Page();
    }
}
