using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tongban.Domain.Cases;
using Tongban.Domain.Identity;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Features.ShowCase;
using Tongban.Modules.Cases.Persistence;
using Tongban.Platform.Http;
using Tongban.Platform.Persistence;
using Tongban.Platform.Web;

namespace Tongban.Modules.Cases.Features.DepartmentSteps;

public sealed record DepartmentStepItem(string Key, string Name, DateTimeOffset? ActivatedAt);

public sealed record DepartmentCaseItem(string CaseNumber, string ImplementationCode, int Version, string ApplicantName, IReadOnlyList<DepartmentStepItem> Steps);

public sealed record DepartmentCaseList(IReadOnlyList<DepartmentCaseItem> Items);

/// <param name="Outcome">approve or send-back.</param>
/// <param name="ExternalReference">The department system's own case reference (required).</param>
/// <param name="ToStepKey">For send-back: the earlier step.</param>
public sealed record DepartmentStepResult(string? Outcome, string? Comment, string? ExternalReference, string? ToStepKey, int? ExpectedVersion);

/// <summary>
/// 部门系统对接: a department's own system takes over the steps whose role is
/// <see cref="Role.DepartmentSystem"/>. It pulls its department's cases with such a step active and posts
/// each step's result with its own reference. Another department's case is not found.
/// </summary>
public sealed class DepartmentStepsHandler(TongbanDbContext db, CaseAccess access, AuditTrail audit, IStringLocalizer<SharedResource> t)
{
    public const int Limit = 200;

    public async Task<Result<DepartmentCaseList>> PendingAsync(string? stepKey, CancellationToken cancellationToken)
    {
        if (access.User.Scope is not { DepartmentId: { } department } scope)
        {
            return new Forbidden("cases.department-system-only");
        }

        var rows = await db.Set<Case>().AsNoTracking()
            .Where(c => c.DepartmentId == department && (c.Status == CaseStatus.Accepted || c.Status == CaseStatus.AcceptedWithDeficiency))
            .Within(c => c.RegionCode, scope.Region)
            .OrderBy(c => c.AcceptedAt)
            // Oldest first, a bounded read: the system pulls again once it has posted results.
            .Take(Limit * 10)
            .ToListAsync(cancellationToken);
        var items = new List<DepartmentCaseItem>();
        foreach (var @case in rows)
        {
            var steps = @case.Steps
                .Where(s => s.Status == CaseStepStatus.Active && s.Role == nameof(Role.DepartmentSystem) && (string.IsNullOrWhiteSpace(stepKey) || s.Key == stepKey.Trim()))
                .Select(s => new DepartmentStepItem(s.Key, s.Name, s.ActivatedAt)).ToList();
            if (steps.Count > 0 && items.Count < Limit)
            {
                items.Add(new DepartmentCaseItem(@case.Number!.Value.Value, @case.ImplementationCode.Value, @case.Version, @case.Applicant.Name, steps));
            }
        }

        audit.Record("cases.department.pending", nameof(Case), department.ToString(), after: new { count = items.Count, step = stepKey });
        await db.SaveChangesAsync(cancellationToken); // the audit entry of this read
        return new DepartmentCaseList(items);
    }

    public async Task<Result<CaseView>> PostResultAsync(string caseNumber, string stepKey, DepartmentStepResult result, CancellationToken cancellationToken)
    {
        var outcome = result.Outcome?.Trim().ToUpperInvariant();
        if (outcome is not ("APPROVE" or "SEND-BACK"))
        {
            return new Invalid("cases.department-outcome-unknown", result.Outcome ?? "") { Field = "Outcome" };
        }

        if (string.IsNullOrWhiteSpace(result.ExternalReference))
        {
            return new Invalid("cases.department-reference-required") { Field = "ExternalReference" };
        }

        var reference = result.ExternalReference.Trim();
        return (await access.ActAsync(caseNumber, CaseReach.BackOffice, result.ExpectedVersion, "cases.department.step-result",
                (c, _) => BackOfficeActors.ForStep(access, c, stepKey, t).Then(actor => outcome == "APPROVE"
                    ? c.ApproveStep(stepKey, actor, access.Now, result.Comment, reference)
                    : c.SendBack(stepKey, result.ToStepKey ?? "", string.IsNullOrWhiteSpace(result.Comment) ? "" : $"{result.Comment.Trim()}（外部编号 {reference}）", actor, access.Now)),
                cancellationToken, new { step = stepKey, outcome, reference }))
            .Map(c => ShowCaseHandler.ViewOf(c, access));
    }
}

/// <summary>GET /api/v1/department/cases and POST /api/v1/department/cases/{caseNumber}/steps/{stepKey}/result.</summary>
public static class DepartmentStepsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var systems = api.MapGroup("/department").RequireAuthorization(p => p.RequireRole(nameof(Role.DepartmentSystem)));
        systems.MapGet("/cases", PendingAsync)
            .WithName("ListDepartmentSteps")
            .WithSummary("Steps waiting for the caller's department system")
            .WithDescription("For department-system accounts (role DepartmentSystem): the cases of the caller's department with an active step whose role is DepartmentSystem, "
                + "optionally only the step ?step=<key>; each with its version (send it back as expectedVersion). Other accounts get 403.")
            .Produces<DepartmentCaseList>()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        systems.MapPost("/cases/{caseNumber}/steps/{stepKey}/result", PostResultAsync)
            .WithName("PostDepartmentStepResult")
            .WithSummary("Post a department system's step result")
            .WithDescription("Body: outcome (approve|send-back), comment (the reason, required for send-back), externalReference (the system's own case reference, required), "
                + "toStepKey (send-back), expectedVersion. Another department's case answers 404. Answers the case.")
            .ProducesCaseAction();
    }

    private static async Task<Results<Ok<DepartmentCaseList>, ProblemHttpResult>> PendingAsync(string? step, DepartmentStepsHandler handler, CancellationToken cancellationToken) =>
        (await handler.PendingAsync(step, cancellationToken)).TryGet(out var list, out var error) ? TypedResults.Ok(list) : error.ToProblem();

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> PostResultAsync(
        string caseNumber, string stepKey, DepartmentStepResult result, DepartmentStepsHandler handler, CancellationToken cancellationToken) =>
        (await handler.PostResultAsync(caseNumber, stepKey, result, cancellationToken)).TryGet(out var view, out var error) ? TypedResults.Ok(view) : error.ToProblem();
}
