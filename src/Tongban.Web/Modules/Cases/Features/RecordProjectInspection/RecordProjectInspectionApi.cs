using Microsoft.AspNetCore.Http.HttpResults;
using Tongban.Modules.Cases.Features.ShowProject;
using Tongban.Platform.Http;

namespace Tongban.Modules.Cases.Features.RecordProjectInspection;

/// <summary>POST /api/v1/projects/{number}/inspections.</summary>
public static class RecordProjectInspectionApi
{
    public static void Map(RouteGroupBuilder staff) =>
        staff.MapPost("/projects/{number}/inspections", HandleAsync)
            .WithName("RecordProjectInspection")
            .WithSummary("Schedule or record a stage's 联合踏勘 / 联合验收 once")
            .WithDescription("Staff who handle one of the stage's cases in the back office. Body {stage, action: schedule (with at) | record (it took place now)}. "
                + "A stage completes when every item has its result and its joint inspection is recorded. Answers the project. 404 out of reach, 409 project.no-inspection, "
                + "project.inspection-not-scheduled, project.inspection-done, project.stage-not-started.")
            .Produces<ProjectView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Ok<ProjectView>, ProblemHttpResult>> HandleAsync(string number, ProjectInspectionRequest request, RecordProjectInspectionHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(number, request, cancellationToken)).ToOkOrProblem();
}
