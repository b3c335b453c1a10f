using Tongban.Modules.Identity;
using Tongban.Modules.Licences.Features.Jwks;
using Tongban.Modules.Licences.Features.ManageSeals;
using Tongban.Modules.Licences.Features.VerifyLicence;

namespace Tongban.Modules.Licences;

/// <summary>
/// Licences, Verification part: the public verify API, page and <c>/v/{payload}</c> link, the
/// verification log, the JWKS, seal administration (换章) and offline verification for the CLI.
/// </summary>
public static partial class LicencesModule
{
    /// <summary>
    /// Verifies a QR payload (or its URL) with only a JWK Set's text, as <c>licence verify --jwks</c>
    /// does: no database, no host. Valid only when the signature holds under the named key.
    /// </summary>
    public static OfflineVerdict VerifyOffline(string jwksJson, string scanned) => OfflineVerifier.Verify(jwksJson, scanned);

    private static void AddVerification(IServiceCollection services)
    {
        services.AddScoped<VerificationLog>();
        services.AddScoped<LicenceVerifier>();
        services.AddScoped<ListVerificationsHandler>();
        services.AddScoped<ManageSealsHandler>();
    }

    private static void MapVerification(IEndpointRouteBuilder app)
    {
        var anonymous = app.MapGroup("/api/v1").WithTags("Licences").AllowAnonymous();
        var staff = app.MapGroup("/api/v1").WithTags("Licences").RequireAuthorization(Policies.Staff);
        var admins = app.MapGroup("/api/v1").WithTags("Licences").RequireAuthorization(Policies.StaffAdmin);
        VerifyLicenceApi.Map(anonymous, staff);
        JwksApi.Map(app, anonymous);
        ManageSealsApi.Map(admins);
    }
}

/// <summary>
/// The outcome of an offline verification: <paramref name="Status"/> is valid, invalid-signature,
/// malformed (not a payload) or invalid-jwks; <paramref name="Claims"/> the decoded body (JSON) when
/// the payload parsed; <paramref name="Signer"/> the key's department when the kid was found.
/// </summary>
public sealed record OfflineVerdict(bool Valid, string Status, string? Claims, string? Signer, string? Message);
