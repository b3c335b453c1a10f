using Microsoft.AspNetCore.Http.HttpResults;
using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Features.ShowCase;
using Tongban.Platform.Http;

namespace Tongban.Modules.Cases.Features.IssueResult;

public sealed record IssueResultRequest(int? ExpectedVersion);

/// <summary>
/// 制证: records the result of an approved case. The decision document is the case's decision PDF
/// (its address is the document id); an item whose result is an e-licence has its licence issued now
/// (normally that happened on approval; this is the retry when it could not).
/// </summary>
public sealed class IssueResultHandler(CaseAccess access, CaseLicensing licensing)
{
    public async Task<Result<CaseView>> HandleAsync(string caseNumber, IssueResultRequest request, CancellationToken cancellationToken) =>
        (await access.ActAsync(caseNumber, CaseReach.BackOffice, request.ExpectedVersion, "cases.issue",
            async (c, _) =>
            {
                if (!BackOfficeActors.Staff(access).TryGet(out var actor, out var notStaff))
                {
                    return notStaff;
                }

                if (!(await licensing.IssueAsync(c, cancellationToken)).TryGet(out var licence, out var error))
                {
                    return error;
                }

                var number = c.Number!.Value.Value;
                return c.RecordIssue(new CaseIssuance(CaseDocuments.CaseDocuments.PathOf(number, CaseDocuments.CaseDocumentKind.Decision), licence), actor, access.Now);
            },
            cancellationToken))
        .Map(c => ShowCaseHandler.ViewOf(c, access));
}

/// <summary>POST /api/v1/cases/{caseNumber}/issue.</summary>
public static class IssueResultApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/cases/{caseNumber}/issue", HandleAsync)
            .WithName("IssueResult")
            .WithSummary("制证: record the result of an approved case")
            .WithDescription("Body: expectedVersion. The decision document is /cases/{caseNumber}/documents/decision.pdf. An item whose result is an e-licence "
                + "has it issued on approval; this retries when that could not be done (422 names the missing licence field). Answers the case with licenceId.")
            .ProducesCaseAction();

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> HandleAsync(
        string caseNumber, IssueResultRequest request, IssueResultHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(caseNumber, request, cancellationToken)).ToOkOrProblem();
}
