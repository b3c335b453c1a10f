using Microsoft.AspNetCore.Http.HttpResults;
using Tongban.Modules.Cases.Features.ShowProject;
using Tongban.Platform.Http;

namespace Tongban.Modules.Cases.Features.RequestConnection;

/// <summary>POST /api/v1/projects/{number}/connections.</summary>
public static class RequestConnectionApi
{
    public static void Map(RouteGroupBuilder applicant) =>
        applicant.MapPost("/projects/{number}/connections", HandleAsync)
            .WithName("RequestProjectConnection")
            .WithSummary("Attach a 水电气信 报装 to a 工程建设项目")
            .WithDescription("The enterprise's agents. Body {utility: water|power|gas|telecom}. From 工程建设许可 on (409 project.connection-too-early before), one per utility "
                + "(409 project.connection-duplicate); never on the project clock. Answers the project. 404 for another enterprise's project.")
            .Produces<ProjectView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Ok<ProjectView>, ProblemHttpResult>> HandleAsync(string number, ConnectionRequestBody request, RequestConnectionHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(number, request, cancellationToken)).ToOkOrProblem();
}
