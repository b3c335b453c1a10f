using Tongban.Modules.Supervision.Features.Oversight;

namespace Tongban.Modules.Supervision;

/// <summary>督办 orders.</summary>
public static partial class SupervisionModule
{
    private static void AddOversight(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OversightOptions>(configuration.GetSection(OversightOptions.Section));
        services.AddScoped<SupervisionOrders>();
    }

    private static void MapOversight(RouteGroupBuilder group) => SupervisionOrdersApi.Map(group);
}
