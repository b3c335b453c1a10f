using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tongban.Domain.Organisation;
using Tongban.Domain.Primitives;
using Tongban.Modules.Organisation.Features.CloseWindow;
using Tongban.Modules.Organisation.Features.OpenWindow;
using Tongban.Modules.Organisation.Features.Shared;
using Tongban.Modules.Organisation.Features.ShowHall;
using Tongban.Platform.Http;
using Tongban.Platform.Web;

namespace Tongban.Modules.Organisation.Pages.Halls;

/// <summary>A hall and its windows: open a window, close one. A hall outside the scope answers 404.</summary>
public sealed class HallModel(
    ShowHallHandler showHall,
    OpenWindowHandler openWindow,
    CloseWindowHandler closeWindow,
    OrganisationScope scope,
    IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public string? Number { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public WindowKind Kind { get; set; } = WindowKind.Comprehensive;

    [BindProperty]
    public Guid? DepartmentId { get; set; }

    public HallView Hall { get; private set; } = null!;

    public IReadOnlyList<DepartmentOption> Departments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostOpenAsync(Guid id, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var opened = await openWindow.HandleAsync(new OpenWindow(id, Number, Name, Kind, DepartmentId), cancellationToken);
            if (opened.IsSuccess)
            {
                TempData.Notice(t["已开设窗口 {0}。", Number!.Trim()]);
                return Redirect($"/admin/halls/{id}");
            }

            if (opened.Error is NotFound)
            {
                return NotFound();
            }

            ModelState.AddError(opened.Error);
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, Guid windowId, CancellationToken cancellationToken)
    {
        var closed = await closeWindow.HandleAsync(new CloseWindow(id, windowId), cancellationToken);
        if (closed.IsSuccess)
        {
            TempData.Notice(t["已关闭窗口 {0}。", closed.Value.Number]);
            return Redirect($"/admin/halls/{id}");
        }

        // The hall out of reach answers 404; a window someone else already closed is explained on the page.
        if (closed.Error is NotFound { Code: "hall.not-found" })
        {
            return NotFound();
        }

        ModelState.AddError(closed.Error);
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!(await showHall.HandleAsync(id, cancellationToken)).TryGet(out var hall, out _))
        {
            return false;
        }

        Hall = hall;
        Departments = await scope.DepartmentOptionsAsync(cancellationToken);
        return true;
    }
}
