using Microsoft.Extensions.Localization;
using Tongban.Domain.Identity;
using Tongban.Platform.Web;

namespace Tongban.Modules.Identity;

/// <summary>Chinese names of roles, as people read them.</summary>
public static class RoleNames
{
    public static string Of(Role role, IStringLocalizer<SharedResource> t) => role switch
    {
        Role.PlatformAdmin => t["平台管理员"],
        Role.RegionAdmin => t["区域管理员"],
        Role.DepartmentAdmin => t["部门管理员"],
        Role.WindowClerk => t["窗口人员"],
        Role.Approver => t["审批人员"],
        Role.Supervisor => t["监管人员"],
        Role.DataOfficer => t["数据专员"],
        Role.DepartmentSystem => t["部门业务系统"],
    };
}
