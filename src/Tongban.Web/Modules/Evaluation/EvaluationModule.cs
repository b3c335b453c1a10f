using Microsoft.Extensions.Options;
using Tongban.Modules.Evaluation.Persistence;

namespace Tongban.Modules.Evaluation;

/// <summary>
/// Evaluation (好差评): ratings of case stages, halls, windows, clerks and the platform by every channel,
/// invitations with their reminder and default, 差评整改 work orders, 申诉 and public disclosure. Each part
/// registers itself in its own file (<c>EvaluationModule.*.cs</c>).
/// </summary>
public static partial class EvaluationModule
{
    public static IServiceCollection AddEvaluationModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EvaluationOptions>()
            .Bind(configuration.GetSection(EvaluationOptions.Section))
            .Validate(o => !o.Policy.Problems().Any(), "Tongban:Evaluation is invalid: every period must be at least 1 working day, the default must come after the reminder, and the default level must be 1 to 5 (0 for none).")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<EvaluationOptions>>().Value.Policy);
        services.AddScoped<EvaluationStore>();
        AddRatings(services, configuration);
        AddRectifications(services, configuration);
        return services;
    }

    public static IEndpointRouteBuilder MapEvaluationApi(this IEndpointRouteBuilder app)
    {
        MapRatings(app);
        MapRectifications(app);
        return app;
    }

    /// <summary>Ratings, invitations and disclosure (<c>EvaluationModule.Ratings.cs</c>).</summary>
    static partial void AddRatings(IServiceCollection services, IConfiguration configuration);

    static partial void MapRatings(IEndpointRouteBuilder app);

    /// <summary>差评整改 and 申诉 (<c>EvaluationModule.Rectifications.cs</c>).</summary>
    static partial void AddRectifications(IServiceCollection services, IConfiguration configuration);

    static partial void MapRectifications(IEndpointRouteBuilder app);
}
