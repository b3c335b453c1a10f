using Tongban.Domain.Identity;
using Tongban.Modules.Supervision.Features.MonthlyReport;
using Tongban.Modules.Supervision.Features.RefreshAggregates;
using Tongban.Modules.Supervision.Features.ShowIndicators;
using Tongban.Modules.Supervision.Persistence;
using Tongban.Platform;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Supervision;

/// <summary>
/// Supervision (效能监管): the indicators over any period and scope from daily pre-aggregates (refreshed by
/// <see cref="DailyAggregates"/>), the indicators API and page, and the monthly report. Other modules use
/// <see cref="ISupervision"/> to say an older day's figures changed.
/// </summary>
public static class SupervisionModule
{
    /// <summary>Who reads the indicators: supervisors, region and platform admins (each within their scope).</summary>
    public const string ReadersPolicy = "supervision-readers";

    public static IServiceCollection AddSupervisionModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SupervisionOptions>(configuration.GetSection(SupervisionOptions.Section));
        services.AddSingleton<DailyAggregates>();
        services.AddHostedService<AggregatesRefreshService>();
        services.AddScoped<IndicatorReader>();
        services.AddScoped<MonthlyReportHandler>();
        services.AddScoped<ISupervision, SupervisionFace>();
        services.AddAuthorizationBuilder().AddPolicy(ReadersPolicy, p => p.RequireRole([.. IndicatorReader.Readers.Select(r => r.ToString())]));
        return services;
    }

    public static IEndpointRouteBuilder MapSupervisionApi(this IEndpointRouteBuilder app)
    {
        IndicatorsApi.Map(app.MapGroup("/api/v1/supervision").WithTags("Supervision").RequireAuthorization(ReadersPolicy));
        return app;
    }
}

/// <summary>What other modules may ask of Supervision.</summary>
public interface ISupervision
{
    /// <summary>
    /// Marks the city date of <paramref name="happenedAt"/> as changed (an upheld appeal excludes a rating
    /// given then), in the caller's unit of work: saved with the caller's change, recomputed by the next refresh.
    /// </summary>
    void MarkChanged(DateTimeOffset happenedAt);
}

internal sealed class SupervisionFace(TongbanDbContext db, CityClock clock) : ISupervision
{
    public void MarkChanged(DateTimeOffset happenedAt) =>
        db.Add(new DirtyDay
        {
            Id = Guid.CreateVersion7(),
            Day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(happenedAt, clock.Zone).DateTime),
            MarkedAt = clock.UtcNow,
        });
}
