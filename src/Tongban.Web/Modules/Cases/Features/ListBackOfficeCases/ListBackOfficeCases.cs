using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Domain.Cases;
using Tongban.Domain.Identity;
using Tongban.Domain.Primitives;
using Tongban.Domain.Primitives.Calendar;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Features.SubmitApplication;
using Tongban.Modules.Cases.Persistence;
using Tongban.Platform.Http;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Cases.Features.ListBackOfficeCases;

public sealed record BackOfficeStepItem(string Key, string Name, string Role, string? ParallelGroup);

/// <param name="Warning">normal, yellow, red or paused.</param>
/// <param name="PromisedUnit">How the promised limit is counted: workingDays, naturalDays or workingHours.</param>
/// <param name="PromisedRemainingMinutes">For a promised limit in working hours: office minutes left (negative once overdue); otherwise null.</param>
public sealed record BackOfficeCaseItem(
    string CaseNumber, string ImplementationCode, string ApplicantName, string Status, string StatusName, int Version,
    IReadOnlyList<BackOfficeStepItem> ActiveSteps, string Warning,
    DateTimeOffset PromisedDeadline, int PromisedRemainingWorkingDays, DateTimeOffset StatutoryDeadline, int StatutoryRemainingWorkingDays,
    string PromisedUnit = "workingDays", int? PromisedRemainingMinutes = null);

/// <param name="ReadOnly">Oversight (supervisors, region admins) reads the list and may not act.</param>
public sealed record BackOfficeCaseList(IReadOnlyList<BackOfficeCaseItem> Items, bool ReadOnly, bool Truncated);

/// <summary>
/// 后台办件: the cases in handling of the caller's department (approvers, department admins) with those
/// of other regions whose open 多地联办 step the department performs, or of the caller's region read-only (supervisors, region admins), with the active steps, the remaining working
/// days of both limits and the warning level; the ones closest to their deadline first.
/// </summary>
public sealed class ListBackOfficeCasesHandler(TongbanDbContext db, CaseAccess access, AuditTrail audit)
{
    /// <summary>The most cases one list reads; the rest is reached by the status and warning filters.</summary>
    public const int Limit = 500;

    public static readonly CaseStatus[] InHandling =
    [
        CaseStatus.Accepted, CaseStatus.AcceptedWithDeficiency, CaseStatus.DeficiencyOverdue,
        CaseStatus.Approved, CaseStatus.Denied, CaseStatus.Issued, CaseStatus.Delivered,
    ];

    public async Task<Result<BackOfficeCaseList>> HandleAsync(string? status, string? warning, CancellationToken cancellationToken)
    {
        var user = access.User;
        var departmental = user.HasAnyRole(Role.Approver, Role.DepartmentAdmin, Role.PlatformAdmin);
        if (!user.IsStaff || (!departmental && !user.HasAnyRole(Role.Supervisor, Role.RegionAdmin)))
        {
            return new Forbidden("cases.back-office-list-forbidden");
        }

        var statuses = InHandling;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<CaseStatus>(status.Trim(), ignoreCase: true, out var wanted) || !InHandling.Contains(wanted))
            {
                return new Invalid("cases.back-office-status-unknown", status) { Field = "status" };
            }

            statuses = [wanted];
        }

        TimeWarning? level = null;
        if (!string.IsNullOrWhiteSpace(warning))
        {
            if (!Enum.TryParse<TimeWarning>(warning.Trim(), ignoreCase: true, out var parsed))
            {
                return new Invalid("cases.back-office-warning-unknown", warning) { Field = "warning" };
            }

            level = parsed;
        }

        var query = db.Set<Case>().AsNoTracking().Where(c => statuses.Contains(c.Status));
        IQueryable<Case>? joint = null;
        if (!user.IsPlatformAdmin)
        {
            if (user.Scope is not { } scope)
            {
                return new BackOfficeCaseList([], !departmental, false);
            }

            query = query.Within(c => c.RegionCode, scope.Region);
            if (departmental && scope.DepartmentId is { } department)
            {
                query = query.Where(c => c.DepartmentId == department);

                // 多地联办: another region's cases whose open step this department performs.
                joint = db.Set<Case>().AsNoTracking().Where(c => statuses.Contains(c.Status) && c.OpenStepDepartmentId == department)
                    .Within(c => c.OpenStepRegion, scope.Region);
            }
        }

        // The base deadline orders in the database; the pauses that move it are in the case's contents.
        var rows = await query.OrderBy(c => c.PromisedBaseDeadline).Take(Limit + 1).ToListAsync(cancellationToken);
        if (joint is not null)
        {
            rows = [.. rows.Concat(await joint.OrderBy(c => c.PromisedBaseDeadline).Take(Limit + 1).ToListAsync(cancellationToken))
                .DistinctBy(c => c.Id).OrderBy(c => c.PromisedBaseDeadline).Take(Limit + 1)];
        }
        var items = new List<BackOfficeCaseItem>();
        foreach (var row in rows.Take(Limit))
        {
            if (Item(row) is { } item && (level is null || item.Warning == Wire(level.Value)))
            {
                items.Add(item);
            }
        }

        audit.Record("cases.back-office.list", nameof(Case), user.Scope?.DepartmentId?.ToString() ?? user.Scope?.Region.Value ?? "all",
            after: new { count = items.Count, status, warning });
        await db.SaveChangesAsync(cancellationToken); // the audit entry of this read
        // The nearer of the two deadlines first: it orders day limits and working-hour limits alike.
        var ordered = items.OrderBy(i => i.PromisedDeadline < i.StatutoryDeadline ? i.PromisedDeadline : i.StatutoryDeadline).ThenBy(i => i.CaseNumber, StringComparer.Ordinal).ToList();
        return new BackOfficeCaseList(ordered, !departmental, rows.Count > Limit);
    }

    public static string Wire(TimeWarning level) => level.ToString().ToLowerInvariant();

    private BackOfficeCaseItem? Item(Case c)
    {
        if (!c.TimeStatus(access.Now, access.Calendar, access.Zone, access.Policy).TryGet(out var time, out _))
        {
            return null;
        }

        var active = c.Steps.Where(s => s.Status == CaseStepStatus.Active).Select(s => new BackOfficeStepItem(s.Key, s.Name, s.Role, s.ParallelGroup)).ToList();
        return new BackOfficeCaseItem(
            c.Number!.Value.Value, c.ImplementationCode.Value, c.Applicant.Name, SubmitApplicationHandler.WireStatus(c.Status), CaseNames.Of(c.Status), c.Version,
            active, Wire(time.Level), time.Promised.Deadline, time.Promised.RemainingWorkingDays, time.Statutory.Deadline, time.Statutory.RemainingWorkingDays,
            LimitTexts.Wire(time.Promised.Unit), time.Promised.Unit == TimeLimitUnit.WorkingHours ? time.Promised.RemainingWorkingMinutes : null);
    }
}

/// <summary>GET /api/v1/backoffice/cases.</summary>
public static class ListBackOfficeCasesApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/backoffice/cases", HandleAsync)
            .WithName("ListBackOfficeCases")
            .WithSummary("Cases in back-office handling")
            .WithDescription("Approvers and department admins: their department's cases in handling (accepted, 容缺, approved, denied, issued, delivered) within their region, "
                + "and other regions' cases whose open 多地联办 step their department performs; "
                + "supervisors and region admins: every department's in their region, read-only. Each with its active steps, remaining working days of the promised and "
                + "statutory limits (a promised limit in working hours also gives promisedUnit workingHours and promisedRemainingMinutes of office time) and the warning (normal|yellow|red|paused; yellow at the configured share Tongban:Cases:WarningShare), the nearer deadline (promised or statutory) first. "
                + "Filters: ?status= (a case status) and ?warning=. At most 500 cases (truncated says when more matched).")
            .Produces<BackOfficeCaseList>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Ok<BackOfficeCaseList>, ProblemHttpResult>> HandleAsync(
        string? status, string? warning, ListBackOfficeCasesHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(status, warning, cancellationToken)).ToOkOrProblem();
}
