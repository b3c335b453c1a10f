using Tongban.Modules.Cases.Features.ListMyBundleCases;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Features.ShowBundleCase;
using Tongban.Modules.Cases.Features.SubmitBundle;

namespace Tongban.Modules.Cases;

/// <summary>一件事: one submission for a bundle, its members filed as their predecessors' results exist, one status.</summary>
public static partial class CasesModule
{
    private static void AddBundles(IServiceCollection services)
    {
        services.AddScoped<BundleMembers>();
        services.AddScoped<BundleProgress>();
        services.AddScoped<IAfterSave>(sp => sp.GetRequiredService<BundleProgress>());
        services.AddScoped<SubmitBundleHandler>();
        services.AddScoped<ShowBundleCaseHandler>();
        services.AddScoped<ListMyBundleCasesHandler>();
    }

    private static void MapBundles(RouteGroupBuilder applicant)
    {
        SubmitBundleApi.Map(applicant);
        ShowBundleCaseApi.Map(applicant);
        ListMyBundleCasesApi.Map(applicant);
    }
}
