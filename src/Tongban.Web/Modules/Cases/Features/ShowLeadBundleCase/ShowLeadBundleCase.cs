using Microsoft.AspNetCore.Http.HttpResults;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Persistence;
using Tongban.Platform.Http;

namespace Tongban.Modules.Cases.Features.ShowLeadBundleCase;

/// <summary>
/// The lead department reads one of its bundle cases: every member with its department, its case (linked
/// when the reader may open it), its status, what it waits for and why it could not start. Audited; outside
/// the lead department's reach the bundle case is not found.
/// </summary>
public sealed class ShowLeadBundleCaseHandler(LeadBundleAccess lead, CaseStore cases)
{
    public async Task<Result<LeadBundleCaseView>> HandleAsync(string number, CancellationToken cancellationToken)
    {
        if (!(await lead.LoadAsync(number, tracked: false, cancellationToken)).TryGet(out var found, out var notFound))
        {
            return notFound;
        }

        lead.RecordRead(found.BundleCase);
        await cases.SaveChangesAsync(cancellationToken);
        return await lead.ViewAsync(found.BundleCase, found.MemberCases, cancellationToken);
    }
}

/// <summary>GET /api/v1/backoffice/bundle-cases/{number}.</summary>
public static class ShowLeadBundleCaseApi
{
    public static void Map(RouteGroupBuilder staff) =>
        staff.MapGet("/backoffice/bundle-cases/{number}", async Task<Results<Ok<LeadBundleCaseView>, ProblemHttpResult>> (string number, ShowLeadBundleCaseHandler handler, CancellationToken ct) =>
                (await handler.HandleAsync(number, ct)).ToOkOrProblem())
            .WithName("ShowLeadBundleCase")
            .WithSummary("One 一件事 case as its lead department follows it")
            .WithDescription("Staff of the lead department within their region (404 otherwise). members [{key, name, department, caseNumber, reachable (the reader may open the case), status, statusName, "
                + "blocked, waitsFor (names of predecessors still without a result), failure {code, message, at, attempts} (it could not be filed), mayRetry}], "
                + "acceptance perMember|single (三窗合一), mayDecideAcceptance (the reader is the lead department's window and every member awaits intake), overdue, version.")
            .Produces<LeadBundleCaseView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
