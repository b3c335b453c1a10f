using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tongban.Modules.Organisation;
using Tongban.Modules.Supervision;
using Tongban.Platform.Security;
using Tongban.Platform.Web;

namespace Tongban.Modules.Identity.Pages;

/// <summary>The staff home: roles, the scope they act in, and the 预警 pushed to them.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class WorkbenchModel(CurrentUser me, IOrganisationDirectory directory, IStaffWarningNotices notices, IStringLocalizer<SharedResource> t) : PageModel
{
    public string Name { get; private set; } = "";
    public IReadOnlyList<string> Roles { get; private set; } = [];
    public string ScopeDescription { get; private set; } = "";
    public WarningNoticeCounts Warnings { get; private set; } = new(0, 0);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Name = me.DisplayName;
        Roles = [.. me.Roles.Order().Select(r => RoleNames.Of(r, t))];
        ScopeDescription = me.Scope is { } scope
            ? await directory.DescribeScopeAsync(scope.Region, scope.DepartmentId, cancellationToken)
            : "";
        Warnings = me.AccountId is { } account ? await notices.UnreadAsync(account, cancellationToken) : Warnings;
    }
}
