using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Tongban.Modules.Cases.Features.SubmitApplication;
using Tongban.Platform.Http;

namespace Tongban.Modules.Cases.Features.FileProjectStage;

/// <summary>POST /api/v1/projects/{number}/stages/{stage}/cases.</summary>
public static class FileProjectStageApi
{
    public static void Map(RouteGroupBuilder applicant) =>
        applicant.MapPost("/projects/{number}/stages/{stage}/cases", HandleAsync)
            .WithName("FileProjectStage")
            .WithSummary("File a stage of a 工程建设项目 once")
            .WithDescription("The enterprise's agents, with a required Idempotency-Key header (the same key and body answer the same 201; another body 422). "
                + "stage: landUsePlanning | constructionWorksPermit | constructionPermit | completionAcceptance. Body {answers:{situation:answer}, formValues:{field:value}, "
                + "drawingsFileId (an upload of the agent's: the stage's one set of drawings, referenced by every item that asks for drawings), materials:[{key, route, fileId?, reference?, item?}] "
                + "(a material applies to every item of the stage that lists its key, or to the item named)}. Every item of the stage is filed as its own case in one transaction; "
                + "answers 201 {projectNumber, stage, startedAt, items:[{key, name, caseNumber, status}]}. 409 project.previous-stage-incomplete before the previous stage is complete, "
                + "409 project.stage-started for a stage already filed, 404 for another enterprise's project, 422 for a bad application (nothing is stored).")
            .Produces<FiledProjectStage>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Created<FiledProjectStage>, ProblemHttpResult>> HandleAsync(
        string number, string stage, ProjectStageRequest request, FileProjectStageHandler handler, HttpRequest http,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, CancellationToken cancellationToken)
    {
        // The stored key carries the prefix "project:", within the 200 characters a key may have.
        if (!SubmitApplicationApi.KeyAndChannel(http, idempotencyKey, 190).TryGet(out var submission, out var invalid))
        {
            return invalid.ToProblem();
        }

        return (await handler.HandleAsync(number, stage, request, submission.Channel, submission.Key, cancellationToken)).TryGet(out var filed, out var error)
            ? TypedResults.Created($"/api/v1/projects/{filed.ProjectNumber}", filed)
            : error.ToProblem();
    }
}
