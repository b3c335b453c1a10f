using Microsoft.AspNetCore.Http.HttpResults;
using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Features.ShowCase;
using Tongban.Platform.Http;

namespace Tongban.Modules.Cases.Features.DecideIntake;

/// <summary>POST /api/v1/cases/{caseNumber}/accept | request-correction | refuse | accept-with-deficiency | accept-under-commitment.</summary>
public static class DecideIntakeApi
{
    private const string Common = " Window clerks whose region covers the case's region (无差别受理); anyone else gets 404 (approvers, other counties) or 403 (applicants). "
        + "Send expectedVersion (the version of GET /api/v1/cases/{caseNumber}) to be told when someone acted first. "
        + "Answers the case as GET /api/v1/cases/{caseNumber} shows it; 422 ProblemDetails for a broken rule, 409 when the case is not awaiting intake or changed meanwhile (the detail names its current status). Nothing changes on an error.";

    public static void Map(RouteGroupBuilder staff)
    {
        Describe(staff.MapPost("/cases/{caseNumber}/accept", (string caseNumber, AcceptRequest? request, DecideIntakeHandler handler, CaseAccess access, CancellationToken ct) =>
                Answer(handler.AcceptAsync(caseNumber, request ?? new AcceptRequest(), ct), access)),
            "AcceptCase", "Accept a case (受理)",
            "Body {expectedVersion?}. Every required material must be present. Starts the promised and statutory clocks under the terms of the item version the case started with "
            + "(from receipt when the 5-working-day intake period had run out: deemedAccepted), then runs the after-acceptance steps (秒批).");
        Describe(staff.MapPost("/cases/{caseNumber}/request-correction", (string caseNumber, RequestCorrectionRequest request, DecideIntakeHandler handler, CaseAccess access, CancellationToken ct) =>
                Answer(handler.RequestCorrectionAsync(caseNumber, request, ct), access)),
            "RequestCorrection", "Send one correction notice (补正告知)",
            "Body {items:[{materialKey, reason}], expectedVersion?}: one notice listing every missing or defective material with a reason each; it must name every required material still missing. "
            + "The case awaits the applicant's correction.");
        Describe(staff.MapPost("/cases/{caseNumber}/refuse", (string caseNumber, RefuseRequest request, DecideIntakeHandler handler, CaseAccess access, CancellationToken ct) =>
                Answer(handler.RefuseAsync(caseNumber, request, ct), access)),
            "RefuseAcceptance", "Refuse acceptance (不予受理)",
            "Body {reason, expectedVersion?}: the reason is required and goes on the 不予受理通知书.");
        Describe(staff.MapPost("/cases/{caseNumber}/accept-with-deficiency", (string caseNumber, AcceptWithDeficiencyRequest request, DecideIntakeHandler handler, CaseAccess access, CancellationToken ct) =>
                Answer(handler.AcceptWithDeficiencyAsync(caseNumber, request, ct), access)),
            "AcceptWithDeficiency", "Accept with owed materials (容缺受理)",
            "Body {commitment, supplementWorkingDays, expectedVersion?}: only when every missing material is a non-key (容缺) one (409 otherwise); the applicant's signed commitment text; "
            + "the supplement deadline (working days from now) may not fall after the promised deadline. The 容缺 timeline then runs on its own (second notice, 不予办理).");
        Describe(staff.MapPost("/cases/{caseNumber}/accept-under-commitment", (string caseNumber, AcceptUnderCommitmentRequest request, DecideIntakeHandler handler, CaseAccess access, CancellationToken ct) =>
                Answer(handler.AcceptUnderCommitmentAsync(caseNumber, request, ct), access)),
            "AcceptUnderCommitment", "Accept under a signed commitment (告知承诺)",
            "Body {commitment, expectedVersion?}: the commitment replaces the proofs that accept one. Refused (409) for items that do not allow commitments or are high-risk (public safety), "
            + "and for applicants with serious bad credit or a past false commitment.");
    }

    private static void Describe(RouteHandlerBuilder endpoint, string name, string summary, string description) =>
        endpoint.WithName(name)
            .WithSummary(summary)
            .WithDescription(description + Common)
            .ProducesCaseAction();

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> Answer(Task<Result<Case>> decision, CaseAccess access) =>
        (await decision).TryGet(out var @case, out var error) ? TypedResults.Ok(ShowCaseHandler.ViewOf(@case, access)) : error.ToProblem();
}
