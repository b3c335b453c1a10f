using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Platform.Http;

namespace Tongban.Modules.Cases.Features.SubmitApplication;

/// <summary>POST /api/v1/cases.</summary>
public static class SubmitApplicationApi
{
    public const string ChannelHeader = "X-Tongban-Channel";

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/cases", HandleAsync)
            .WithName("SubmitApplication")
            .WithSummary("Apply for an item (一网申报)")
            .WithDescription("Citizens and enterprise agents, with a bearer token and a required Idempotency-Key header: the same key and body answer the same 201 and case number, never a second case "
                + "(the same key with another body: 422). Body {implementationCode, answers:{situation:answer}, formValues:{field:value}, materials:[{key, route: upload|licence|sharedData|commitment|missing, fileId?, reference?}]} (missing: only a material the item accepts under 容缺, for the window to accept with a commitment). "
                + "Every required material of the list for the answers must be satisfied; licence, sharedData and commitment only where the item allows that route. "
                + "Answers 201 {caseNumber, status, receivedAt, promisedBy (the promised limit counted from receipt on the working-day calendar)} with Location. 422 ProblemDetails for an unknown or unpublished item, bad answers or form values, or a missing material; nothing is stored. "
                + "The channel is MobileApi, or KioskApi with the header X-Tongban-Channel: kiosk.")
            .Produces<SubmittedCase>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>
    /// An API submission's required Idempotency-Key (at most <paramref name="maxLength"/> characters) and its
    /// channel: MobileApi, or KioskApi with the header X-Tongban-Channel: kiosk.
    /// </summary>
    public static Result<(string Key, CaseChannel Channel)> KeyAndChannel(HttpRequest http, string? idempotencyKey, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > maxLength)
        {
            return new Invalid("cases.idempotency-key-required") { Field = "Idempotency-Key" };
        }

        var channel = string.Equals(http.Headers[ChannelHeader], "kiosk", StringComparison.OrdinalIgnoreCase) ? CaseChannel.KioskApi : CaseChannel.MobileApi;
        return (idempotencyKey.Trim(), channel);
    }

    private static async Task<Results<Created<SubmittedCase>, ProblemHttpResult>> HandleAsync(
        ApplicationRequest request, SubmitApplicationHandler handler, HttpRequest http,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (!KeyAndChannel(http, idempotencyKey, 200).TryGet(out var submission, out var invalid))
        {
            return invalid.ToProblem();
        }

        var result = await handler.HandleAsync(request, new Filing(submission.Channel), submission.Key, cancellationToken);
        return result.TryGet(out var submitted, out var error)
            ? TypedResults.Created($"/api/v1/cases/{submitted.CaseNumber}", submitted)
            : error.ToProblem();
    }
}
