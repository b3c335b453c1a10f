using Tongban.Modules.Identity;
using Tongban.Modules.Supervision.Features.RefreshAggregates;
using Tongban.Modules.Supervision.Persistence;
using Tongban.Platform;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Supervision;

/// <summary>
/// 效能监管: the indicators over any period and scope from daily pre-aggregates, with their page, dashboard
/// and monthly report; 预警 and its push; 督办 orders; 超时记录 per clerk. Reads cases only through <see cref="Cases.ICaseOversight"/>
/// and the aggregates, staff through <see cref="IStaffDirectory"/>. Other modules use <see cref="ISupervision"/>.
/// Each part registers itself in its own file (<c>SupervisionModule.Indicators.cs</c>,
/// <c>SupervisionModule.Warnings.cs</c>, <c>SupervisionModule.Oversight.cs</c>, <c>SupervisionModule.Lateness.cs</c>).
/// </summary>
public static partial class SupervisionModule
{
    public static IServiceCollection AddSupervisionModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ISupervision, SupervisionFace>();
        AddIndicators(services, configuration);
        AddWarnings(services, configuration);
        AddOversight(services, configuration);
        AddLateness(services, configuration);
        return services;
    }

    public static IEndpointRouteBuilder MapSupervisionApi(this IEndpointRouteBuilder app)
    {
        MapIndicators(app.MapGroup("/api/v1/supervision").WithTags("Supervision").RequireAuthorization(ReadersPolicy));
        var staff = app.MapGroup("/api/v1").WithTags("Supervision").RequireAuthorization(Policies.Staff);
        MapWarnings(staff);
        MapOversight(staff);
        MapLateness(staff);
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

    /// <summary>Recomputes the daily pre-aggregates of every day of [<paramref name="from"/>, <paramref name="to"/>] now (the CLI's <c>supervision refresh</c>, the bench).</summary>
    Task RefreshAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);
}

internal sealed class SupervisionFace(TongbanDbContext db, CityClock clock, DailyAggregates aggregates) : ISupervision
{
    public Task RefreshAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) => aggregates.RefreshAsync(from, to, cancellationToken);

    public void MarkChanged(DateTimeOffset happenedAt) =>
        db.Add(new DirtyDay
        {
            Id = Guid.CreateVersion7(),
            Day = clock.DayOf(happenedAt),
            MarkedAt = clock.UtcNow,
        });
}
