using Microsoft.AspNetCore.Http.HttpResults;
using Tongban.Domain.Primitives;
using Tongban.Modules.Evaluation.Features.Shared;
using Tongban.Platform.Http;

namespace Tongban.Modules.Evaluation.Features.ConfirmRectification;

public sealed record ConfirmRectificationRequest(bool Satisfied, string? Comment, int? ExpectedVersion);

/// <summary>The real-name rater's answer: satisfied sends the order to the supervisor, not satisfied back to the department.</summary>
public sealed class ConfirmRectificationHandler(RectificationAccess access)
{
    public Task<Result<RectificationView>> HandleAsync(Guid id, ConfirmRectificationRequest request, CancellationToken cancellationToken) =>
        access.ActAsync(id, RectificationReach.Rater, request.ExpectedVersion, "evaluation.rectification.confirm",
            (order, _, _) => order.RaterConfirms(request.Satisfied, request.Comment, access.Now), cancellationToken);
}

/// <summary>POST /api/v1/me/rectifications/{id}/confirmation.</summary>
public static class ConfirmRectificationApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/me/rectifications/{id:guid}/confirmation", HandleAsync)
            .WithName("ConfirmRectification")
            .WithSummary("The rater confirms or rejects the rectification")
            .WithDescription("Only the real-name rater (404 for anyone else): body satisfied (true: the order goes to the supervisor; false: the department rectifies again), "
                + "comment (optional), expectedVersion (optional; 409 when the order moved on). Only after a rectification (409 otherwise).")
            .ProducesRectificationAction();

    private static async Task<Results<Ok<RectificationView>, ProblemHttpResult>> HandleAsync(
        Guid id, ConfirmRectificationRequest request, ConfirmRectificationHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(id, request, cancellationToken)).ToOkOrProblem();
}
