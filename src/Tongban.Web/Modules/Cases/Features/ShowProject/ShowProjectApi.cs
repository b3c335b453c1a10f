using Microsoft.AspNetCore.Http.HttpResults;
using Tongban.Platform.Http;
using Tongban.Platform.Security;

namespace Tongban.Modules.Cases.Features.ShowProject;

/// <summary>GET /api/v1/projects and GET /api/v1/projects/{number}.</summary>
public static class ShowProjectApi
{
    public static void Map(RouteGroupBuilder applicant, RouteGroupBuilder anyone)
    {
        applicant.MapGet("/projects", MineAsync)
            .WithName("ListMyProjects")
            .WithSummary("The enterprise's 工程建设项目")
            .WithDescription("Enterprise agents: the enterprise's projects, newest first: [{number, code, name, createdAt, currentStage, completed}]. 403 for a citizen.")
            .Produces<ProjectSummary[]>()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        anyone.MapGet("/projects/{number}", ShowAsync)
            .WithName("ShowProject")
            .WithSummary("A 工程建设项目: stages, cases, clock, department shares")
            .WithDescription("The enterprise's agents, and staff who handle one of its items' cases in the back office (audited). Answers {number, code, name, applicant, "
                + "nextStage, clock:{limitWorkingDays: 90, elapsedWorkingDays, remainingWorkingDays, overdue}, stages:[{stage, name, status: notStarted|inProgress|completed, "
                + "limitWorkingDays, elapsedWorkingDays, remainingWorkingDays, overdue, startedAt, completedAt, mayFile, items:[{key, name, implementationCode, department, caseNumber, "
                + "caseStatus, resultAt}], inspection:{kind, name, departments, scheduledAt, doneAt}}], departments:[{department, workingDays, items}], specialProcedures, connections}. "
                + "Working days are the city's calendar: the day a stage starts does not count, days touched by a 特别程序 do not count, time between stages and 报装 never count. "
                + "404 for a project out of reach.")
            .Produces<ProjectView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<ProjectSummary[]>, ProblemHttpResult>> MineAsync(ShowProjectHandler handler, CurrentUser user, CancellationToken cancellationToken) =>
        (await handler.MineAsync(user.LegalPerson, cancellationToken)).ToOkOrProblem();

    private static async Task<Results<Ok<ProjectView>, ProblemHttpResult>> ShowAsync(string number, ShowProjectHandler handler, CurrentUser user, CancellationToken cancellationToken) =>
        (user.IsStaff ? await handler.ForStaffAsync(number, cancellationToken) : await handler.ForApplicantAsync(number, cancellationToken)).ToOkOrProblem();
}
