using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tongban.Modules.Organisation.Features.CreateDepartment;
using Tongban.Modules.Organisation.Features.Shared;
using Tongban.Platform.Http;
using Tongban.Platform.Web;

namespace Tongban.Modules.Organisation.Pages.Departments;

public sealed class NewDepartmentModel(CreateDepartmentHandler createDepartment, OrganisationScope scope, IStringLocalizer<SharedResource> t)
    : DepartmentFormModel(scope)
{
    [BindProperty]
    public string? Uscc { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadChoicesAsync(null, null, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var uscc = FormInput.Uscc(Uscc, nameof(Uscc));
        var region = ReadRegion();
        ModelState.AddErrors(uscc.Error, region.Error);
        if (ModelState.IsValid)
        {
            var created = await createDepartment.HandleAsync(new CreateDepartment(uscc.Value, Name, region.Value, ParentId), cancellationToken);
            if (created.IsSuccess)
            {
                TempData.Notice(t["已新增部门“{0}”。", Name!.Trim()]);
                return Redirect("/admin/departments");
            }

            ModelState.AddError(created.Error);
        }

        await LoadChoicesAsync(null, null, cancellationToken);
        return Page();
    }
}
