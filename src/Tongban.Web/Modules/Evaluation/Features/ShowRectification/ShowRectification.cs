using Microsoft.AspNetCore.Http.HttpResults;
using Tongban.Modules.Evaluation.Features.Shared;
using Tongban.Platform.Http;

namespace Tongban.Modules.Evaluation.Features.ShowRectification;

/// <summary>GET /api/v1/{backoffice|supervision|me}/rectifications/{id}.</summary>
public static class ShowRectificationApi
{
    private const string Shape = "The work order with its rating (level, tags, comment, case number), deadline and remaining working days, overdue and late, the appeal and the history. "
        + "404 for an order outside the caller's reach.";

    public static void MapDepartment(RouteGroupBuilder api) =>
        api.MapGet("/backoffice/rectifications/{id:guid}", (Guid id, RectificationAccess access, CancellationToken ct) => HandleAsync(id, RectificationReach.Department, access, ct))
            .WithName("ShowDepartmentRectification")
            .WithSummary("One of the department's 差评整改 work orders")
            .WithDescription(Shape + " The department also gets the real-name rater's name and phone for the 回访 (rater); the read is audited.")
            .Produces<RectificationView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    public static void MapSupervision(RouteGroupBuilder api) =>
        api.MapGet("/supervision/rectifications/{id:guid}", (Guid id, RectificationAccess access, CancellationToken ct) => HandleAsync(id, RectificationReach.Supervision, access, ct))
            .WithName("ShowSupervisedRectification")
            .WithSummary("One 差评整改 work order in the supervisor's region")
            .WithDescription(Shape + " The supervisor also gets the real-name rater's name and phone (rater); the read is audited.")
            .Produces<RectificationView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    public static void MapRater(RouteGroupBuilder api) =>
        api.MapGet("/me/rectifications/{id:guid}", (Guid id, RectificationAccess access, CancellationToken ct) => HandleAsync(id, RectificationReach.Rater, access, ct))
            .WithName("ShowMyRectification")
            .WithSummary("The work order the caller's real-name 差评 opened")
            .WithDescription(Shape + " Only the rater reaches it.")
            .Produces<RectificationView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<RectificationView>, ProblemHttpResult>> HandleAsync(
        Guid id, RectificationReach reach, RectificationAccess access, CancellationToken cancellationToken) =>
        (await access.ShowAsync(id, reach, cancellationToken)).ToOkOrProblem();
}
