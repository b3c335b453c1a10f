using Microsoft.AspNetCore.Http.HttpResults;

namespace Tongban.Modules.Licences.Features.Wallet;

/// <summary>One licence in the holder's wallet.</summary>
/// <param name="Status">valid | expired | suspended | revoked | superseded.</param>
/// <param name="Fields">The public fields by label, in the template's order.</param>
/// <param name="Qr">What the licence's QR code holds: the verification link with the signed payload.</param>
public sealed record MyLicence(
    string Identifier, string TypeCode, string TypeName, string Issuer, DateOnly IssuedOn, DateOnly ValidFrom, DateOnly? ValidUntil,
    string Status, string StatusName, IReadOnlyDictionary<string, string> Fields, string Qr, string Payload)
{
    public static MyLicence From(LicenceCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var l = card.Licence;
        return new(l.Identifier.Value, l.TypeCode.Value, l.TypeName, l.IssuerName, l.IssuedOn, l.ValidFrom, l.ValidUntil, card.WireState, card.StateName,
            card.PublicFields.ToDictionary(f => f.Label, f => f.Value, StringComparer.Ordinal), card.VerificationUrl, l.Payload);
    }
}

/// <summary>GET /api/v1/me/licences.</summary>
public static class ListMyLicencesApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/me/licences", HandleAsync)
            .WithName("ListMyLicences")
            .WithSummary("The caller's licences (wallet)")
            .WithDescription("Citizens get the licences they hold (by ID number), enterprise agents their enterprise's (by USCC): valid ones first, "
                + "then expired, suspended, revoked and superseded ones, newest first within each. qr is the verification link the licence's QR code holds.")
            .Produces<IReadOnlyList<MyLicence>>();

    private static async Task<Ok<IReadOnlyList<MyLicence>>> HandleAsync(LicenceCards cards, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<MyLicence>>([.. (await cards.MineAsync(cancellationToken)).Select(MyLicence.From)]);
}
