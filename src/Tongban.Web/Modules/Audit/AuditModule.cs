using Microsoft.AspNetCore.Http.HttpResults;
using Tongban.Modules.Audit.Features.VerifyChain;
using Tongban.Modules.Identity;

namespace Tongban.Modules.Audit;

/// <summary>Result of verifying the audit chain: whole, or the first broken link and why.</summary>
public sealed record ChainReport(bool Intact, long RecordsChecked, long? FirstBrokenSequence, string? Reason);

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

    /// <summary>Verifies the whole chain (the API endpoint and the `audit verify` command use this).</summary>
    public static Task<ChainReport> VerifyChainAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<VerifyChainHandler>().HandleAsync(cancellationToken);

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/audit").WithTags("Audit")
            .MapGet("/verify", async Task<Ok<ChainReport>> (IServiceProvider services, CancellationToken cancellationToken) =>
                TypedResults.Ok(await VerifyChainAsync(services, cancellationToken)))
            .RequireAuthorization(Policies.PlatformAdmin)
            .WithName("VerifyAuditChain")
            .WithSummary("Verify the audit hash chain")
            .WithDescription("Recomputes every record's hash in order and reports the first broken link (platform admin).");
        return app;
    }
}
