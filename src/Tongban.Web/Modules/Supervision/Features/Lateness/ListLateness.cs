using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases;
using Tongban.Modules.Identity;
using Tongban.Modules.Organisation;
using Tongban.Modules.Supervision.Features.Warnings;
using Tongban.Platform;
using Tongban.Platform.Http;
using Tongban.Platform.Persistence;
using Tongban.Platform.Security;

namespace Tongban.Modules.Supervision.Features.Lateness;

/// <summary>超时记录 (Tongban:Supervision:Lateness).</summary>
public sealed class LatenessOptions
{
    public const string Section = "Tongban:Supervision:Lateness";

    /// <summary>A clerk with at least this many late steps in the period is flagged 屡次超时.</summary>
    public int RepeatedThreshold { get; set; } = 2;
}

/// <param name="DecidedAt">When the clerk approved the step; null while they still hold it.</param>
public sealed record LateStepItem(string CaseNumber, string StepName, DateTimeOffset Deadline, DateTimeOffset? DecidedAt);

/// <param name="Repeated">屡次超时: <see cref="LateSteps"/> reached the threshold.</param>
public sealed record ClerkLateness(
    Guid AccountId, string Name, string EmployeeId, Guid DepartmentId, string DepartmentName, int LateSteps, bool Repeated, IReadOnlyList<LateStepItem> Steps);

public sealed record LatenessReport(DateOnly From, DateOnly To, int RepeatedThreshold, IReadOnlyList<ClerkLateness> Clerks, bool Oversight);

/// <summary>
/// 超时记录: per clerk, the back-office steps they approved after the case's promised deadline in the period
/// (city dates, default this month), or hold past it now (counted when the period reaches today), most late
/// first; 屡次超时 from <see cref="LatenessOptions.RepeatedThreshold"/>. Scope as for 预警.
/// </summary>
public sealed class ListLatenessHandler(
    ICaseOversight cases, IStaffDirectory staff, IOrganisationDirectory directory, CurrentUser user, CityClock clock, AuditTrail audit,
    TongbanDbContext db, IOptions<LatenessOptions> options)
{
    private const int MaxSpanYears = 1;

    public int RepeatedThreshold => Math.Max(1, options.Value.RepeatedThreshold);

    public async Task<Result<LatenessReport>> HandleAsync(string? region, Guid? department, string? from, string? to, CancellationToken cancellationToken)
    {
        if (SupervisionAccess.Of(user) is not { } access)
        {
            return new Forbidden("supervision.forbidden");
        }

        var month = CityPeriod.MonthOf(clock.Today);
        if (!CityPeriod.Parse(from, to, month.From, month.To, MaxSpanYears, "supervision").TryGet(out var period, out var periodError))
        {
            return periodError;
        }

        if (!(await access.NarrowAsync(region, department, directory, cancellationToken)).TryGet(out var scope, out var outside))
        {
            return outside;
        }

        var (start, end) = period.Instants(clock);
        var heldCount = end > clock.UtcNow;
        var late = new List<LateStep>();
        await foreach (var step in cases.LateStepsAsync(scope.Region, scope.DepartmentId, start, end, cancellationToken))
        {
            if (step.DecidedAt is not null || heldCount)
            {
                late.Add(step);
            }
        }

        var profiles = (await staff.ProfilesAsync([.. late.Select(s => s.AccountId)], cancellationToken)).ToDictionary(p => p.AccountId);
        var byClerk = late.GroupBy(s => s.AccountId).ToList();
        var units = byClerk.ToDictionary(g => g.Key, g => profiles.GetValueOrDefault(g.Key)?.DepartmentId ?? g.First().DepartmentId);
        var departmentNames = await directory.DepartmentNamesAsync([.. units.Values.Distinct()], cancellationToken);
        var clerks = new List<ClerkLateness>();
        foreach (var group in byClerk)
        {
            var profile = profiles.GetValueOrDefault(group.Key);
            var unit = units[group.Key];
            var unitName = departmentNames.GetValueOrDefault(unit, unit.ToString());

            var steps = group.OrderBy(s => s.DecidedAt ?? DateTimeOffset.MaxValue).ThenBy(s => s.CaseNumber, StringComparer.Ordinal)
                .Select(s => new LateStepItem(s.CaseNumber, s.StepName, s.Deadline, s.DecidedAt)).ToList();
            clerks.Add(new ClerkLateness(group.Key, profile?.DisplayName ?? group.Key.ToString(), profile?.EmployeeId ?? "", unit, unitName,
                steps.Count, steps.Count >= RepeatedThreshold, steps));
        }

        var ordered = clerks.OrderByDescending(c => c.LateSteps).ThenBy(c => c.EmployeeId, StringComparer.Ordinal).ToList();

        // Staff performance records are personal data: the read is audited.
        audit.Record("supervision.lateness.list", "Account", scope.DepartmentId?.ToString() ?? scope.Region?.Value ?? "all",
            after: new { clerks = ordered.Count, steps = late.Count, from = period.From, to = period.To, region, department });
        await db.SaveChangesAsync(cancellationToken);
        return new LatenessReport(period.From, period.To, RepeatedThreshold, ordered, access.Oversees);
    }
}

/// <summary>GET /api/v1/supervision/lateness.</summary>
public static class ListLatenessApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/supervision/lateness", HandleAsync)
            .WithName("ListLateness")
            .WithSummary("超时记录: late back-office steps per clerk, 屡次超时 flagged")
            .WithDescription("Per clerk (name, employee id, department) the steps they approved after the case's promised deadline within the period, "
                + "or still hold past it (when the period reaches today), most late first, each with its case number, step, deadline and decidedAt (null while held); "
                + "repeated (屡次超时) when the count reaches Tongban:Supervision:Lateness:RepeatedThreshold. from and to are city dates yyyy-MM-dd, inclusive, "
                + "default this month, at most one year (400 otherwise). Scope as for the warnings: supervisors and region admins their region (narrowed by ?region= and ?department=), "
                + "department admins and approvers their own department; a region or department outside it answers 404.")
            .Produces<LatenessReport>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<LatenessReport>, ProblemHttpResult>> HandleAsync(
        string? region, Guid? department, string? from, string? to, ListLatenessHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(region, department, from, to, cancellationToken)).ToOkOrProblem();
}
