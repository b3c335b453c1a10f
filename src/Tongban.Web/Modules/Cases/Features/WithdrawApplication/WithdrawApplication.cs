using Microsoft.AspNetCore.Http.HttpResults;
using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Features.ShowCase;
using Tongban.Platform.Http;

namespace Tongban.Modules.Cases.Features.WithdrawApplication;

public sealed record WithdrawRequest(string? Reason, int? ExpectedVersion = null);

/// <summary>撤回: the applicant withdraws their application, with a reason, at any point before a decision.</summary>
public sealed class WithdrawApplicationHandler(CaseAccess access)
{
    public Task<Result<Case>> HandleAsync(string caseNumber, WithdrawRequest request, CancellationToken cancellationToken) =>
        access.ActAsync(caseNumber, CaseReach.Applicant, request.ExpectedVersion, "cases.withdraw",
            (@case, actor) => @case.Withdraw(request.Reason ?? "", actor, access.Now), cancellationToken, new { reason = request.Reason });
}

/// <summary>POST /api/v1/cases/{caseNumber}/withdraw.</summary>
public static class WithdrawApplicationApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/cases/{caseNumber}/withdraw", HandleAsync)
            .WithName("WithdrawApplication")
            .WithSummary("Withdraw an application (撤回)")
            .WithDescription("The applicant, before a decision: body {reason, expectedVersion?}. Answers the case as GET /api/v1/cases/{caseNumber} does, now withdrawn. "
                + "404 for a case that is not the caller's; 409 after a decision, for a case that is already closed, or one that changed since expectedVersion; 422 without a reason.")
            .ProducesCaseAction();

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> HandleAsync(string caseNumber, WithdrawRequest request, WithdrawApplicationHandler handler, CaseAccess access, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(caseNumber, request, cancellationToken)).Map(c => ShowCaseHandler.ViewOf(c, access)).ToOkOrProblem();
}
