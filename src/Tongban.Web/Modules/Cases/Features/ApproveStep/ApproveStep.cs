using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Features.ShowCase;
using Tongban.Platform.Http;
using Tongban.Platform.Web;

namespace Tongban.Modules.Cases.Features.ApproveStep;

public sealed record ApproveStepRequest(string? Comment, int? ExpectedVersion);

/// <summary>审查通过: approves an active step in the step's role; a 会签 stage moves on once every step of it is approved.</summary>
public sealed class ApproveStepHandler(CaseAccess access, IStringLocalizer<SharedResource> t)
{
    public async Task<Result<CaseView>> HandleAsync(string caseNumber, string stepKey, ApproveStepRequest request, CancellationToken cancellationToken) =>
        (await access.ActOnStepAsync(caseNumber, stepKey, request.ExpectedVersion, "cases.step.approve",
            (c, _) => BackOfficeActors.ForStep(access, c, stepKey, t).Then(actor => c.ApproveStep(stepKey, actor, access.Now, request.Comment)),
            cancellationToken, new { step = stepKey }))
        .Map(c => ShowCaseHandler.ViewOf(c, access));
}

/// <summary>POST /api/v1/cases/{caseNumber}/steps/{stepKey}/approve.</summary>
public static class ApproveStepApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/cases/{caseNumber}/steps/{stepKey}/approve", HandleAsync)
            .WithName("ApproveStep")
            .WithSummary("Approve a back-office step")
            .WithDescription("The caller must hold the step's role (and be its assignee when it is assigned) in the case's department and region; "
                + "a 多地联办 step another region's department performs is approved by that department only (403 case.step-of-another-region for anyone else). "
                + "Body: comment, expectedVersion (optional; 409 when the case moved on). When every step of the stage (a 会签 group) is approved the next stage starts. Answers the case.")
            .ProducesCaseAction();

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> HandleAsync(
        string caseNumber, string stepKey, ApproveStepRequest request, ApproveStepHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(caseNumber, stepKey, request, cancellationToken)).ToOkOrProblem();
}
