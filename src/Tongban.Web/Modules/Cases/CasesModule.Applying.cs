namespace Tongban.Modules.Cases;

/// <summary>Cases, Applying part: applying pages, drafts, confirmation and receipt, 帮办代办, the applicant's own actions (补正, 容缺 supplement, withdraw).</summary>
public static partial class CasesModule
{
    private static void AddApplying(IServiceCollection services, IConfiguration configuration)
    {
    }

    /// <param name="applicant">/api/v1 for citizens and enterprise agents.</param>
    /// <param name="staff">/api/v1 for staff.</param>
    /// <param name="anyone">/api/v1 for any signed-in account.</param>
    private static void MapApplying(IEndpointRouteBuilder app, RouteGroupBuilder applicant, RouteGroupBuilder staff, RouteGroupBuilder anyone)
    {
    }
}
