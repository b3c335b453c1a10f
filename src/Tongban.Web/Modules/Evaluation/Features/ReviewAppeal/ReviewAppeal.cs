using Microsoft.AspNetCore.Http.HttpResults;
using Tongban.Domain.Primitives;
using Tongban.Modules.Evaluation.Features.Shared;
using Tongban.Platform.Http;

namespace Tongban.Modules.Evaluation.Features.ReviewAppeal;

public sealed record ReviewAppealRequest(bool Upheld, string? PublicReason, int? ExpectedVersion);

/// <summary>
/// The review of a 申诉 by a supervisor other than the appellant, with a reason published either way. Upheld,
/// the rating is excluded and its work order withdrawn in the same save.
/// </summary>
public sealed class ReviewAppealHandler(RectificationAccess access)
{
    public Task<Result<RectificationView>> HandleAsync(Guid id, ReviewAppealRequest request, CancellationToken cancellationToken) =>
        access.ActAsync(id, RectificationReach.Supervision, request.ExpectedVersion, request.Upheld ? "evaluation.rating.appeal-upheld" : "evaluation.rating.appeal-rejected",
            (order, rating, by) =>
            {
                var reviewed = rating.ReviewAppeal(request.Upheld, request.PublicReason, by, access.Now);
                return reviewed.IsSuccess && request.Upheld ? order.Withdraw(rating, access.Now) : reviewed;
            },
            cancellationToken);
}

/// <summary>POST /api/v1/supervision/rectifications/{id}/appeal-review.</summary>
public static class ReviewAppealApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/supervision/rectifications/{id:guid}/appeal-review", HandleAsync)
            .WithName("ReviewAppeal")
            .WithSummary("Review the 申诉 against the work order's rating")
            .WithDescription("Supervisors in the order's region, never the appellant (403 evaluation.appellant-cannot-review): body upheld, publicReason (required, published on /ratings/appeals), "
                + "expectedVersion (the order's, optional). Upheld excludes the rating from every count and withdraws the work order in the same transaction; rejected leaves both as they are. "
                + "409 evaluation.no-pending-appeal when there is none.")
            .ProducesRectificationAction();

    private static async Task<Results<Ok<RectificationView>, ProblemHttpResult>> HandleAsync(
        Guid id, ReviewAppealRequest request, ReviewAppealHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(id, request, cancellationToken)).ToOkOrProblem();
}
