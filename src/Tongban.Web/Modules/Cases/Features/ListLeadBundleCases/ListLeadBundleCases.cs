using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Features.SubmitBundle;
using Tongban.Modules.Catalog;
using Tongban.Platform.Http;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Cases.Features.ListLeadBundleCases;

/// <param name="ApplicantName">masked (张*), as lists show applicants.</param>
/// <param name="MembersFailed">members that could not be filed and wait for the lead department to retry them.</param>
public sealed record LeadBundleCaseItem(
    string BundleCaseNumber, string BundleCode, string BundleName, string ApplicantName, string Status, string StatusName,
    DateTimeOffset SubmittedAt, DateTimeOffset PromisedBy, bool Overdue, int MembersDone, int MembersTotal, int MembersFailed);

public sealed record LeadBundleCaseList(IReadOnlyList<LeadBundleCaseItem> Items, bool Truncated);

/// <summary>
/// 牵头部门跟踪: the bundle cases the caller's department leads, within their region (see
/// <see cref="LeadBundleAccess"/>), newest first, filtered by the bundle's one status and by overdue.
/// The list shows applicants masked; the read is audited.
/// </summary>
public sealed class ListLeadBundleCasesHandler(LeadBundleAccess lead, CaseAccess access, ICatalog catalog, TongbanDbContext db, AuditTrail audit)
{
    /// <summary>The most bundle cases one list reads (newest first); the filters apply to those.</summary>
    public const int Limit = 500;

    public async Task<Result<LeadBundleCaseList>> HandleAsync(string? status, bool? overdue, CancellationToken cancellationToken)
    {
        if (!lead.MayFollow)
        {
            return new Forbidden("bundles.lead-forbidden");
        }

        BundleCaseStatus? wanted = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<BundleCaseStatus>(status.Trim(), ignoreCase: true, out var parsed))
            {
                return new Invalid("bundles.lead-status-unknown", status) { Field = "status" };
            }

            wanted = parsed;
        }

        var rows = await lead.InReach().OrderByDescending(b => b.SubmittedAt).Take(Limit + 1).ToListAsync(cancellationToken);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var code in rows.Select(r => r.BundleCode).Distinct())
        {
            names[code.Value] = (await catalog.FindBundleAsync(code, cancellationToken))?.Bundle.Name ?? code.Value;
        }

        var now = access.Now;
        var items = rows.Take(Limit)
            .Where(b => (wanted is null || b.Status == wanted) && (overdue is null || LeadBundleAccess.IsOverdue(b, now) == overdue))
            .Select(b => new LeadBundleCaseItem(
                b.Number.Value, b.BundleCode.Value, names[b.BundleCode.Value], Masking.MaskName(b.Applicant.Name),
                SubmitBundleHandler.Wire(b.Status), BundleCaseNames.Of(b.Status), b.SubmittedAt, b.PromisedBy, LeadBundleAccess.IsOverdue(b, now),
                b.Members.Count(m => m.Finished), b.Members.Count, b.MembersFailedToStart().Count))
            .ToList();
        audit.Record("bundles.lead-list", nameof(BundleCase), access.User.Scope?.DepartmentId?.ToString() ?? "all",
            after: new { count = items.Count, status, overdue });
        await db.SaveChangesAsync(cancellationToken); // the audit entry of this read
        return new LeadBundleCaseList(items, rows.Count > Limit);
    }
}

/// <summary>GET /api/v1/backoffice/bundle-cases.</summary>
public static class ListLeadBundleCasesApi
{
    public static void Map(RouteGroupBuilder staff) =>
        staff.MapGet("/backoffice/bundle-cases", async Task<Results<Ok<LeadBundleCaseList>, ProblemHttpResult>> (string? status, bool? overdue, ListLeadBundleCasesHandler handler, CancellationToken ct) =>
                (await handler.HandleAsync(status, overdue, ct)).ToOkOrProblem())
            .WithName("ListLeadBundleCases")
            .WithSummary("The lead department's 一件事 cases (牵头部门跟踪)")
            .WithDescription("Staff of a bundle's lead department (any role), within their region: the bundle cases their department leads that have a member case in their region; "
                + "platform admins every one. Newest first, each with its masked applicant, one status (submitted|awaitingCorrection|inProgress|completed|partlyCompleted|notCompleted|withdrawn), "
                + "promisedBy and overdue (past it and not finished), membersDone/membersTotal and membersFailed (members that could not be filed). "
                + "Filters ?status= and ?overdue=true|false. At most 500 bundle cases are read (truncated says when more exist). 403 for staff without a department and for applicants.")
            .Produces<LeadBundleCaseList>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
