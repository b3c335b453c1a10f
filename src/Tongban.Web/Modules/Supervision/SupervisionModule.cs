using Tongban.Modules.Identity;

namespace Tongban.Modules.Supervision;

/// <summary>
/// 效能监管: 预警 and its push, 督办 orders, per-clerk lateness. Reads cases only through
/// <see cref="Cases.ICaseOversight"/>, staff through <see cref="IStaffDirectory"/>. Each part registers
/// itself in its own file (<c>SupervisionModule.Warnings.cs</c>, <c>SupervisionModule.Oversight.cs</c>).
/// </summary>
public static partial class SupervisionModule
{
    public static IServiceCollection AddSupervisionModule(this IServiceCollection services, IConfiguration configuration)
    {
        AddWarnings(services, configuration);
        AddOversight(services, configuration);
        return services;
    }

    public static IEndpointRouteBuilder MapSupervisionApi(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/v1").WithTags("Supervision").RequireAuthorization(Policies.Staff);
        MapWarnings(staff);
        MapOversight(staff);
        return app;
    }
}
