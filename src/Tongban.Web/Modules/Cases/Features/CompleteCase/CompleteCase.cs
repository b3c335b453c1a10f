using Microsoft.AspNetCore.Http.HttpResults;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Features.ShowCase;
using Tongban.Platform.Http;

namespace Tongban.Modules.Cases.Features.CompleteCase;

public sealed record CompleteCaseRequest(string? Comment, int? ExpectedVersion);

/// <summary>办结: closes a delivered case.</summary>
public sealed class CompleteCaseHandler(CaseAccess access)
{
    public async Task<Result<CaseView>> HandleAsync(string caseNumber, CompleteCaseRequest request, CancellationToken cancellationToken) =>
        (await access.ActAsync(caseNumber, CaseReach.BackOffice, request.ExpectedVersion, "cases.complete",
            (c, _) => BackOfficeActors.Staff(access).Then(actor => c.Complete(actor, access.Now, string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim())),
            cancellationToken))
        .Map(c => ShowCaseHandler.ViewOf(c, access));
}

/// <summary>POST /api/v1/cases/{caseNumber}/complete.</summary>
public static class CompleteCaseApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/cases/{caseNumber}/complete", HandleAsync)
            .WithName("CompleteCase")
            .WithSummary("办结: close a delivered case")
            .WithDescription("Body: comment, expectedVersion. Only after delivery (409 otherwise). Answers the case.")
            .ProducesCaseAction();

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> HandleAsync(
        string caseNumber, CompleteCaseRequest request, CompleteCaseHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(caseNumber, request, cancellationToken)).ToOkOrProblem();
}
