using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Features.ShowCase;
using Tongban.Platform.Http;

namespace Tongban.Modules.Cases.Features.DeliverResult;

/// <param name="Method">pickup (统一窗口出件, a pickup code is generated and shown to the applicant), post (address, carrier, trackingNumber) or electronic (电子送达).</param>
public sealed record DeliverResultRequest(string? Method, string? Address, string? Carrier, string? TrackingNumber, int? ExpectedVersion);

/// <summary>送达: the issued result (or the denial) handed over at the window against a pickup code, or posted.</summary>
public sealed class DeliverResultHandler(CaseAccess access, BundleProgress bundles)
{
    public async Task<Result<CaseView>> HandleAsync(string caseNumber, DeliverResultRequest request, CancellationToken cancellationToken)
    {
        CaseDelivery? delivery = request.Method?.Trim().ToUpperInvariant() switch
        {
            "PICKUP" => CaseDelivery.WindowPickup(NewPickupCode()),
            "POST" => CaseDelivery.ByPost(request.Address ?? "", request.Carrier ?? "", request.TrackingNumber ?? ""),
            "ELECTRONIC" => CaseDelivery.Electronically(),
            _ => null,
        };
        if (delivery is null)
        {
            return new Invalid("cases.delivery-method-unknown", request.Method ?? "") { Field = "Method" };
        }

        return (await access.ActAsync(caseNumber, CaseReach.BackOffice, request.ExpectedVersion, "cases.deliver",
                async (c, _) => await bundles.MayDeliverAsync(c, cancellationToken) is { IsSuccess: false } held
                    ? held
                    : BackOfficeActors.Staff(access).Then(actor => c.Deliver(delivery, actor, access.Now)),
                cancellationToken, new { method = delivery.Method.ToString() }))
            .Map(c => ShowCaseHandler.ViewOf(c, access));
    }

    /// <summary>Six digits the applicant shows at the window; unguessable, so a stranger cannot collect.</summary>
    private static string NewPickupCode() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
}

/// <summary>POST /api/v1/cases/{caseNumber}/delivery.</summary>
public static class DeliverResultApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/cases/{caseNumber}/delivery", HandleAsync)
            .WithName("DeliverResult")
            .WithSummary("送达: window pickup or post")
            .WithDescription("Body: method (pickup|post|electronic); for post address, carrier and trackingNumber are required; expectedVersion. "
                + "A 全程网办 case is never picked up (409 case.fully-online-no-pickup); a 收受分离 case is delivered as chosen at receipt (post, or pickup at the receiving hall; else 409 case.remote-intake-delivery-not-chosen). "
                + "Pickup generates a six-digit pickup code, shown to the applicant on their case. Only an issued or denied case. Answers the case.")
            .ProducesCaseAction();

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> HandleAsync(
        string caseNumber, DeliverResultRequest request, DeliverResultHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(caseNumber, request, cancellationToken)).ToOkOrProblem();
}
