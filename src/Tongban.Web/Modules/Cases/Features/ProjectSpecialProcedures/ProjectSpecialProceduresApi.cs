using Microsoft.AspNetCore.Http.HttpResults;
using Tongban.Modules.Cases.Features.ShowProject;
using Tongban.Platform.Http;

namespace Tongban.Modules.Cases.Features.ProjectSpecialProcedures;

/// <summary>POST /api/v1/projects/{number}/special-procedures and …/special-procedures/end.</summary>
public static class ProjectSpecialProceduresApi
{
    public static void Map(RouteGroupBuilder staff)
    {
        staff.MapPost("/projects/{number}/special-procedures", StartAsync)
            .WithName("StartProjectSpecialProcedure")
            .WithSummary("Start a 特别程序 on a running stage of a 工程建设项目")
            .WithDescription("Staff who handle one of the stage's cases. Body {stage, procedure: hearing|tendering|auction|inspection|testing|quarantine|appraisal|expertReview|siteSurvey, note}. "
                + "Every working day it touches is off the project clock. Answers the project. 409 project.pause-needs-running-stage, project.pause-running.")
            .Produces<ProjectView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapPost("/projects/{number}/special-procedures/end", EndAsync)
            .WithName("EndProjectSpecialProcedure")
            .WithSummary("End the running 特别程序 of a stage")
            .WithDescription("Staff who handle one of the stage's cases. Body {stage}. Answers the project. 409 project.no-pause.")
            .Produces<ProjectView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<ProjectView>, ProblemHttpResult>> StartAsync(string number, ProjectSpecialProcedureRequest request, ProjectSpecialProceduresHandler handler, CancellationToken cancellationToken) =>
        (await handler.StartAsync(number, request, cancellationToken)).ToOkOrProblem();

    private static async Task<Results<Ok<ProjectView>, ProblemHttpResult>> EndAsync(string number, ProjectSpecialProcedureRequest request, ProjectSpecialProceduresHandler handler, CancellationToken cancellationToken) =>
        (await handler.EndAsync(number, request, cancellationToken)).ToOkOrProblem();
}
