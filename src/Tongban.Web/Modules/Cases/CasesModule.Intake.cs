using Tongban.Modules.Cases.Features.CaseDocuments;
using Tongban.Modules.Cases.Features.CheckDeficiencies;
using Tongban.Modules.Cases.Features.DecideIntake;
using Tongban.Modules.Cases.Features.DownloadFile;
using Tongban.Modules.Cases.Features.ListIntakeQueue;
using Tongban.Platform.Documents;

namespace Tongban.Modules.Cases;

/// <summary>Cases, Intake part: the window queue and intake decisions (受理, 补正告知, 不予受理, 容缺受理, 告知承诺), case documents as PDF, the 容缺 deadline checks.</summary>
public static partial class CasesModule
{
    private static void AddIntake(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPdfDocuments(configuration);
        services.AddScoped<ListIntakeQueueHandler>();
        services.AddScoped<DecideIntakeHandler>();
        services.AddScoped<ShowCaseDocumentHandler>();
        services.AddScoped<DownloadFileHandler>();
        services.AddSingleton<IDeficiencyNotifier, LoggingDeficiencyNotifier>();
        services.AddSingleton<DeficiencySweep>();
        services.AddHostedService<DeficiencySweepService>();
    }

    /// <param name="applicant">/api/v1 for citizens and enterprise agents.</param>
    /// <param name="staff">/api/v1 for staff.</param>
    /// <param name="anyone">/api/v1 for any signed-in account.</param>
    private static void MapIntake(IEndpointRouteBuilder app, RouteGroupBuilder applicant, RouteGroupBuilder staff, RouteGroupBuilder anyone)
    {
        ListIntakeQueueApi.Map(staff);
        DecideIntakeApi.Map(staff);
        ShowCaseDocumentEndpoint.Map(app);
        DownloadFileEndpoint.Map(app);
    }
}
