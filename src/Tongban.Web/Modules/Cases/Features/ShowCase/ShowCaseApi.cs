using Microsoft.AspNetCore.Http.HttpResults;
using Tongban.Platform.Http;

namespace Tongban.Modules.Cases.Features.ShowCase;

/// <summary>GET /api/v1/cases/{caseNumber}.</summary>
public static class ShowCaseApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/cases/{caseNumber}", HandleAsync)
            .WithName("ShowCase")
            .WithSummary("One case")
            .WithDescription("Applicants see their own cases; staff the cases in their reach (window clerks by region, approvers by region and department, supervisors by region). "
                + "Anyone else gets 404. Answers status and its Chinese name, version (send it back as expectedVersion when acting), received / accepted times, "
                + "the intake deadline while awaiting acceptance, the clock (warning level normal|yellow|red|paused, deadlines and remaining working days), "
                + "materials with the route that satisfied each, back-office steps with their times, the history and the notices (补正告知).")
            .Produces<CaseView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> HandleAsync(string caseNumber, ShowCaseHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(caseNumber, cancellationToken);
        return result.ToOkOrProblem();
    }
}
