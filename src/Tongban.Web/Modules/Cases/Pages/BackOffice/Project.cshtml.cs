using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.ProjectSpecialProcedures;
using Tongban.Modules.Cases.Features.RecordProjectInspection;
using Tongban.Modules.Cases.Features.ShowProject;
using Tongban.Modules.Identity;
using Tongban.Platform;
using Tongban.Platform.Http;
using Tongban.Platform.Web;

namespace Tongban.Modules.Cases.Pages.BackOffice;

/// <summary>
/// 工程建设项目 for staff of an involved department (who handle one of its cases; audited): the stages and
/// their cases, the clock and the department shares; the joint inspection scheduled and recorded once; 特别程序.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ProjectModel(
    ShowProjectHandler show, RecordProjectInspectionHandler inspections, ProjectSpecialProceduresHandler procedures, CityClock clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Number { get; set; } = "";
    [BindProperty] public string? Stage { get; set; }
    [BindProperty] public DateTime? At { get; set; }
    [BindProperty] public string? Procedure { get; set; }
    [BindProperty] public string? Note { get; set; }

    public ProjectView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!(await show.ForStaffAsync(Number, cancellationToken)).TryGet(out var view, out _))
        {
            return NotFound();
        }

        View = view;
        return Page();
    }

    public Task<IActionResult> OnPostScheduleAsync(CancellationToken cancellationToken) =>
        ActAsync(() => inspections.HandleAsync(Number, new ProjectInspectionRequest(Stage, "schedule", At is { } at ? Local(at) : null), cancellationToken), t["联合踏勘（验收）时间已安排。"], cancellationToken);

    public Task<IActionResult> OnPostRecordAsync(CancellationToken cancellationToken) =>
        ActAsync(() => inspections.HandleAsync(Number, new ProjectInspectionRequest(Stage, "record", null), cancellationToken), t["联合踏勘（验收）已记录，各参加部门共用。"], cancellationToken);

    public Task<IActionResult> OnPostStartProcedureAsync(CancellationToken cancellationToken) =>
        ActAsync(() => procedures.StartAsync(Number, new ProjectSpecialProcedureRequest(Stage, Procedure, Note), cancellationToken), t["特别程序已开始，期间不计入审批时间。"], cancellationToken);

    public Task<IActionResult> OnPostEndProcedureAsync(CancellationToken cancellationToken) =>
        ActAsync(() => procedures.EndAsync(Number, new ProjectSpecialProcedureRequest(Stage, null, null), cancellationToken), t["特别程序已结束。"], cancellationToken);

    private DateTimeOffset Local(DateTime at) => clock.InstantOf(DateOnly.FromDateTime(at), TimeOnly.FromDateTime(at));

    private async Task<IActionResult> ActAsync(Func<Task<Result<ProjectView>>> action, string done, CancellationToken cancellationToken)
    {
        if (!(await action()).TryGet(out _, out var error))
        {
            if (error is NotFound)
            {
                return NotFound();
            }

            ModelState.AddError(error);
            return await OnGetAsync(cancellationToken);
        }

        TempData.Notice(done);
        return Redirect($"/workbench/projects/{Number}");
    }
}
