using Tongban.Modules.Supervision.Features.MonthlyReport;
using Tongban.Modules.Supervision.Features.RefreshAggregates;
using Tongban.Modules.Supervision.Features.SeedDemo;
using Tongban.Modules.Supervision.Features.ShowIndicators;
using Tongban.Platform.Demo;

namespace Tongban.Modules.Supervision;

/// <summary>Indicators: the daily pre-aggregates and their refresh (<see cref="DailyAggregates"/>), the indicators API, page and monthly report.</summary>
public static partial class SupervisionModule
{
    /// <summary>Who reads the indicators: supervisors, region and platform admins (each within their scope).</summary>
    public const string ReadersPolicy = "supervision-readers";

    private static void AddIndicators(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SupervisionOptions>(configuration.GetSection(SupervisionOptions.Section));
        services.AddSingleton<DailyAggregates>();
        services.AddHostedService<AggregatesRefreshService>();
        services.AddScoped<IndicatorReader>();
        services.AddScoped<MonthlyReportHandler>();
        services.AddScoped<IDemoSeed, SupervisionHistorySeed>();
        services.AddAuthorizationBuilder().AddPolicy(ReadersPolicy, p => p.RequireRole([.. IndicatorReader.Readers.Select(r => r.ToString())]));
    }

    private static void MapIndicators(RouteGroupBuilder group) => IndicatorsApi.Map(group);
}
