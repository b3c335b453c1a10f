using Tongban.Modules.Cases.Features.ListMyCases;
using Tongban.Modules.Cases.Features.SeedDemo;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Features.ShowCase;
using Tongban.Modules.Cases.Features.SubmitApplication;
using Tongban.Modules.Cases.Features.UploadFile;
using Tongban.Modules.Cases.Files;
using Tongban.Modules.Cases.Persistence;
using Tongban.Modules.Identity;
using Tongban.Platform.Demo;

namespace Tongban.Modules.Cases;

/// <summary>
/// Cases (办件): applying once (一网申报) with uploads and 免提交 routes, acceptance at any window
/// (一窗受理), back-office handling under working-day limits (后台分类审批), results and delivery.
/// Reads the catalog only through <see cref="Catalog.ICatalog"/> and people through
/// <see cref="IPeopleDirectory"/>. Each part registers itself in its own file
/// (<c>CasesModule.Applying.cs</c>, <c>CasesModule.Intake.cs</c>, <c>CasesModule.BackOffice.cs</c>).
/// </summary>
public static partial class CasesModule
{
    public static IServiceCollection AddCasesModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<FileLimits>(configuration.GetSection(FileLimits.Section));
        services.AddSingleton<IFileStore, LocalFileStore>();
        services.AddSingleton<IMalwareScanner, NoMalwareScanner>();
        services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<CaseTimeOptions>>().Value.Calendar());
        services.AddScoped<CaseStore>();
        services.Configure<CaseTimeOptions>(configuration.GetSection(CaseTimeOptions.Section));
        services.AddScoped<CaseAccess>();
        services.Configure<CreditOptions>(configuration.GetSection(CreditOptions.Section));
        services.AddScoped<ApplicantStandingLookup>();
        services.AddScoped<UploadFileHandler>();
        services.AddScoped<SubmitApplicationHandler>();
        services.AddScoped<ShowCaseHandler>();
        services.AddScoped<ListMyCasesHandler>();
        services.Configure<DemoCasesOptions>(configuration.GetSection(DemoCasesOptions.Section));
        services.AddScoped<IDemoSeed, CasesDemoSeed>();
        AddApplying(services, configuration);
        AddIntake(services, configuration);
        AddBackOffice(services, configuration);
        AddBundles(services);
        AddProjects(services, configuration);
        AddOversight(services);
        return services;
    }

    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var applicant = app.MapGroup("/api/v1").WithTags("Cases").RequireAuthorization(Policies.Applicant);
        var staff = app.MapGroup("/api/v1").WithTags("Cases").RequireAuthorization(Policies.Staff);
        var anyone = app.MapGroup("/api/v1").WithTags("Cases").RequireAuthorization();
        UploadFileApi.Map(anyone);
        SubmitApplicationApi.Map(applicant);
        ShowCaseApi.Map(anyone);
        ListMyCasesApi.Map(applicant);
        MapApplying(app, applicant, staff, anyone);
        MapIntake(app, applicant, staff, anyone);
        MapBackOffice(app, applicant, staff, anyone);
        MapBundles(app, applicant);
        MapProjects(applicant, staff, anyone);
        return app;
    }
}
