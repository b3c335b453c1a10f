using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tongban.Modules.Organisation;
using Tongban.Platform.Security;
using Tongban.Platform.Web;

namespace Tongban.Modules.Identity.Pages;

/// <summary>The staff home: roles, the scope they act in, and what waits for them.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class WorkbenchModel(CurrentUser me, IOrganisationDirectory directory, IEnumerable<IWorkbenchNotices> noticeSources, IStringLocalizer<SharedResource> t) : PageModel
{
    public string Name { get; private set; } = "";
    public IReadOnlyList<string> Roles { get; private set; } = [];
    public string ScopeDescription { get; private set; } = "";

    /// <summary>What waits for the caller, from every module that has something to tell.</summary>
    public IReadOnlyList<WorkbenchNotice> Notices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Name = me.DisplayName;
        Roles = [.. me.Roles.Order().Select(r => RoleNames.Of(r, t))];
        ScopeDescription = me.Scope is { } scope
            ? await directory.DescribeScopeAsync(scope.Region, scope.DepartmentId, cancellationToken)
            : "";
        var notices = new List<WorkbenchNotice>();
        foreach (var source in noticeSources)
        {
            notices.AddRange(await source.ForCallerAsync(cancellationToken));
        }

        Notices = notices;
    }
}
