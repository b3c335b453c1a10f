using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Modules.Organisation.Features.ListDepartments;

namespace Tongban.Modules.Organisation.Pages.Departments;

public sealed class DepartmentsModel(ListDepartmentsHandler listDepartments) : PageModel
{
    public IReadOnlyList<DepartmentRow> Departments { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Departments = await listDepartments.HandleAsync(cancellationToken);
}
