using Microsoft.AspNetCore.Http.HttpResults;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Features.ShowCase;
using Tongban.Platform.Http;

namespace Tongban.Modules.Cases.Features.RevokeApproval;

public sealed record RevokeApprovalRequest(string? Reason, int? ExpectedVersion);

/// <summary>
/// 撤销: the department's later verification (事后核查) of an approval granted under 告知承诺 found the
/// commitment false; the approval is revoked with the reasons, and the applicant loses 告知承诺 from
/// then on (ApplicantStandingLookup reads the revoked case).
/// </summary>
public sealed class RevokeApprovalHandler(CaseAccess access)
{
    public async Task<Result<CaseView>> HandleAsync(string caseNumber, RevokeApprovalRequest request, CancellationToken cancellationToken) =>
        (await access.ActAsync(caseNumber, CaseReach.BackOffice, request.ExpectedVersion, "cases.revoke",
            (c, _) => BackOfficeActors.Staff(access).Then(actor => c.RevokeForFalseCommitment(request.Reason ?? "", actor, access.Now)),
            cancellationToken, new { reason = request.Reason }))
        .Map(c => ShowCaseHandler.ViewOf(c, access));
}

/// <summary>POST /api/v1/cases/{caseNumber}/revoke.</summary>
public static class RevokeApprovalApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/cases/{caseNumber}/revoke", HandleAsync)
            .WithName("RevokeApproval")
            .WithSummary("撤销: revoke an approval granted under 告知承诺 found to rest on a false commitment")
            .WithDescription("Approvers and department admins of the case's department. Body: reason (required), expectedVersion. "
                + "Only a case accepted under 告知承诺 and approved (issued, delivered or completed) may be revoked (409 otherwise); a blank reason is 422. "
                + "The applicant may not use 告知承诺 again. Answers the case.")
            .ProducesCaseAction();

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> HandleAsync(
        string caseNumber, RevokeApprovalRequest request, RevokeApprovalHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(caseNumber, request, cancellationToken)).ToOkOrProblem();
}
