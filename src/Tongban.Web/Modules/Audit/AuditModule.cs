using Microsoft.AspNetCore.Http.HttpResults;
using Tongban.Modules.Audit.Features.VerifyChain;
using Tongban.Modules.Identity;

namespace Tongban.Modules.Audit;

/// <summary>
/// Audit: the hash-chained record of every state change and personal-data read. Use cases write
/// through <see cref="Platform.Persistence.AuditTrail"/>; this module verifies and shows the chain.
/// </summary>
public static class AuditModule
{
    public static IServiceCollection AddAuditModule(this IServiceCollection services)
    {
        services.AddScoped<VerifyChainHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/audit").WithTags("Audit")
            .MapGet("/verify", async Task<Ok<ChainReport>> (VerifyChainHandler handler, CancellationToken cancellationToken) =>
                TypedResults.Ok(await handler.HandleAsync(cancellationToken)))
            .RequireAuthorization(Policies.PlatformAdmin)
            .WithName("VerifyAuditChain")
            .WithSummary("Verify the audit hash chain")
            .WithDescription("Recomputes every record's hash in order and reports the first broken link (platform admin).");
        return app;
    }
}
