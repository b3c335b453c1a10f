using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.SubmitApplication;
using Tongban.Platform.Http;

namespace Tongban.Modules.Cases.Features.SubmitBundle;

/// <summary>POST /api/v1/bundles/{code}/cases.</summary>
public static class SubmitBundleApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/bundles/{code}/cases", HandleAsync)
            .WithName("SubmitBundle")
            .WithSummary("Apply for a 一件事 once")
            .WithDescription("Citizens and enterprise agents, with a bearer token and a required Idempotency-Key header (the same key and body answer the same 201; another body 422). "
                + "Body {answers:{situation:answer}, formValues:{field:value}, materials:[{key, route: upload|licence|sharedData|commitment|missing, fileId?, reference?}]}, keyed as "
                + "GET /api/v1/bundles/{code}/application gives them: each field, question and material once for every member. The whole application is checked first; a bad one stores nothing (422). "
                + "Answers 201 {bundleCaseNumber, status, submittedAt, promisedBy, members:[{key, name, caseNumber, status}]} with Location /api/v1/bundle-cases/{bundleCaseNumber}: members that wait for "
                + "no other are filed at once (caseNumber set); the others are filed when the results they wait for exist, with what flows from them. 404 for an unknown bundle.")
            .Produces<SubmittedBundleCase>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<Results<Created<SubmittedBundleCase>, ProblemHttpResult>> HandleAsync(
        string code, BundleApplicationRequest request, SubmitBundleHandler handler, HttpRequest http,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, CancellationToken cancellationToken)
    {
        // The stored key carries the prefix "bundle:", within the 200 characters a key may have.
        if (!SubmitApplicationApi.KeyAndChannel(http, idempotencyKey, 190).TryGet(out var submission, out var invalid))
        {
            return invalid.ToProblem();
        }

        var result = await handler.HandleAsync(code, request, submission.Channel, submission.Key, cancellationToken);
        return result.TryGet(out var submitted, out var error)
            ? TypedResults.Created($"/api/v1/bundle-cases/{submitted.BundleCaseNumber}", submitted)
            : error.ToProblem();
    }
}
