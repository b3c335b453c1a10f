using Microsoft.AspNetCore.Http.HttpResults;
using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Features.ShowCase;
using Tongban.Platform.Http;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Cases.Features.SupplementDeficiency;

/// <summary>
/// 容缺补齐: the applicant supplies materials owed under a 容缺 acceptance (some or all, before the
/// grace period ends); once nothing is owed the case goes on (and a stopped clock resumes).
/// </summary>
public sealed class SupplementDeficiencyHandler(CaseAccess access, TongbanDbContext db)
{
    public Task<Result<Case>> HandleAsync(string caseNumber, CaseMaterialsRequest request, CancellationToken cancellationToken) =>
        access.SupplyAsync(db, caseNumber, request, "cases.supplement-deficiency",
            (@case, materials, actor) => @case.SupplementDeficiency(materials, actor, access.Now), cancellationToken);
}

/// <summary>POST /api/v1/cases/{caseNumber}/supplement.</summary>
public static class SupplementDeficiencyApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/cases/{caseNumber}/supplement", HandleAsync)
            .WithName("SupplementDeficiency")
            .WithSummary("Supply owed 容缺 materials")
            .WithDescription("The applicant, while materials are owed under 容缺受理: body {materials:[{key, route: upload|commitment, fileId?, reference?}], expectedVersion?}, "
                + "some or all of the owed materials (uploads through POST /api/v1/files). Answers the case as GET /api/v1/cases/{caseNumber} does; accepted again once nothing is owed. "
                + "404 for a case that is not the caller's; 409 when the case is in another state or changed since expectedVersion; 422 for a material that is not owed or cannot be resolved, or after the grace period.")
            .ProducesCaseAction();

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> HandleAsync(string caseNumber, CaseMaterialsRequest request, SupplementDeficiencyHandler handler, CaseAccess access, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(caseNumber, request, cancellationToken)).Map(c => ShowCaseHandler.ViewOf(c, access)).ToOkOrProblem();
}
