using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using Tongban.Domain.Primitives.Calendar;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Features.SubmitApplication;

namespace Tongban.Modules.Cases.Features.ShowCase;

public sealed record CaseMaterialView(string Key, string Name, string Route, bool Required, bool DeficiencyAllowed, string? FileName, string? Sha256, string? Reference, DateTimeOffset? ProvidedAt);

/// <param name="Region">多地联办: the region whose department performs the step (null: the competent department).</param>
public sealed record CaseStepView(string Key, string Name, string Role, int Stage, string? ParallelGroup, string Status, Guid? Assignee, DateTimeOffset? ActivatedAt, DateTimeOffset? DecidedAt, string? Comment, string? ExternalReference,
    string? Region = null, Guid? DepartmentId = null);

/// <summary>收受分离: both sides' responsibilities — the receiving hall, region and clerk, the identity check, the handover, the competent side and the result delivery chosen.</summary>
public sealed record RemoteIntakeView(
    Guid ReceivingHallId, string ReceivingHall, string ReceivingRegion, string ReceivingRegionName, string ReceivingClerk, bool IdentityChecked,
    string CompetentRegion, Guid CompetentDepartmentId, DateTimeOffset HandedOverAt, string ResultDelivery, string ResultDeliveryName, string? PostAddress);

public sealed record CaseEventView(DateTimeOffset At, string Action, string ActorRole, string Status, string? Comment, string? StepKey, IReadOnlyList<string> Attachments);

public sealed record CaseNoticeView(string MaterialKey, string MaterialName, string Reason);

/// <summary>A notice the case has produced (受理通知书, 补正告知书 …) and where to download it as PDF.</summary>
public sealed record CaseDocumentView(string Kind, string Name, string Url);

/// <summary>
/// Where the limits stand: the warning level (normal, yellow, red, paused) and each deadline's remaining working days;
/// the promised limit as counted (workingDays, naturalDays, workingHours) and, for one in working hours, the office minutes left.
/// </summary>
public sealed record CaseClockView(string Level, DateTimeOffset PromisedDeadline, int PromisedRemainingWorkingDays, DateTimeOffset StatutoryDeadline, int StatutoryRemainingWorkingDays, bool Ended, string? PausedFor,
    string PromisedUnit = "workingDays", int PromisedAmount = 0, int? PromisedRemainingMinutes = null);

public sealed record CaseView(
    string CaseNumber, string ImplementationCode, int ImplementationVersion, string Status, string StatusName, int Version, string Channel,
    string ApplicantName, string? AcceptedAs, DateTimeOffset? ReceivedAt, DateTimeOffset? AcceptedAt, bool DeemedAccepted,
    DateTimeOffset? IntakeDeadline, CaseClockView? Clock, string? RefusalReason, DateTimeOffset? DeficiencyDeadline, DateTimeOffset? DeficiencyGraceDeadline,
    string? DecisionOutcome, string? DecisionReasons, string? DecisionLegalBasis, IReadOnlyList<string> InstantApprovalRules,
    string? DeliveryMethod, string? PickupCode, string? TrackingNumber,
    IReadOnlyList<CaseMaterialView> Materials, IReadOnlyList<CaseStepView> Steps, IReadOnlyList<CaseEventView> History, IReadOnlyList<CaseNoticeView> Notices,
    IReadOnlyList<CaseDocumentView> Documents, string? LicenceId,
    RemoteIntakeView? RemoteIntake = null, bool FullyOnline = false, int InPersonVisits = 0,
    IReadOnlyDictionary<string, string>? FormValues = null);

/// <summary>
/// One case as the caller may see it: an applicant their own, staff within their reach (intake,
/// back office, oversight); anyone else gets 404. State, deadlines with remaining working days,
/// materials with the route that satisfied each, steps with times, history and notices. Audited.
/// </summary>
public sealed class ShowCaseHandler(CaseAccess access)
{
    public async Task<Result<CaseView>> HandleAsync(string caseNumber, CancellationToken cancellationToken) =>
        (await access.FindInAnyReachAsync(caseNumber, cancellationToken)).Map(found => ViewOf(found.Case, access));

    public static CaseView ViewOf(Case c, CaseAccess access)
    {
        var now = access.Now;
        var clock = c.TimeStatus(now, access.Calendar, access.Zone, access.Policy).TryGet(out var time, out _)
            ? new CaseClockView(time.Level.ToString(), time.Promised.Deadline, time.Promised.RemainingWorkingDays, time.Statutory.Deadline, time.Statutory.RemainingWorkingDays,
                time.Ended, c.OpenClockStop is { } stop ? stop.Procedure is { } p ? CaseNames.Of(p) : stop.Reason : null,
                LimitTexts.Wire(time.Promised.Unit), c.PromisedLimit?.Amount ?? 0,
                time.Promised.Unit == TimeLimitUnit.WorkingHours ? time.Promised.RemainingWorkingMinutes : null)
            : null;
        return new CaseView(
            c.Number?.Value ?? "", c.ImplementationCode.Value, c.ImplementationVersion, SubmitApplicationHandler.WireStatus(c.Status), CaseNames.Of(c.Status), c.Version, c.Channel.ToString(),
            c.Applicant.Name, c.AcceptedAs?.ToString(), c.ReceivedAt, c.AcceptedAt, c.DeemedAccepted,
            c.Status == CaseStatus.Submitted ? c.IntakeDeadline(access.Calendar, access.Zone) : null, clock, c.RefusalReason,
            c.Deficiency?.Deadline, c.Deficiency?.GraceDeadline,
            c.Decision?.Outcome.ToString(), c.Decision?.Reasons, c.Decision?.LegalBasis, [.. c.InstantApprovalRules.Select(r => r.Name)],
            c.Delivery?.Method.ToString(), c.Delivery?.PickupCode, c.Delivery?.TrackingNumber,
            [.. c.Materials.Select(m => new CaseMaterialView(m.Key, m.Name, m.Route.ToString(), m.Required, m.DeficiencyAllowed, m.File?.FileName, m.File?.Sha256,
                m.LicenceId ?? m.ResourceReference, m.ProvidedAt))],
            [.. c.Steps.Select(s => new CaseStepView(s.Key, s.Name, s.Role, s.Stage, s.ParallelGroup, s.Status.ToString(), s.Assignee, s.ActivatedAt, s.DecidedAt, s.Comment, s.ExternalReference, s.Region, s.DepartmentId))],
            [.. c.History.Select(e => new CaseEventView(e.At, e.Action.ToString(), e.ActorRole, SubmitApplicationHandler.WireStatus(e.Status), e.Comment, e.StepKey, e.Attachments))],
            [.. c.CorrectionNotice.Select(i => new CaseNoticeView(i.MaterialKey, c.Materials.FirstOrDefault(m => m.Key == i.MaterialKey)?.Name ?? i.MaterialKey, i.Reason))],
            [.. CaseDocuments.CaseDocuments.AvailableFor(c).Select(d => new CaseDocumentView(d.Slug, d.Name, d.PathFor(c.Number!.Value.Value)))],
            c.Issuance?.LicenceId,
            RemoteIntakeOf(c), c.FullyOnline, c.InPersonVisits, c.FormValues);
    }

    public static RemoteIntakeView? RemoteIntakeOf(Case c) => c.RemoteIntake is not { } r ? null : new RemoteIntakeView(
        r.ReceivingHallId, r.ReceivingHallName, r.ReceivingRegion, r.ReceivingRegionName, r.ReceivingClerkName, r.IdentityChecked,
        r.CompetentRegion, r.CompetentDepartmentId, r.HandedOverAt, r.ResultDelivery.ToString(), RemoteIntake.NameOf(r.ResultDelivery), r.PostAddress);
}
