using Microsoft.AspNetCore.Http.HttpResults;
using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Features.ShowCase;
using Tongban.Platform.Http;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Cases.Features.SupplyCorrection;

/// <summary>
/// 补正: the applicant answers the correction notice with every material it lists; the application is
/// received again and waits for the window.
/// </summary>
public sealed class SupplyCorrectionHandler(CaseAccess access, TongbanDbContext db)
{
    public Task<Result<Case>> HandleAsync(string caseNumber, CaseMaterialsRequest request, CancellationToken cancellationToken) =>
        access.SupplyAsync(db, caseNumber, request, "cases.supply-correction",
            (@case, materials, actor) => @case.SupplyCorrection(materials, actor, access.Now), cancellationToken);
}

/// <summary>POST /api/v1/cases/{caseNumber}/correction.</summary>
public static class SupplyCorrectionApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/cases/{caseNumber}/correction", HandleAsync)
            .WithName("SupplyCorrection")
            .WithSummary("Answer a correction notice (补正)")
            .WithDescription("The applicant, while the case awaits correction: body {materials:[{key, route: upload|commitment, fileId?, reference?}], expectedVersion?}, "
                + "supplying every material the notice lists (uploads through POST /api/v1/files). Answers the case as GET /api/v1/cases/{caseNumber} does, now submitted again. "
                + "404 for a case that is not the caller's; 409 when the case is in another state or changed since expectedVersion; 422 for a missing, unlisted or unresolvable material.")
            .ProducesCaseAction();

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> HandleAsync(string caseNumber, CaseMaterialsRequest request, SupplyCorrectionHandler handler, CaseAccess access, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(caseNumber, request, cancellationToken)).Map(c => ShowCaseHandler.ViewOf(c, access)).ToOkOrProblem();
}
