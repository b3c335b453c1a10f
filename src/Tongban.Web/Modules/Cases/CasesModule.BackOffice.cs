namespace Tongban.Modules.Cases;

/// <summary>Cases, BackOffice part: back-office steps, special procedures, extensions, 秒批, decisions, issue, delivery and 办结, the department-system step API.</summary>
public static partial class CasesModule
{
    private static void AddBackOffice(IServiceCollection services, IConfiguration configuration)
    {
    }

    /// <param name="applicant">/api/v1 for citizens and enterprise agents.</param>
    /// <param name="staff">/api/v1 for staff.</param>
    /// <param name="anyone">/api/v1 for any signed-in account.</param>
    private static void MapBackOffice(IEndpointRouteBuilder app, RouteGroupBuilder applicant, RouteGroupBuilder staff, RouteGroupBuilder anyone)
    {
    }
}
