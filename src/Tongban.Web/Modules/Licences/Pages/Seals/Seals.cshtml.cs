using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tongban.Modules.Identity;
using Tongban.Modules.Licences.Features.ManageSeals;
using Tongban.Platform.Http;
using Tongban.Platform.Web;

namespace Tongban.Modules.Licences.Pages.Seals;

/// <summary>印章管理: the departments' seals an administrator may act on, a preview of each seal, and 换章.</summary>
[Authorize(Policy = Policies.StaffAdmin)]
public sealed class SealsModel(ManageSealsHandler handler, IStringLocalizer<SharedResource> t) : PageModel
{
    public IReadOnlyList<DepartmentSeals> Departments { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Departments = await handler.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostRotateAsync(Guid departmentId, CancellationToken cancellationToken)
    {
        var rotated = await handler.RotateAsync(departmentId, cancellationToken);
        if (rotated.TryGet(out var seal, out var error))
        {
            TempData.Notice(t["{0}已换章：第 {1} 代印章（密钥 {2}）启用，旧印章签发的证照仍可核验。", seal.DepartmentName, seal.Generation, seal.KeyId]);
            return RedirectToPage();
        }

        ModelState.AddError(error);
        Departments = await handler.ListAsync(cancellationToken);
        return Page();
    }
}
