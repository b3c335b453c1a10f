using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Domain.Primitives;
using Tongban.Modules.Organisation.Features.Shared;

namespace Tongban.Modules.Organisation.Pages.Departments;

/// <summary>The fields the new and edit department pages share (_DepartmentFields.cshtml) and their choices.</summary>
public abstract class DepartmentFormModel(OrganisationScope scope) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? RegionCode { get; set; }

    [BindProperty]
    public Guid? ParentId { get; set; }

    public IReadOnlyList<RegionNode> Regions { get; private set; } = [];

    public IReadOnlyList<DepartmentOption> Parents { get; private set; } = [];

    /// <summary>Loads the region tree and the possible parents, leaving out the department itself.</summary>
    /// <param name="keptParent">The current parent, offered even when it lies outside the scope.</param>
    protected async Task LoadChoicesAsync(Guid? self, DepartmentOption? keptParent, CancellationToken cancellationToken)
    {
        Regions = await scope.RegionTreeAsync(cancellationToken);
        var parents = (await scope.DepartmentOptionsAsync(cancellationToken)).Where(d => d.Id != self).ToList();
        if (keptParent is not null && !parents.Exists(d => d.Id == keptParent.Id))
        {
            parents.Insert(0, keptParent);
        }

        Parents = parents;
    }

    protected Result<RegionCode> ReadRegion() => FormInput.Region(RegionCode, nameof(RegionCode));
}
