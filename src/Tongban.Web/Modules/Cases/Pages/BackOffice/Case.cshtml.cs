using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tongban.Domain.Cases;
using Tongban.Domain.Identity;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.ApproveStep;
using Tongban.Modules.Cases.Features.CompleteCase;
using Tongban.Modules.Cases.Features.DecideCase;
using Tongban.Modules.Cases.Features.DeliverResult;
using Tongban.Modules.Cases.Features.ExtendDeadline;
using Tongban.Modules.Cases.Features.IssueResult;
using Tongban.Modules.Cases.Features.ListBackOfficeCases;
using Tongban.Modules.Cases.Features.RevokeApproval;
using Tongban.Modules.Cases.Features.SendBackStep;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Features.ShowCase;
using Tongban.Modules.Cases.Features.SpecialProcedures;
using Tongban.Modules.Cases.Features.TransferStep;
using Tongban.Modules.Cases.Persistence;
using Tongban.Modules.Catalog;
using Tongban.Modules.Identity;
using Tongban.Platform.Http;
using Tongban.Platform.Web;

namespace Tongban.Modules.Cases.Pages.BackOffice;

/// <summary>One paused period of the clock with the working days it moved the deadlines.</summary>
public sealed record PauseRow(string What, string Reason, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, int WorkingDays);

/// <summary>
/// 后台办件: the application, its materials and steps, and every back-office action as a form carrying the
/// version the page showed (a stale form gets a clear 'changed meanwhile'). Staff outside the back office
/// (supervisors, window clerks in region) read it without the forms.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class CaseModel(
    CaseAccess access, CaseStore cases, ICatalog catalog, IStaffDirectory staff, IStringLocalizer<SharedResource> t,
    ApproveStepHandler approve, SendBackStepHandler sendBack, TransferStepHandler transfer, SpecialProcedureHandler procedures,
    ExtendDeadlineHandler extend, DecideCaseHandler decide, IssueResultHandler issue, DeliverResultHandler deliver, CompleteCaseHandler complete,
    RevokeApprovalHandler revoke, HeldLicenceChecks licenceChecks) : PageModel
{
    /// <summary>Each material a held licence satisfied, with the licence as it stands today.</summary>
    public IReadOnlyDictionary<string, Licences.HeldLicence?> LicenceChecks { get; private set; } = new Dictionary<string, Licences.HeldLicence?>();

    [BindProperty] public int? ExpectedVersion { get; set; }
    [BindProperty] public string? StepKey { get; set; }
    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public string? ToStepKey { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? ToEmployeeId { get; set; }
    [BindProperty] public string? Procedure { get; set; }
    [BindProperty] public int WorkingDays { get; set; }
    [BindProperty] public string? RequestedBy { get; set; }
    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public string? Reasons { get; set; }
    [BindProperty] public string? LegalBasis { get; set; }
    [BindProperty] public string? Method { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public string? Carrier { get; set; }
    [BindProperty] public string? TrackingNumber { get; set; }

    public CaseView View { get; private set; } = null!;
    public Case Case { get; private set; } = null!;

    /// <summary>The caller is in the case's back office (not only reading it).</summary>
    public bool CanAct { get; private set; }
    public bool IsSuperior => access.User.HasAnyRole(Role.DepartmentAdmin, Role.PlatformAdmin);
    public IReadOnlyList<StaffProfile> Approvers { get; private set; } = [];
    public IReadOnlyList<PauseRow> Pauses { get; private set; } = [];

    /// <summary>The warning level under the city's configured share, as the back-office list shows it.</summary>
    public string? Warning { get; private set; }
    public int PausedWorkingDays => Pauses.Sum(p => p.WorkingDays);

    /// <summary>The e-form's labels by field key, from the version the case started with.</summary>
    public IReadOnlyDictionary<string, string> FieldLabels { get; private set; } = new Dictionary<string, string>();

    public string RoleName(string role) => BackOfficeActors.RoleName(role, t);

    public string? AssigneeName(Guid? account) => account is null ? null : Approvers.FirstOrDefault(a => a.AccountId == account)?.DisplayName ?? t["本部门其他人员"];

    /// <summary>The caller may act on the step: holds its role, and it is unassigned or assigned to them.</summary>
    public bool Holds(CaseStep step) => CanAct && step.Status == CaseStepStatus.Active && access.ActingAs(step.Role) is { } actor && (step.Assignee is null || step.Assignee == actor.AccountId);

    public async Task<IActionResult> OnGetAsync(string caseNumber, CancellationToken cancellationToken)
    {
        if (await LoadAsync(caseNumber, cancellationToken) is { } missing)
        {
            return missing;
        }

        await cases.SaveChangesAsync(cancellationToken); // the audit entry of this read of personal data
        return Page();
    }

    public Task<IActionResult> OnPostApproveAsync(string caseNumber, CancellationToken cancellationToken) =>
        ActAsync(caseNumber, () => approve.HandleAsync(caseNumber, StepKey ?? "", new ApproveStepRequest(Comment, ExpectedVersion), cancellationToken), t["已审查通过。"], cancellationToken);

    public Task<IActionResult> OnPostSendBackAsync(string caseNumber, CancellationToken cancellationToken) =>
        ActAsync(caseNumber, () => sendBack.HandleAsync(caseNumber, StepKey ?? "", new SendBackStepRequest(ToStepKey, Reason, ExpectedVersion), cancellationToken), t["已退回。"], cancellationToken);

    public Task<IActionResult> OnPostTransferAsync(string caseNumber, CancellationToken cancellationToken) =>
        ActAsync(caseNumber, () => transfer.HandleAsync(caseNumber, StepKey ?? "", new TransferStepRequest(ToEmployeeId, Reason, ExpectedVersion), cancellationToken), t["已转办。"], cancellationToken);

    public Task<IActionResult> OnPostStartProcedureAsync(string caseNumber, CancellationToken cancellationToken) =>
        ActAsync(caseNumber, () => procedures.StartAsync(caseNumber, new StartSpecialProcedureRequest(Procedure, Reason, ExpectedVersion), cancellationToken), t["特别程序已启动，计时暂停。"], cancellationToken);

    public Task<IActionResult> OnPostEndProcedureAsync(string caseNumber, CancellationToken cancellationToken) =>
        ActAsync(caseNumber, () => procedures.EndAsync(caseNumber, new EndSpecialProcedureRequest(Comment, ExpectedVersion), cancellationToken), t["特别程序已结束，恢复计时。"], cancellationToken);

    public Task<IActionResult> OnPostExtendAsync(string caseNumber, CancellationToken cancellationToken) =>
        ActAsync(caseNumber, () => extend.HandleAsync(caseNumber, new ExtendDeadlineRequest(WorkingDays, Reason, RequestedBy, ExpectedVersion), cancellationToken), t["已批准延长办理时限。"], cancellationToken);

    public Task<IActionResult> OnPostDecideAsync(string caseNumber, CancellationToken cancellationToken) =>
        ActAsync(caseNumber, () => decide.HandleAsync(caseNumber, new DecideCaseRequest(Outcome, Reasons, LegalBasis, Comment, ExpectedVersion), cancellationToken), t["已作出决定。"], cancellationToken);

    public Task<IActionResult> OnPostIssueAsync(string caseNumber, CancellationToken cancellationToken) =>
        ActAsync(caseNumber, () => issue.HandleAsync(caseNumber, new IssueResultRequest(ExpectedVersion), cancellationToken), t["已制证。"], cancellationToken);

    public Task<IActionResult> OnPostDeliverAsync(string caseNumber, CancellationToken cancellationToken) =>
        ActAsync(caseNumber, () => deliver.HandleAsync(caseNumber, new DeliverResultRequest(Method, Address, Carrier, TrackingNumber, ExpectedVersion), cancellationToken), t["已登记送达。"], cancellationToken);

    public Task<IActionResult> OnPostCompleteAsync(string caseNumber, CancellationToken cancellationToken) =>
        ActAsync(caseNumber, () => complete.HandleAsync(caseNumber, new CompleteCaseRequest(Comment, ExpectedVersion), cancellationToken), t["已办结。"], cancellationToken);

    public Task<IActionResult> OnPostRevokeAsync(string caseNumber, CancellationToken cancellationToken) =>
        ActAsync(caseNumber, () => revoke.HandleAsync(caseNumber, new RevokeApprovalRequest(Reason, ExpectedVersion), cancellationToken), t["已撤销许可。"], cancellationToken);

    private async Task<IActionResult> ActAsync(string caseNumber, Func<Task<Result<CaseView>>> action, string done, CancellationToken cancellationToken)
    {
        var result = await action();
        if (result.IsSuccess)
        {
            TempData.Notice(done);
            return Redirect($"/workbench/cases/{caseNumber}");
        }

        if (await LoadAsync(caseNumber, cancellationToken) is { } missing)
        {
            return missing;
        }

        ModelState.AddError(result.Error!);
        return Page();
    }

    /// <summary>Null when the page can be shown; a case outside the caller's reach is 404.</summary>
    private async Task<IActionResult?> LoadAsync(string caseNumber, CancellationToken cancellationToken)
    {
        if (!(await access.FindInAnyReachAsync(caseNumber, cancellationToken)).TryGet(out var found, out _) || found.Reach == CaseReach.Applicant)
        {
            return NotFound();
        }

        Case = found.Case;
        View = ShowCaseHandler.ViewOf(Case, access);
        LicenceChecks = await licenceChecks.OfAsync(Case, cancellationToken);
        CanAct = access.Reaches(Case, CaseReach.BackOffice);
        Approvers = await staff.InDepartmentAsync(Case.DepartmentId, Role.Approver, cancellationToken);
        var published = await catalog.FindPublishedAsync(Case.ImplementationCode, Case.ImplementationVersion, cancellationToken);
        FieldLabels = published?.Content.Form.ToDictionary(f => f.Key, f => f.Label, StringComparer.Ordinal) ?? new Dictionary<string, string>();
        Pauses = [.. Case.ClockStops.Select(Pause)];
        Warning = Case.TimeStatus(access.Now, access.Calendar, access.Zone, access.Policy).TryGet(out var time, out _) ? ListBackOfficeCasesHandler.Wire(time.Level) : null;
        return null;
    }

    private PauseRow Pause(ClockStop stop)
    {
        var end = stop.EndedAt ?? access.Now;
        var anchor = Case.PromisedBaseDeadline!.Value;
        var moved = access.Calendar.ExtendForPauses(anchor, [(stop.StartedAt, end > stop.StartedAt ? end : stop.StartedAt)], access.Zone);
        var days = access.Calendar.WorkingDaysBetween(Day(anchor), Day(moved));
        var what = stop.Procedure is { } procedure ? CaseNames.Of(procedure) : t["等待补齐材料"];
        return new PauseRow(what, stop.Reason, stop.StartedAt, stop.EndedAt, days);
    }

    private DateOnly Day(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, access.Zone).DateTime);
}
