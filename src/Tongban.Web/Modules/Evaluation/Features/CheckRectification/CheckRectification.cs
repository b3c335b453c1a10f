using Microsoft.AspNetCore.Http.HttpResults;
using Tongban.Domain.Primitives;
using Tongban.Modules.Evaluation.Features.Shared;
using Tongban.Platform.Http;

namespace Tongban.Modules.Evaluation.Features.CheckRectification;

public sealed record CheckRectificationRequest(bool Close, string? Note, int? ExpectedVersion);

/// <summary>核查: the supervisor closes the order or sends it back to be rectified again with a note.</summary>
public sealed class CheckRectificationHandler(RectificationAccess access)
{
    public Task<Result<RectificationView>> HandleAsync(Guid id, CheckRectificationRequest request, CancellationToken cancellationToken) =>
        access.ActAsync(id, RectificationReach.Supervision, request.ExpectedVersion, request.Close ? "evaluation.rectification.close" : "evaluation.rectification.send-back",
            (order, _, by) => order.SupervisorChecks(request.Close, request.Note, by, access.Now), cancellationToken);
}

/// <summary>POST /api/v1/supervision/rectifications/{id}/check.</summary>
public static class CheckRectificationApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/supervision/rectifications/{id:guid}/check", HandleAsync)
            .WithName("CheckRectification")
            .WithSummary("The supervisor closes a work order or sends it back")
            .WithDescription("Supervisors in the order's region: body close (true closes; false sends it back to be rectified again and needs a note), note, expectedVersion (optional; 409 when the order moved on). "
                + "Ready after the rater's confirmation (real-name) or straight after the rectification (anonymous); 409 otherwise.")
            .ProducesRectificationAction();

    private static async Task<Results<Ok<RectificationView>, ProblemHttpResult>> HandleAsync(
        Guid id, CheckRectificationRequest request, CheckRectificationHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(id, request, cancellationToken)).ToOkOrProblem();
}
