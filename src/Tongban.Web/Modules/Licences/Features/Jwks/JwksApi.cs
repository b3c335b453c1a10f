using Microsoft.AspNetCore.Http.HttpResults;
using Tongban.Modules.Licences.Seals;

namespace Tongban.Modules.Licences.Features.Jwks;

/// <summary>GET /.well-known/jwks.json and GET /api/v1/seals: every seal ever made, retired ones too, so old signatures still verify.</summary>
public static class JwksApi
{
    public const int CacheSeconds = 300;

    public static void Map(IEndpointRouteBuilder app, RouteGroupBuilder anonymous)
    {
        app.MapGet("/.well-known/jwks.json", ServeAsync)
            .WithTags("Licences")
            .AllowAnonymous()
            .WithName("GetJwks")
            .WithSummary("The seals' public keys (JWKS)")
            .WithDescription("A JWK Set (RFC 7517) of every department seal ever made, retired ones included: {kty:\"EC\", crv:\"P-256\", x, y, kid, alg:\"ES256\", use:\"sig\"} "
                + "plus departmentName, uscc, generation, validFrom, validUntil, retiredAt. A QR payload's k names its kid. Cacheable for 5 minutes; docs/licences.md describes offline verification.");
        anonymous.MapGet("/seals", ListAsync)
            .WithName("ListSeals")
            .WithSummary("List the departments' seals")
            .WithDescription("The same keys as /.well-known/jwks.json, as a plain list, newest generation first per department.");
    }

    private static async Task<Ok<SealJwkSet>> ServeAsync(SealBook seals, HttpContext context, CancellationToken cancellationToken)
    {
        context.Response.Headers.CacheControl = $"public, max-age={CacheSeconds}";
        return TypedResults.Ok(await SetAsync(seals, cancellationToken));
    }

    private static async Task<Ok<IReadOnlyList<SealJwk>>> ListAsync(SealBook seals, CancellationToken cancellationToken) =>
        TypedResults.Ok((await SetAsync(seals, cancellationToken)).Keys);

    private static async Task<SealJwkSet> SetAsync(SealBook seals, CancellationToken cancellationToken) =>
        new([.. (await seals.AllAsync(cancellationToken)).Select(JsonWebKeys.From)]);
}
