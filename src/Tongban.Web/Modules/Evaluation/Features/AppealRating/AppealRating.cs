using Microsoft.AspNetCore.Http.HttpResults;
using Tongban.Domain.Evaluation;
using Tongban.Domain.Primitives;
using Tongban.Modules.Evaluation.Features.Shared;
using Tongban.Platform.Http;

namespace Tongban.Modules.Evaluation.Features.AppealRating;

/// <param name="Ground">malicious (恶意评价) or mistaken (误评).</param>
public sealed record AppealRatingRequest(string? Ground, string? Reason, int? ExpectedVersion);

/// <summary>申诉: the responsible department appeals the 差评 behind its work order, once; the rating counts until reviewed.</summary>
public sealed class AppealRatingHandler(RectificationAccess access)
{
    public Task<Result<RectificationView>> HandleAsync(Guid id, AppealRatingRequest request, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<AppealGround>(request.Ground?.Trim(), ignoreCase: true, out var ground) || !Enum.IsDefined(ground))
        {
            return Task.FromResult<Result<RectificationView>>(new Invalid("evaluation.appeal-ground-unknown") { Field = "ground" });
        }

        return access.ActAsync(id, RectificationReach.Department, request.ExpectedVersion, "evaluation.rating.appeal",
            (_, rating, by) => rating.AppealAgainst(ground, request.Reason, by, access.Now), cancellationToken);
    }
}

/// <summary>POST /api/v1/backoffice/rectifications/{id}/appeal.</summary>
public static class AppealRatingApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/backoffice/rectifications/{id:guid}/appeal", HandleAsync)
            .WithName("AppealRating")
            .WithSummary("Appeal the 差评 behind a work order (申诉)")
            .WithDescription("The responsible department: body ground (malicious|mistaken), reason (required, up to 500 characters), expectedVersion (the order's, optional). "
                + "Once per rating (409 evaluation.already-appealed). The rating counts and the order runs on until a supervisor reviews the appeal.")
            .ProducesRectificationAction();

    private static async Task<Results<Ok<RectificationView>, ProblemHttpResult>> HandleAsync(
        Guid id, AppealRatingRequest request, AppealRatingHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(id, request, cancellationToken)).ToOkOrProblem();
}
