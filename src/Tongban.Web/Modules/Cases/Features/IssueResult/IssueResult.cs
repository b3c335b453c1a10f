using Microsoft.AspNetCore.Http.HttpResults;
using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Features.ShowCase;
using Tongban.Modules.Catalog;
using Tongban.Platform.Http;

namespace Tongban.Modules.Cases.Features.IssueResult;

public sealed record IssueResultRequest(int? ExpectedVersion);

/// <summary>
/// 制证: records the result of an approved case. The decision document is the case's decision PDF
/// (its address is the document id); an item whose result is an e-licence gets a placeholder licence
/// id until e-licence issuance exists.
/// </summary>
public sealed class IssueResultHandler(CaseAccess access, ICatalog catalog)
{

    /// <summary>Marks the licence as not yet issued; the e-licence module replaces it.</summary>
    public static string PlaceholderLicence(string licenceTypeCode, string caseNumber) => $"pending:{licenceTypeCode}:{caseNumber}";

    public async Task<Result<CaseView>> HandleAsync(string caseNumber, IssueResultRequest request, CancellationToken cancellationToken) =>
        (await access.ActAsync(caseNumber, CaseReach.BackOffice, request.ExpectedVersion, "cases.issue",
            async (c, _) =>
            {
                var published = await catalog.FindPublishedAsync(c.ImplementationCode, c.ImplementationVersion, cancellationToken);
                var number = c.Number!.Value.Value;
                var licence = published?.Content.LicenceTypeCode is { Length: > 0 } type ? PlaceholderLicence(type, number) : null;
                return BackOfficeActors.Staff(access).Then(actor => c.RecordIssue(new CaseIssuance(CaseDocuments.CaseDocuments.PathOf(number, CaseDocuments.CaseDocumentKind.Decision), licence), actor, access.Now));
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
            .WithDescription("Body: expectedVersion. The decision document is /cases/{caseNumber}/documents/decision.pdf; for items with a licence type a placeholder licence id "
                + "(pending:<licence type>:<case number>) until e-licences are issued. Answers the case.")
            .ProducesCaseAction();

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> HandleAsync(
        string caseNumber, IssueResultRequest request, IssueResultHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(caseNumber, request, cancellationToken)).ToOkOrProblem();
}
