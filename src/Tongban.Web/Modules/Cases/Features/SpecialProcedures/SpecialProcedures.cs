using Microsoft.AspNetCore.Http.HttpResults;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Features.ShowCase;
using Tongban.Platform.Http;

namespace Tongban.Modules.Cases.Features.SpecialProcedures;

/// <param name="Procedure">One of the nine (Hearing, Tendering, Auction, Inspection, Testing, Quarantine, Appraisal, ExpertReview, SiteSurvey).</param>
public sealed record StartSpecialProcedureRequest(string? Procedure, string? Reason, int? ExpectedVersion);

public sealed record EndSpecialProcedureRequest(string? Comment, int? ExpectedVersion);

/// <summary>特别程序: the clock stops with the recorded kind and reason, and restarts when it ends; the paused working days move both deadlines.</summary>
public sealed class SpecialProcedureHandler(CaseAccess access)
{
    public async Task<Result<CaseView>> StartAsync(string caseNumber, StartSpecialProcedureRequest request, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<SpecialProcedure>(request.Procedure?.Trim(), ignoreCase: true, out var procedure) || !Enum.IsDefined(procedure))
        {
            return new Invalid("cases.special-procedure-unknown", request.Procedure ?? "") { Field = "Procedure" };
        }

        return (await access.ActAsync(caseNumber, CaseReach.BackOffice, request.ExpectedVersion, "cases.special-procedure.start",
                (c, _) => BackOfficeActors.Staff(access).Then(actor => c.StartSpecialProcedure(procedure, request.Reason ?? "", actor, access.Now)),
                cancellationToken, new { procedure = procedure.ToString() }))
            .Map(c => ShowCaseHandler.ViewOf(c, access));
    }

    public async Task<Result<CaseView>> EndAsync(string caseNumber, EndSpecialProcedureRequest request, CancellationToken cancellationToken) =>
        (await access.ActAsync(caseNumber, CaseReach.BackOffice, request.ExpectedVersion, "cases.special-procedure.end",
            (c, _) => BackOfficeActors.Staff(access).Then(actor => c.EndSpecialProcedure(actor, access.Now, string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim())),
            cancellationToken))
        .Map(c => ShowCaseHandler.ViewOf(c, access));
}

/// <summary>POST /api/v1/cases/{caseNumber}/special-procedures and .../special-procedures/end.</summary>
public static class SpecialProceduresApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/cases/{caseNumber}/special-procedures", StartAsync)
            .WithName("StartSpecialProcedure")
            .WithSummary("Start a special procedure (the clock stops)")
            .WithDescription("Body: procedure (Hearing|Tendering|Auction|Inspection|Testing|Quarantine|Appraisal|ExpertReview|SiteSurvey: 听证 招标 拍卖 检验 检测 检疫 鉴定 专家评审 现场勘察), "
                + "reason (required), expectedVersion. One at a time; no decision while it runs. Approvers and department admins of the case's department. Answers the case.")
            .ProducesCaseAction();
        api.MapPost("/cases/{caseNumber}/special-procedures/end", EndAsync)
            .WithName("EndSpecialProcedure")
            .WithSummary("End the running special procedure (the clock restarts)")
            .WithDescription("Body: comment, expectedVersion. The working days it ran are excluded: both deadlines move later by them. Answers the case.")
            .ProducesCaseAction();
    }

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> StartAsync(
        string caseNumber, StartSpecialProcedureRequest request, SpecialProcedureHandler handler, CancellationToken cancellationToken) =>
        (await handler.StartAsync(caseNumber, request, cancellationToken)).TryGet(out var view, out var error) ? TypedResults.Ok(view) : error.ToProblem();

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> EndAsync(
        string caseNumber, EndSpecialProcedureRequest request, SpecialProcedureHandler handler, CancellationToken cancellationToken) =>
        (await handler.EndAsync(caseNumber, request, cancellationToken)).TryGet(out var view, out var error) ? TypedResults.Ok(view) : error.ToProblem();
}
