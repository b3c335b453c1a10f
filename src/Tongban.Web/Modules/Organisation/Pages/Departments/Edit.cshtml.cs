using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tongban.Domain.Primitives;
using Tongban.Modules.Organisation.Features.EditDepartment;
using Tongban.Modules.Organisation.Features.Shared;
using Tongban.Platform.Http;
using Tongban.Platform.Web;

namespace Tongban.Modules.Organisation.Pages.Departments;

/// <summary>Edits a department; one outside the administrator's scope answers 404 to GET and POST alike.</summary>
public sealed class EditDepartmentModel(EditDepartmentHandler editDepartment, OrganisationScope scope, IStringLocalizer<SharedResource> t)
    : DepartmentFormModel(scope)
{
    /// <summary>The version the form was filled from (optimistic concurrency).</summary>
    [BindProperty]
    public int Version { get; set; }

    public DepartmentDetails Department { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        (Name, RegionCode, ParentId, Version) = (Department.Name, Department.Region.Value, Department.Parent?.Id, Department.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var region = ReadRegion();
        ModelState.AddErrors(region.Error);
        if (ModelState.IsValid)
        {
            var edited = await editDepartment.HandleAsync(new EditDepartment(id, Version, Name, region.Value, ParentId), cancellationToken);
            if (edited.IsSuccess)
            {
                TempData.Notice(t["已保存部门“{0}”。", Name!.Trim()]);
                return Redirect("/admin/departments");
            }

            if (edited.Error is NotFound)
            {
                return NotFound();
            }

            ModelState.AddError(edited.Error);
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!(await editDepartment.GetAsync(id, cancellationToken)).TryGet(out var department, out _))
        {
            return false;
        }

        Department = department;
        await LoadChoicesAsync(id, department.Parent, cancellationToken);
        return true;
    }
}
