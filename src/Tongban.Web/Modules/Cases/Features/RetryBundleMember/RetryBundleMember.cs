using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Persistence;
using Tongban.Platform.Http;
using Tongban.Platform.Persistence;
using Conflict = Tongban.Domain.Primitives.Conflict;
using NotFound = Tongban.Domain.Primitives.NotFound;

namespace Tongban.Modules.Cases.Features.RetryBundleMember;

public sealed record RetryBundleMemberRequest(int? ExpectedVersion = null);

/// <summary>
/// 重新发起: the lead department files again a member that could not be filed when its predecessors were
/// done, once the cause is fixed (the item published again, the licence valid again). When it still cannot
/// be filed, the attempt is recorded on the member and its reason answered (the bundle case keeps the new
/// attempt). Audited, under the bundle case's optimistic concurrency.
/// </summary>
public sealed class RetryBundleMemberHandler(LeadBundleAccess lead, BundleMembers members, CaseStore cases, TongbanDbContext db, AuditTrail audit)
{
    public async Task<Result<LeadBundleCaseView>> HandleAsync(string number, string key, RetryBundleMemberRequest request, CancellationToken cancellationToken)
    {
        await using var transaction = await cases.BeginTransactionAsync(cancellationToken);
        if (!(await lead.LoadAsync(number, tracked: true, cancellationToken)).TryGet(out var found, out var notFound))
        {
            return notFound;
        }

        var bundleCase = found.BundleCase;
        if (request.ExpectedVersion is { } version && db.ExpectVersion(bundleCase, version, new Conflict("bundles.changed-meanwhile", bundleCase.Number.Value)) is { IsSuccess: false } stale)
        {
            return stale.Error!;
        }

        var retried = await members.RetryAsync(bundleCase, key?.Trim() ?? "", cancellationToken);
        if (retried.Error is NotFound or Conflict { Code: "bundle-case.retry-not-failed" or "bundle-case.retry-waiting" })
        {
            return retried.Error;
        }

        audit.Record("bundles.member-retry", nameof(BundleCase), bundleCase.Number.Value,
            after: new { member = key, started = retried.IsSuccess, caseNumber = bundleCase.Member(key!.Trim()).CaseNumber, reason = retried.Error?.Code });
        try
        {
            await cases.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            audit.TakePending();
            return new Conflict("bundles.changed-meanwhile", bundleCase.Number.Value);
        }

        if (!retried.IsSuccess)
        {
            return retried.Error!;
        }

        var memberCases = await cases.Cases.AsNoTracking().Where(c => c.BundleCaseId == bundleCase.Id).ToListAsync(cancellationToken);
        return await lead.ViewAsync(bundleCase, memberCases, cancellationToken);
    }
}

/// <summary>POST /api/v1/backoffice/bundle-cases/{number}/members/{key}/retry.</summary>
public static class RetryBundleMemberApi
{
    public static void Map(RouteGroupBuilder staff) =>
        staff.MapPost("/backoffice/bundle-cases/{number}/members/{key}/retry",
                async Task<Results<Ok<LeadBundleCaseView>, ProblemHttpResult>> (string number, string key, RetryBundleMemberRequest? request, RetryBundleMemberHandler handler, CancellationToken ct) =>
                    (await handler.HandleAsync(number, key, request ?? new RetryBundleMemberRequest(), ct)).ToOkOrProblem())
            .WithName("RetryBundleMember")
            .WithSummary("File again a 一件事 member that could not be filed (重新发起)")
            .WithDescription("Staff of the lead department within their region (404 otherwise). Body {expectedVersion?} (the bundle case's version). Only a member whose failure is recorded, "
                + "not blocked, whose predecessors all have their result (409 bundle-case.retry-not-failed / retry-waiting). Files it with what flows from its predecessors' results and "
                + "answers the bundle case as GET /api/v1/backoffice/bundle-cases/{number} shows it; when it still cannot be filed, the new attempt is recorded and its reason answered "
                + "(422/404/409 with the member's own rule code, e.g. cases.required-material-missing).")
            .Produces<LeadBundleCaseView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
