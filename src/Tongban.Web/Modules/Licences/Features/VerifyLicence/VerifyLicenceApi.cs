using Microsoft.AspNetCore.Http.HttpResults;
using Tongban.Platform.Http;

namespace Tongban.Modules.Licences.Features.VerifyLicence;

/// <summary>POST /api/v1/licences/verify (anyone) and GET /api/v1/licences/{identifier}/verifications (the issuer's staff).</summary>
public static class VerifyLicenceApi
{
    public static void Map(RouteGroupBuilder anonymous, RouteGroupBuilder staff)
    {
        anonymous.MapPost("/licences/verify", async (VerifyLicenceRequest request, LicenceVerifier verifier, CancellationToken ct) =>
                (await verifier.VerifyAsync(request, "api", ct)).ToOkOrProblem())
            .WithName("VerifyLicence")
            .WithSummary("Verify an e-licence or decision document (anyone, no account)")
            .WithDescription("Body {\"payload\": \"<QR content: the bare payload or the …/v/{payload} URL>\"} or {\"identifier\": \"1.2.156.3005.2.…\"}, exactly one. "
                + "200 with {status, kind, …public fields}: status is valid | expired | revoked | superseded | invalid-signature | unknown. "
                + "Any changed byte of a payload, or a key id the JWKS does not list, answers invalid-signature; a licence the register does not hold answers unknown. "
                + "A suspended licence answers revoked with suspended: true. A decision document (kind \"decision\") is checked by signature only: valid or invalid-signature, with its case number and fields. "
                + "422 ProblemDetails when the text is not a payload at all (licences.payload-malformed), when an identifier breaks a rule (its check character, say), or when both or neither are given. "
                + "Every answered verification is logged (channel, identifier, status, the account when signed in; nothing else about the caller).");
        staff.MapGet("/licences/{identifier}/verifications", async (string identifier, ListVerificationsHandler handler, CancellationToken ct) =>
                (await handler.HandleAsync(identifier, ct)).ToOkOrProblem())
            .WithName("ListLicenceVerifications")
            .WithSummary("List a licence's verifications (issuing department)")
            .WithDescription("The latest 200 verifications of the licence: when, channel (api, page, link, grant, show), the status answered and whether the verifier was signed in. "
                + "Staff whose scope covers the issuing department only; 404 for anyone else. The read is audited.");
    }
}
