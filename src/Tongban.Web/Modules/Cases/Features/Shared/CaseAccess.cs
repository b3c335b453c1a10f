using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Domain.Cases;
using Tongban.Domain.Identity;
using Tongban.Domain.Primitives;
using Tongban.Domain.Primitives.Calendar;
using Tongban.Modules.Cases;
using Tongban.Modules.Cases.Persistence;
using Tongban.Platform;
using Tongban.Platform.Persistence;
using Tongban.Platform.Security;

namespace Tongban.Modules.Cases.Features.Shared;

/// <summary>In which capacity the caller reaches a case.</summary>
public enum CaseReach
{
    /// <summary>The applicant: a citizen's own case, an enterprise agent's enterprise's case.</summary>
    Applicant,

    /// <summary>综合窗口: a window clerk whose region covers the case's region (无差别受理).</summary>
    Intake,

    /// <summary>后台审批: an approver (or department admin, or the department's own system) of the competent department, in region.</summary>
    BackOffice,

    /// <summary>Read-only oversight: supervisors and region admins in region.</summary>
    Oversight,

    /// <summary>收受分离 代收件: read-only, a window clerk of the region whose hall received the case for another region.</summary>
    RemoteReceiver,

    /// <summary>多地联办: an approver of another region's department whose step of the case is open (acts on that step only).</summary>
    JointStep,
}

/// <summary>
/// The one way use cases reach and change a case: find it in the caller's reach (outside it the case
/// is not found, so its existence does not leak), run one aggregate transition as the caller, audit it
/// with the status before and after, and save under optimistic concurrency. When another action saved
/// the case first, the caller gets a 409 naming the status the case is in now, and nothing changes.
/// </summary>
public sealed class CaseAccess(CaseStore cases, TongbanDbContext db, CurrentUser user, AuditTrail audit, CityClock clock, WorkingCalendar calendar, IOptions<CaseTimeOptions> options, IEnumerable<IAfterDecision> afterDecision, IEnumerable<IOnCaseTransition> onTransition, IEnumerable<IAfterSave> afterSave)
{
    private List<Case>? _deferred;

    /// <summary>The city's configured case-handling numbers (warning share, 容缺 grace period).</summary>
    public CasePolicy Policy => options.Value.Policy;

    public WorkingCalendar Calendar => calendar;

    public TimeZoneInfo Zone => clock.Zone;

    public DateTimeOffset Now => clock.UtcNow;

    public CurrentUser User => user;

    /// <summary>Whether the caller reaches the case in that capacity.</summary>
    public bool Reaches(Case @case, CaseReach reach) => reach switch
    {
        CaseReach.Applicant => IsApplicant(@case.Applicant),
        CaseReach.Intake => user.IsStaff && user.HasAnyRole(Role.WindowClerk, Role.PlatformAdmin) && user.CanSeeRegion(@case.RegionCode),
        CaseReach.BackOffice => user.IsStaff && user.HasAnyRole(Role.Approver, Role.DepartmentAdmin, Role.DepartmentSystem, Role.PlatformAdmin)
            && user.CanActOn(@case.RegionCode, @case.DepartmentId),
        CaseReach.Oversight => user.IsStaff && user.HasAnyRole(Role.Supervisor, Role.RegionAdmin, Role.PlatformAdmin) && user.CanSeeRegion(@case.RegionCode),
        CaseReach.RemoteReceiver => user.IsStaff && user.HasAnyRole(Role.WindowClerk) && @case.ReceivedInRegion is { } received && user.CanSeeRegion(received),
        CaseReach.JointStep => @case.Steps.Any(s => s.Status == CaseStepStatus.Active && ReachesStep(@case, s)),
    };

    /// <summary>
    /// 多地联办: whether the caller may act on the step as back-office staff: a step another region's
    /// department performs belongs to that department; every other step to the competent department.
    /// </summary>
    public bool ReachesStep(Case @case, CaseStep step) =>
        user.IsStaff && user.HasAnyRole(Role.Approver, Role.DepartmentAdmin, Role.DepartmentSystem, Role.PlatformAdmin)
        && (step.Region is { } region
            ? user.CanActOn(RegionCode.FromTrusted(region), step.DepartmentId)
            : user.CanActOn(@case.RegionCode, @case.DepartmentId));

    /// <summary>The caller is this applicant: an enterprise agent for their enterprise, a citizen for themselves.</summary>
    public bool IsApplicant(Applicant applicant) =>
        (user.LegalPerson is { } uscc && applicant.Uscc == uscc)
        || (user.LegalPerson is null && user.Person is { } person && applicant.IdNumber == person);

    /// <summary>The first capacity (in declaration order) in which the caller reaches the case, if any.</summary>
    public CaseReach? ReachOf(Case @case) =>
        Enum.GetValues<CaseReach>().Where(r => Reaches(@case, r)).Select(r => (CaseReach?)r).FirstOrDefault();

    /// <summary>The caller as a case actor in that capacity: applicants act as <see cref="CaseActor.ApplicantRole"/>, staff in the role the capacity needs.</summary>
    public CaseActor Actor(CaseReach reach)
    {
        var account = user.AccountId ?? throw new InvalidOperationException("Acting on a case needs a signed-in account.");
        return reach switch
        {
            CaseReach.Applicant => CaseActor.Applicant(account),
            CaseReach.Intake => new CaseActor(account, RoleFor(Role.WindowClerk)),
            CaseReach.BackOffice => new CaseActor(account, RoleFor(Role.Approver)),
            CaseReach.Oversight => new CaseActor(account, RoleFor(Role.Supervisor)),
            CaseReach.RemoteReceiver => new CaseActor(account, RoleFor(Role.WindowClerk)),
            CaseReach.JointStep => new CaseActor(account, RoleFor(Role.Approver)),
        };
    }

    /// <summary>The caller acting in a named role (a step's role), when they hold it.</summary>
    public CaseActor? ActingAs(string role) =>
        user.AccountId is { } account && Enum.TryParse<Role>(role, out var parsed) && user.Roles.Contains(parsed)
            ? new CaseActor(account, role)
            : null;

    /// <summary>
    /// Finds a case in the caller's reach to show it, and stores the audit record of the read (by
    /// default <c>cases.view</c>; a download names its own action and details).
    /// </summary>
    public async Task<Result<Case>> FindAsync(string caseNumber, CaseReach reach, CancellationToken cancellationToken, string auditAction = "cases.view", object? details = null)
    {
        if (!(await LoadInReachAsync(caseNumber, reach, cancellationToken)).TryGet(out var found, out var notFound))
        {
            return notFound;
        }

        await RecordReadAsync(found, auditAction, details, cancellationToken);
        return found;
    }

    /// <summary>As <see cref="FindAsync"/>, in any capacity the caller has (the first that reaches the case).</summary>
    public async Task<Result<(Case Case, CaseReach Reach)>> FindInAnyReachAsync(string caseNumber, CancellationToken cancellationToken, string auditAction = "cases.view", object? details = null)
    {
        var found = await LoadAsync(caseNumber, cancellationToken);
        if (found is null || ReachOf(found) is not { } reach)
        {
            return new NotFound("cases.case-not-found", caseNumber ?? "");
        }

        await RecordReadAsync(found, auditAction, details, cancellationToken);
        return (found, reach);
    }

    /// <summary>
    /// Runs one transition on the case as the caller in <paramref name="reach"/> and saves it with its
    /// audit record. <paramref name="expectedVersion"/> is the version the caller saw (a form's hidden
    /// field, an API body); when the case has moved on since, or another action saves first, the answer
    /// is a 409 with the current status.
    /// </summary>
    public Task<Result<Case>> ActAsync(
        string caseNumber, CaseReach reach, int? expectedVersion, string auditAction,
        Func<Case, CaseActor, Result> transition, CancellationToken cancellationToken, object? details = null) =>
        ActAsync(caseNumber, reach, expectedVersion, auditAction, (c, actor) => Task.FromResult(transition(c, actor)), cancellationToken, details);

    /// <summary>As the synchronous overload, for a transition that first looks something up (the item's terms, the applicant's standing).</summary>
    public Task<Result<Case>> ActAsync(
        string caseNumber, CaseReach reach, int? expectedVersion, string auditAction,
        Func<Case, CaseActor, Task<Result>> transition, CancellationToken cancellationToken, object? details = null) =>
        ActInAsync(caseNumber, c => Reaches(c, reach) ? reach : null, expectedVersion, auditAction, transition, cancellationToken, details);

    /// <summary>
    /// Acts on one back-office step: as the competent back office, or (多地联办) as the department of
    /// another region that performs that step while it is open. The step's own region decides who may act.
    /// </summary>
    public Task<Result<Case>> ActOnStepAsync(
        string caseNumber, string stepKey, int? expectedVersion, string auditAction,
        Func<Case, CaseActor, Result> transition, CancellationToken cancellationToken, object? details = null) =>
        ActInAsync(caseNumber,
            c => Reaches(c, CaseReach.BackOffice) ? CaseReach.BackOffice
                : c.Steps.FirstOrDefault(s => s.Key == stepKey?.Trim()) is { Status: CaseStepStatus.Active } step && ReachesStep(c, step) ? CaseReach.JointStep : null,
            expectedVersion, auditAction,
            (c, actor) => Task.FromResult(c.Steps.FirstOrDefault(s => s.Key == stepKey?.Trim()) is { } named && !ReachesStep(c, named)
                ? RemoteIntakeErrors.StepBelongsToAnotherRegion(named.Name, named.Region ?? c.RegionCode.Value)
                : transition(c, actor)),
            cancellationToken, details);

    private async Task<Result<Case>> ActInAsync(
        string caseNumber, Func<Case, CaseReach?> reachOf, int? expectedVersion, string auditAction,
        Func<Case, CaseActor, Task<Result>> transition, CancellationToken cancellationToken, object? details)
    {
        // The transition's own audit record covers the read.
        var @case = await LoadAsync(caseNumber, cancellationToken);
        if (@case is null || reachOf(@case) is not { } reach)
        {
            return new NotFound("cases.case-not-found", caseNumber ?? "");
        }

        var before = @case.Status;
        var decidedBefore = @case.Decision is not null;
        if (expectedVersion is { } version && db.ExpectVersion(@case, version, ChangedMeanwhile(@case.Status)) is { IsSuccess: false } stale)
        {
            return stale.Error!;
        }

        // A transition that breaks a rule changes nothing, so there is nothing to undo.
        var actor = Actor(reach);
        if (await transition(@case, actor) is { IsSuccess: false } refused)
        {
            return refused.Error!;
        }

        if (!decidedBefore && @case.Decision is not null)
        {
            foreach (var step in afterDecision)
            {
                await step.RunAsync(@case, actor, Now, cancellationToken);
            }
        }

        foreach (var step in onTransition)
        {
            await step.RunAsync(@case, before, cancellationToken);
        }

        audit.Record(auditAction, nameof(Case), @case.Number!.Value.Value,
            before: new { status = before.ToString() },
            after: new { status = @case.Status.ToString(), details });
        try
        {
            await cases.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            audit.TakePending();
            db.ChangeTracker.Clear();
            var current = await cases.Cases.AsNoTracking().Where(c => c.Id == @case.Id).Select(c => c.Status).FirstAsync(cancellationToken);
            return ChangedMeanwhile(current);
        }

        if (_deferred is { } deferred)
        {
            deferred.Add(@case);
        }
        else
        {
            foreach (var step in afterSave)
            {
                await step.RunAsync(@case, cancellationToken);
            }
        }

        return @case;
    }

    /// <summary>
    /// Several transitions (on several cases) as one unit of work: they commit together or, when one
    /// fails, none does and the failure is the answer. What runs after a save runs once they committed.
    /// </summary>
    public async Task<Result<T>> TogetherAsync<T>(Func<Task<Result<T>>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var deferred = new List<Case>();
        Result<T> result;
        await using (var transaction = await cases.BeginTransactionAsync(cancellationToken))
        {
            _deferred = deferred;
            try
            {
                result = await work();
            }
            finally
            {
                _deferred = null;
            }

            if (!result.IsSuccess)
            {
                await transaction.RollbackAsync(cancellationToken);
                audit.TakePending();
                db.ChangeTracker.Clear();
                return result;
            }

            await transaction.CommitAsync(cancellationToken);
        }

        foreach (var @case in deferred)
        {
            foreach (var step in afterSave)
            {
                await step.RunAsync(@case, cancellationToken);
            }
        }

        return result;
    }

    /// <summary>Someone else acted on the case first.</summary>
    public static Conflict ChangedMeanwhile(CaseStatus current) => new("cases.changed-meanwhile", CaseNames.Of(current));

    private async Task<Result<Case>> LoadInReachAsync(string caseNumber, CaseReach reach, CancellationToken cancellationToken)
    {
        var found = await LoadAsync(caseNumber, cancellationToken);
        return found is not null && Reaches(found, reach) ? found : new NotFound("cases.case-not-found", caseNumber ?? "");
    }

    /// <summary>Personal data is about to be shown: the read is audited and the record stored now, whatever follows.</summary>
    private async Task RecordReadAsync(Case found, string auditAction, object? details, CancellationToken cancellationToken)
    {
        audit.Record(auditAction, nameof(Case), found.Number!.Value.Value, after: details);
        await cases.SaveChangesAsync(cancellationToken);
    }

    private async Task<Case?> LoadAsync(string caseNumber, CancellationToken cancellationToken)
    {
        var number = CaseNumber.Parse(caseNumber ?? "");
        return number.IsSuccess ? await cases.FindAsync(number.Value, cancellationToken) : null;
    }

    private string RoleFor(Role wanted) => user.Roles.Contains(wanted) || user.Roles.Count == 0 ? wanted.ToString() : user.Roles.Order().First().ToString();
}
