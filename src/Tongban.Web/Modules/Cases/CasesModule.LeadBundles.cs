using Tongban.Modules.Cases.Features.DecideBundleAcceptance;
using Tongban.Modules.Cases.Features.ListLeadBundleCases;
using Tongban.Modules.Cases.Features.RetryBundleMember;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Features.ShowLeadBundleCase;

namespace Tongban.Modules.Cases;

/// <summary>一件事, the lead department's side (牵头部门): following its bundle cases, filing again a member that could not start, one acceptance (三窗合一).</summary>
public static partial class CasesModule
{
    private static void AddLeadBundles(IServiceCollection services)
    {
        services.AddScoped<LeadBundleAccess>();
        services.AddScoped<ListLeadBundleCasesHandler>();
        services.AddScoped<ShowLeadBundleCaseHandler>();
        services.AddScoped<RetryBundleMemberHandler>();
        services.AddScoped<DecideBundleAcceptanceHandler>();
    }

    /// <param name="staff">/api/v1 for staff.</param>
    private static void MapLeadBundles(RouteGroupBuilder staff)
    {
        ListLeadBundleCasesApi.Map(staff);
        ShowLeadBundleCaseApi.Map(staff);
        RetryBundleMemberApi.Map(staff);
        DecideBundleAcceptanceApi.Map(staff);
    }
}
