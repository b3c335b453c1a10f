using Tongban.Modules.Cases.Features.BundleDocuments;
using Tongban.Modules.Cases.Features.ListMyBundleCases;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Features.ShowBundleCase;
using Tongban.Modules.Cases.Features.SubmitBundle;
using Tongban.Modules.Cases.Features.SupplyBundleCorrection;

namespace Tongban.Modules.Cases;

/// <summary>一件事: one submission for a bundle, its members filed as their predecessors' results exist, one status, 补正 once, one set of notices.</summary>
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
        services.AddScoped<SupplyBundleCorrectionHandler>();
        services.AddScoped<ShowBundleDocumentHandler>();
        services.AddSingleton<IBundleNotifier, LoggingBundleNotifier>();
    }

    /// <param name="app">the site (the notices as PDF).</param>
    /// <param name="applicant">/api/v1 for citizens and enterprise agents.</param>
    private static void MapBundles(IEndpointRouteBuilder app, RouteGroupBuilder applicant)
    {
        SubmitBundleApi.Map(applicant);
        ShowBundleCaseApi.Map(applicant);
        ListMyBundleCasesApi.Map(applicant);
        SupplyBundleCorrectionApi.Map(applicant);
        ShowBundleDocumentEndpoint.Map(app);
    }
}
