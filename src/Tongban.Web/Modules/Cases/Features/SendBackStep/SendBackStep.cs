using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Features.ShowCase;
using Tongban.Platform.Http;
using Tongban.Platform.Web;

namespace Tongban.Modules.Cases.Features.SendBackStep;

public sealed record SendBackStepRequest(string? ToStepKey, string? Reason, int? ExpectedVersion);

/// <summary>退回: from an active step back to an earlier one, with a reason; the earlier step is active again. A 多地联办 step is sent back by the department performing it.</summary>
public sealed class SendBackStepHandler(CaseAccess access, IStringLocalizer<SharedResource> t)
{
    public async Task<Result<CaseView>> HandleAsync(string caseNumber, string stepKey, SendBackStepRequest request, CancellationToken cancellationToken) =>
        (await access.ActOnStepAsync(caseNumber, stepKey, request.ExpectedVersion, "cases.step.send-back",
            (c, _) => BackOfficeActors.ForStep(access, c, stepKey, t).Then(actor => c.SendBack(stepKey, request.ToStepKey ?? "", request.Reason ?? "", actor, access.Now)),
            cancellationToken, new { step = stepKey, to = request.ToStepKey }))
        .Map(c => ShowCaseHandler.ViewOf(c, access));
}

/// <summary>POST /api/v1/cases/{caseNumber}/steps/{stepKey}/send-back.</summary>
public static class SendBackStepApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/cases/{caseNumber}/steps/{stepKey}/send-back", HandleAsync)
            .WithName("SendBackStep")
            .WithSummary("Send a case back to an earlier step")
            .WithDescription("Body: toStepKey (a step of an earlier stage), reason (required), expectedVersion. The caller must hold the active step. "
                + "The earlier step becomes active again, the steps in between wait their turn. Answers the case.")
            .ProducesCaseAction();

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> HandleAsync(
        string caseNumber, string stepKey, SendBackStepRequest request, SendBackStepHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(caseNumber, stepKey, request, cancellationToken)).ToOkOrProblem();
}
