using Microsoft.AspNetCore.Http.HttpResults;
using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Features.ShowCase;
using Tongban.Platform.Http;

namespace Tongban.Modules.Cases.Features.DecideCase;

/// <param name="Outcome">approve (准予许可) or deny (不予许可).</param>
public sealed record DecideCaseRequest(string? Outcome, string? Reasons, string? LegalBasis, string? Comment, int? ExpectedVersion);

/// <summary>决定: 准予许可 or 不予许可 (reasons and legal basis required), once every step is done and no clock stop is open.</summary>
public sealed class DecideCaseHandler(CaseAccess access)
{
    public async Task<Result<CaseView>> HandleAsync(string caseNumber, DecideCaseRequest request, CancellationToken cancellationToken)
    {
        CaseDecision? decision = request.Outcome?.Trim().ToUpperInvariant() switch
        {
            "APPROVE" => CaseDecision.Approve(request.Comment),
            "DENY" => CaseDecision.Deny(request.Reasons ?? "", request.LegalBasis ?? "", request.Comment),
            _ => null,
        };
        if (decision is null)
        {
            return new Invalid("cases.decision-outcome-unknown", request.Outcome ?? "") { Field = "Outcome" };
        }

        return (await access.ActAsync(caseNumber, CaseReach.BackOffice, request.ExpectedVersion, "cases.decide",
                (c, _) => BackOfficeActors.Staff(access).Then(actor => c.Decide(decision, actor, access.Now)),
                cancellationToken, new { outcome = decision.Outcome.ToString() }))
            .Map(c => ShowCaseHandler.ViewOf(c, access));
    }
}

/// <summary>POST /api/v1/cases/{caseNumber}/decision.</summary>
public static class DecideCaseApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/cases/{caseNumber}/decision", HandleAsync)
            .WithName("DecideCase")
            .WithSummary("Decide a case: 准予许可 or 不予许可")
            .WithDescription("Body: outcome (approve|deny), reasons and legalBasis (both required for deny), comment, expectedVersion. "
                + "Only when every step is done, no 容缺 material is owed and no special procedure runs (409 otherwise). The clock ends. Answers the case.")
            .ProducesCaseAction();

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> HandleAsync(
        string caseNumber, DecideCaseRequest request, DecideCaseHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(caseNumber, request, cancellationToken)).ToOkOrProblem();
}
