using Microsoft.AspNetCore.Http.HttpResults;
using Tongban.Modules.Cases.Features.ShowProject;
using Tongban.Platform.Http;

namespace Tongban.Modules.Cases.Features.OpenProject;

/// <summary>POST /api/v1/projects.</summary>
public static class OpenProjectApi
{
    public static void Map(RouteGroupBuilder applicant) =>
        applicant.MapPost("/projects", HandleAsync)
            .WithName("OpenProject")
            .WithSummary("Open a 工程建设项目")
            .WithDescription("Enterprise agents, for their enterprise. Body {code (项目代码, ≤ 50), name (≤ 200)}. Answers 201 with the project (as GET /api/v1/projects/{number}) and "
                + "Location /api/v1/projects/{number}: number GCXM + date + serial, four stages with their items and joint inspections, none started. 403 for a citizen, 422 for a missing code or name.")
            .Produces<ProjectView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Created<ProjectView>, ProblemHttpResult>> HandleAsync(OpenProjectRequest request, OpenProjectHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(request, cancellationToken)).TryGet(out var project, out var error)
            ? TypedResults.Created($"/api/v1/projects/{project.Number}", project)
            : error.ToProblem();
}
