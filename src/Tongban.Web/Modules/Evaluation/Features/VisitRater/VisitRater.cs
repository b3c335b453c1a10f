using Microsoft.AspNetCore.Http.HttpResults;
using Tongban.Domain.Primitives;
using Tongban.Modules.Evaluation.Features.Shared;
using Tongban.Platform.Http;

namespace Tongban.Modules.Evaluation.Features.VisitRater;

public sealed record VisitRaterRequest(string? Note, int? ExpectedVersion);

/// <summary>回访: the department reached the real-name rater and notes what it learnt.</summary>
public sealed class VisitRaterHandler(RectificationAccess access)
{
    public Task<Result<RectificationView>> HandleAsync(Guid id, VisitRaterRequest request, CancellationToken cancellationToken) =>
        access.ActAsync(id, RectificationReach.Department, request.ExpectedVersion, "evaluation.rectification.visit",
            (order, _, by) => order.ReturnVisit(request.Note, by, access.Now), cancellationToken);
}

/// <summary>POST /api/v1/backoffice/rectifications/{id}/visit.</summary>
public static class VisitRaterApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/backoffice/rectifications/{id:guid}/visit", HandleAsync)
            .WithName("VisitRater")
            .WithSummary("Record the 回访 of a real-name rater")
            .WithDescription("The responsible department (approvers, admins): body note (required, what the rater said), expectedVersion (optional; 409 when the order moved on). "
                + "Only for an open order of a real-name rating (409 evaluation.anonymous-no-visit otherwise).")
            .ProducesRectificationAction();

    private static async Task<Results<Ok<RectificationView>, ProblemHttpResult>> HandleAsync(
        Guid id, VisitRaterRequest request, VisitRaterHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(id, request, cancellationToken)).ToOkOrProblem();
}
