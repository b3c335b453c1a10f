using Microsoft.AspNetCore.Http.HttpResults;
using Tongban.Domain.Cases;
using Tongban.Domain.Identity;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases;
using Tongban.Modules.Organisation;
using Tongban.Platform.Http;
using Tongban.Platform.Persistence;
using Tongban.Platform.Security;

namespace Tongban.Modules.Supervision.Features.Warnings;

/// <param name="Level">yellow or red.</param>
public sealed record WarningCaseItem(
    string CaseNumber, string ImplementationCode, string ApplicantName, Guid DepartmentId, string DepartmentName, string StatusName,
    string Level, DateTimeOffset Deadline, int RemainingWorkingDays);

public sealed record DepartmentWarningCount(Guid DepartmentId, string DepartmentName, int Yellow, int Red);

/// <param name="Oversight">The caller supervises (may issue 督办) rather than handles.</param>
public sealed record WarningBoard(IReadOnlyList<DepartmentWarningCount> Departments, IReadOnlyList<WarningCaseItem> Cases, bool Oversight);

/// <summary>
/// 预警: the open cases near their deadline (yellow) or past it (red), counted per department, red first
/// and then by deadline. Supervisors and region admins see their region (narrowed by ?region= and
/// ?department=); department admins and approvers their own department. A region or department outside
/// the caller's scope is not found.
/// </summary>
public sealed class ListWarningsHandler(ICaseOversight cases, IOrganisationDirectory directory, CurrentUser user, AuditTrail audit, TongbanDbContext db)
{
    public async Task<Result<WarningBoard>> HandleAsync(string? region, Guid? department, string? level, CancellationToken cancellationToken)
    {
        if (SupervisionAccess.Of(user) is not { } access)
        {
            return new Forbidden("supervision.forbidden");
        }

        TimeWarning[] levels = [TimeWarning.Yellow, TimeWarning.Red];
        if (!string.IsNullOrWhiteSpace(level))
        {
            if (!Enum.TryParse<TimeWarning>(level.Trim(), ignoreCase: true, out var wanted) || !levels.Contains(wanted))
            {
                return new Invalid("supervision.level-unknown", level) { Field = "level" };
            }

            levels = [wanted];
        }

        if (!(await access.NarrowAsync(region, department, directory, cancellationToken)).TryGet(out var scope, out var outside))
        {
            return outside;
        }

        var names = new Dictionary<Guid, string>();
        var items = new List<WarningCaseItem>();
        await foreach (var c in cases.OpenCasesAsync(scope.Region, scope.DepartmentId, cancellationToken))
        {
            if (levels.Contains(c.Level))
            {
                if (!names.TryGetValue(c.DepartmentId, out var name))
                {
                    name = names[c.DepartmentId] = (await directory.FindDepartmentAsync(c.DepartmentId, cancellationToken))?.Name ?? c.DepartmentId.ToString();
                }

                items.Add(new WarningCaseItem(c.CaseNumber, c.ImplementationCode, c.ApplicantName, c.DepartmentId, name, c.StatusName,
                    Wire(c.Level), c.Deadline, c.RemainingWorkingDays));
            }
        }

        var ordered = items.OrderBy(i => i.Level == "red" ? 0 : 1).ThenBy(i => i.Deadline).ThenBy(i => i.CaseNumber, StringComparer.Ordinal).ToList();
        var counts = items.GroupBy(i => (i.DepartmentId, i.DepartmentName))
            .Select(g => new DepartmentWarningCount(g.Key.DepartmentId, g.Key.DepartmentName, g.Count(i => i.Level == "yellow"), g.Count(i => i.Level == "red")))
            .OrderByDescending(d => d.Red).ThenByDescending(d => d.Yellow).ThenBy(d => d.DepartmentName, StringComparer.Ordinal).ToList();

        // Applicants' names are shown: the read is audited.
        audit.Record("supervision.warnings.list", "Case", scope.DepartmentId?.ToString() ?? scope.Region?.Value ?? "all",
            after: new { count = ordered.Count, region, department, level });
        await db.SaveChangesAsync(cancellationToken);
        return new WarningBoard(counts, ordered, access.Oversees);
    }

    public static string Wire(TimeWarning level) => level.ToString().ToLowerInvariant();
}

/// <summary>GET /api/v1/supervision/warnings.</summary>
public static class ListWarningsApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/supervision/warnings", HandleAsync)
            .WithName("ListWarnings")
            .WithSummary("预警: open cases near or past their deadline, per department")
            .WithDescription("Open cases (in handling, clock running) whose warning is yellow (the used share of a limit reached Tongban:Cases:WarningShare) or red (a deadline passed), "
                + "with counts per department, red first then by deadline. Supervisors and region admins: their region, narrowed by ?region= (12 digits) and ?department= (id); "
                + "department admins and approvers: their own department. ?level=yellow|red. A region or department outside the caller's scope answers 404.")
            .Produces<WarningBoard>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Ok<WarningBoard>, ProblemHttpResult>> HandleAsync(
        string? region, Guid? department, string? level, ListWarningsHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(region, department, level, cancellationToken)).ToOkOrProblem();
}
