using Tongban.Modules.Supervision.Features.Lateness;

namespace Tongban.Modules.Supervision;

/// <summary>超时记录: late steps per clerk.</summary>
public static partial class SupervisionModule
{
    private static void AddLateness(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<LatenessOptions>(configuration.GetSection(LatenessOptions.Section));
        services.AddScoped<ListLatenessHandler>();
    }

    private static void MapLateness(RouteGroupBuilder group) => ListLatenessApi.Map(group);
}
