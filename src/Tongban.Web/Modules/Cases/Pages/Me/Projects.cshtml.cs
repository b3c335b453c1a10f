using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tongban.Modules.Cases.Features.OpenProject;
using Tongban.Modules.Cases.Features.ShowProject;
using Tongban.Modules.Identity;
using Tongban.Platform.Http;
using Tongban.Platform.Security;
using Tongban.Platform.Web;

namespace Tongban.Modules.Cases.Pages.Me;

/// <summary>我的工程建设项目: the enterprise's projects, and a form to open a new one.</summary>
[Authorize(Policy = Policies.Applicant)]
public sealed class ProjectsModel(ShowProjectHandler show, OpenProjectHandler open, CurrentUser user, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Name { get; set; }

    public IReadOnlyList<ProjectSummary> Projects { get; private set; } = [];

    public bool IsEnterprise => user.LegalPerson is not null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if ((await show.MineAsync(user.LegalPerson, cancellationToken)).TryGet(out var mine, out var error))
        {
            Projects = mine;
        }
        else
        {
            ModelState.AddError(error);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!(await open.HandleAsync(new OpenProjectRequest(Code, Name), cancellationToken)).TryGet(out var project, out var error))
        {
            ModelState.AddError(error);
            return await OnGetAsync(cancellationToken);
        }

        TempData.Notice(t["项目已创建，审批编号 {0}。", project.Number]);
        return Redirect($"/me/projects/{project.Number}");
    }
}
