using Tongban.Modules.Cases.Features.DeleteDraft;
using Tongban.Modules.Cases.Features.FileAtWindow;
using Tongban.Modules.Cases.Features.SaveDraft;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Features.SupplementDeficiency;
using Tongban.Modules.Cases.Features.SupplyCorrection;
using Tongban.Modules.Cases.Features.WithdrawApplication;

namespace Tongban.Modules.Cases;

/// <summary>Cases, Applying part: applying pages, drafts, confirmation and receipt, 帮办代办, the applicant's own actions (补正, 容缺 supplement, withdraw).</summary>
public static partial class CasesModule
{
    private static void AddApplying(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ApplicationAssembly>();
        services.AddScoped<SaveDraftHandler>();
        services.AddScoped<DeleteDraftHandler>();
        services.AddScoped<SupplyCorrectionHandler>();
        services.AddScoped<SupplementDeficiencyHandler>();
        services.AddScoped<WithdrawApplicationHandler>();
        services.AddScoped<FileAtWindowHandler>();
    }

    /// <param name="applicant">/api/v1 for citizens and enterprise agents.</param>
    /// <param name="staff">/api/v1 for staff.</param>
    /// <param name="anyone">/api/v1 for any signed-in account.</param>
    private static void MapApplying(IEndpointRouteBuilder app, RouteGroupBuilder applicant, RouteGroupBuilder staff, RouteGroupBuilder anyone)
    {
        SupplyCorrectionApi.Map(applicant);
        SupplementDeficiencyApi.Map(applicant);
        WithdrawApplicationApi.Map(applicant);
        FileAtWindowApi.Map(staff);
    }
}
