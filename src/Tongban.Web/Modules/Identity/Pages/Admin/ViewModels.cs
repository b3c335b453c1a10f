using Tongban.Domain.Identity;
using Tongban.Modules.Identity.Features.StaffAdministration;

namespace Tongban.Modules.Identity.Pages.Admin;

/// <summary>The roles-and-scope part of the staff form, shared by 新增人员 and 调整角色 (_StaffScopeFields.cshtml).</summary>
public sealed record StaffScopeFields(StaffFormOptions Options, IReadOnlyCollection<Role> Roles, string? ScopeRegion, Guid? ScopeDepartmentId);

/// <summary>
/// Keyset paging links of a list (_DirectoryPager.cshtml): back to <paramref name="ListPath"/> once past
/// the first page (<paramref name="After"/> set), and on to the page after <paramref name="Next"/>.
/// </summary>
public sealed record DirectoryPager(string ListPath, string? After, string? Next)
{
    public string? NextPage => Next is null ? null : $"{ListPath}{(ListPath.Contains('?', StringComparison.Ordinal) ? '&' : '?')}after={Uri.EscapeDataString(Next)}";
}
