using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Tongban.Modules.Identity;
using Tongban.Modules.Licences.Features.Grants;
using Tongban.Modules.Licences.Features.RenderLicence;
using Tongban.Modules.Licences.Features.Wallet;

namespace Tongban.Modules.Licences;

public static partial class LicencesModule
{
    private static void AddWallet(IServiceCollection services)
    {
        // PdfDocumentWriter comes from the catalog module's AddPdfDocuments (registered before this module).
        services.AddScoped<LicenceCards>();
        services.AddScoped<RenderLicenceHandler>();
        services.AddScoped<LicenceGrants>();
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<LicenceOptions>>((limiter, links) =>
            limiter.AddPolicy(GrantCodes.RateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, links.Value.CodeAttemptsPerMinute), Window = TimeSpan.FromMinutes(1) })));
    }

    private static void MapWallet(IEndpointRouteBuilder app)
    {
        var applicant = app.MapGroup("/api/v1").WithTags("Licences").RequireAuthorization(Policies.Applicant);
        var anyone = app.MapGroup("/api/v1").WithTags("Licences");
        ListMyLicencesApi.Map(applicant);
        GrantsApi.MapHolder(applicant);
        GrantsApi.MapAnonymous(anyone);
        RenderLicenceEndpoint.Map(app);
        SharedLicencePdfEndpoint.Map(app);
    }
}
