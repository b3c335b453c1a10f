using Microsoft.AspNetCore.Http.HttpResults;
using Tongban.Domain.Licences;
using Tongban.Domain.Primitives;
using Tongban.Platform.Http;
using NotFound = Tongban.Domain.Primitives.NotFound;

namespace Tongban.Modules.Licences.Features.Grants;

/// <param name="Hours">How long the grant lasts, 1 hour up to the configured maximum (default 30 days); <paramref name="Days"/> may be given instead.</param>
public sealed record CreateGrantRequest(string? Grantee, string? Purpose, int? Hours, int? Days);

/// <summary>What a third party reads through a 用证授权 code: the licence's public fields and the holder's full name, while the licence is valid.</summary>
/// <param name="Status">valid | expired | suspended | revoked | superseded; when not valid, holder and fields are empty.</param>
public sealed record SharedLicenceView(
    string Identifier, string TypeName, string Issuer, string Status, string StatusName, string? Holder, DateOnly? ValidFrom, DateOnly? ValidUntil,
    IReadOnlyDictionary<string, string> Fields, string? Grantee, string? Purpose, DateTimeOffset GrantExpiresAt)
{
    public static SharedLicenceView From(GrantedLicence granted)
    {
        ArgumentNullException.ThrowIfNull(granted);
        var (grant, card) = (granted.Grant, granted.Card);
        var l = card.Licence;
        return card.IsValid
            ? new(l.Identifier.Value, l.TypeName, l.IssuerName, card.WireState, card.StateName, l.Holder.Name, l.ValidFrom, l.ValidUntil,
                card.PublicFields.ToDictionary(f => f.Label, f => f.Value, StringComparer.Ordinal), grant.Grantee, grant.Purpose, grant.ExpiresAt)
            : new(l.Identifier.Value, l.TypeName, l.IssuerName, card.WireState, card.StateName, null, null, null,
                new Dictionary<string, string>(), grant.Grantee, grant.Purpose, grant.ExpiresAt);
    }
}

/// <summary>用证授权 over the API: the holder creates, lists and revokes; anyone with the code reads.</summary>
public static class GrantsApi
{
    public static void MapHolder(RouteGroupBuilder applicant)
    {
        applicant.MapPost("/me/licences/{identifier}/grants", CreateAsync)
            .WithName("CreateLicenceGrant")
            .WithSummary("Grant a third party use of one licence (用证授权)")
            .WithDescription("Names the third party and the purpose and sets the duration (hours or days, 1 hour up to Tongban:Licences:MaxGrantDays, default 30 days). "
                + "Only a licence valid today can be granted. Answers the code (8 characters, shown once; only its hash is stored) and the link "
                + "<PublicBaseUrl>/licences/shared/{code}. Audited.")
            .Produces<IssuedCode>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        applicant.MapGet("/me/licences/{identifier}/grants", ListAsync)
            .WithName("ListLicenceGrants")
            .WithSummary("The holder's grants of one licence")
            .WithDescription("Newest first, each with its state (active | expired | revoked), how often and when last it was used.")
            .Produces<IReadOnlyList<GrantRow>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        applicant.MapPost("/me/licence-grants/{id:guid}/revoke", RevokeAsync)
            .WithName("RevokeLicenceGrant")
            .WithSummary("Revoke a grant now")
            .WithDescription("The code stops working at once. 409 when the grant has already expired or been revoked. Audited.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    public static void MapAnonymous(RouteGroupBuilder anyone) =>
        anyone.MapGet("/licence-grants/{code}", UseAsync)
            .AllowAnonymous()
            .RequireRateLimiting(GrantCodes.RateLimit)
            .WithName("UseLicenceGrant")
            .WithSummary("Read a licence through a grant code")
            .WithDescription("Anyone holding a 用证授权 code reads the licence while the grant lasts: the public fields and the holder's full name; "
                + "a licence no longer valid answers its status only. 404 for an unknown code, 409 for an expired or revoked grant, 429 when one address tries too many codes. Every use is logged and audited.")
            .Produces<SharedLicenceView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    /// <summary>A duration given in hours or days, as hours (0 when neither is given).</summary>
    public static int HoursOf(int? hours, int? days) => hours ?? (days is { } d ? (int)Math.Min(d * 24L, int.MaxValue) : 0);

    private static async Task<Results<Created<IssuedCode>, ProblemHttpResult>> CreateAsync(string identifier, CreateGrantRequest request, LicenceGrants grants, CancellationToken cancellationToken)
    {
        if (!LicenceIdentifier.Parse(identifier).TryGet(out var id, out _))
        {
            return new NotFound("licences.not-found", identifier).ToProblem();
        }

        return (await grants.ShareAsync(id, request.Grantee, request.Purpose, HoursOf(request.Hours, request.Days), cancellationToken)).TryGet(out var issued, out var error)
            ? TypedResults.Created($"/api/v1/me/licences/{id.Value}/grants", issued)
            : error.ToProblem();
    }

    private static async Task<Results<Ok<IReadOnlyList<GrantRow>>, ProblemHttpResult>> ListAsync(string identifier, LicenceGrants grants, CancellationToken cancellationToken) =>
        LicenceIdentifier.Parse(identifier).TryGet(out var id, out _)
            ? (await grants.ListAsync(id, cancellationToken)).ToOkOrProblem()
            : new NotFound("licences.not-found", identifier).ToProblem();

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(Guid id, LicenceGrants grants, CancellationToken cancellationToken) =>
        (await grants.RevokeAsync(id, cancellationToken)).TryGet(out _, out var error) ? TypedResults.NoContent() : error.ToProblem();

    private static async Task<Results<Ok<SharedLicenceView>, ProblemHttpResult>> UseAsync(string code, LicenceGrants grants, CancellationToken cancellationToken) =>
        (await grants.UseAsync(LicenceGrantKind.Share, code, LicenceGrantChannel.Api, cancellationToken)).Map(SharedLicenceView.From).ToOkOrProblem();
}
