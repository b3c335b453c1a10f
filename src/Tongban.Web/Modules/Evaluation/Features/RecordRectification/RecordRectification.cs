using Microsoft.AspNetCore.Http.HttpResults;
using Tongban.Domain.Primitives;
using Tongban.Modules.Evaluation.Features.Shared;
using Tongban.Platform.Http;

namespace Tongban.Modules.Evaluation.Features.RecordRectification;

public sealed record RecordRectificationRequest(string? Measures, int? ExpectedVersion);

/// <summary>整改措施: the department records what it changed (after the 回访 for a real-name rating).</summary>
public sealed class RecordRectificationHandler(RectificationAccess access)
{
    public Task<Result<RectificationView>> HandleAsync(Guid id, RecordRectificationRequest request, CancellationToken cancellationToken) =>
        access.ActAsync(id, RectificationReach.Department, request.ExpectedVersion, "evaluation.rectification.rectify",
            (order, _, by) => order.Rectify(request.Measures, by, access.Now), cancellationToken);
}

/// <summary>POST /api/v1/backoffice/rectifications/{id}/rectify.</summary>
public static class RecordRectificationApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/backoffice/rectifications/{id:guid}/rectify", HandleAsync)
            .WithName("RecordRectification")
            .WithSummary("Record the rectification of a 差评")
            .WithDescription("The responsible department: body measures (required), expectedVersion (optional; 409 when the order moved on). "
                + "A real-name rater must have been visited first (409 evaluation.visit-first). The real-name rater then confirms; an anonymous rating goes to the supervisor.")
            .ProducesRectificationAction();

    private static async Task<Results<Ok<RectificationView>, ProblemHttpResult>> HandleAsync(
        Guid id, RecordRectificationRequest request, RecordRectificationHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(id, request, cancellationToken)).ToOkOrProblem();
}
