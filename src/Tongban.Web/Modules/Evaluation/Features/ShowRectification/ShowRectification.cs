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
        Map(api, "/backoffice/rectifications/{id:guid}", RectificationReach.Department, "ShowDepartmentRectification", "One of the department's 差评整改 work orders",
            " The department also gets the real-name rater's name and phone for the 回访 (rater); the read is audited.");

    public static void MapSupervision(RouteGroupBuilder api) =>
        Map(api, "/supervision/rectifications/{id:guid}", RectificationReach.Supervision, "ShowSupervisedRectification", "One 差评整改 work order in the supervisor's region",
            " The supervisor also gets the real-name rater's name and phone (rater); the read is audited.");

    public static void MapRater(RouteGroupBuilder api) =>
        Map(api, "/me/rectifications/{id:guid}", RectificationReach.Rater, "ShowMyRectification", "The work order the caller's real-name 差评 opened", " Only the rater reaches it.");

    private static void Map(RouteGroupBuilder api, string path, RectificationReach reach, string name, string summary, string more) =>
        api.MapGet(path, (Guid id, RectificationAccess access, CancellationToken ct) => HandleAsync(id, reach, access, ct))
            .WithName(name)
            .WithSummary(summary)
            .WithDescription(Shape + more)
            .Produces<RectificationView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<RectificationView>, ProblemHttpResult>> HandleAsync(
        Guid id, RectificationReach reach, RectificationAccess access, CancellationToken cancellationToken) =>
        (await access.ShowAsync(id, reach, cancellationToken)).ToOkOrProblem();
}
