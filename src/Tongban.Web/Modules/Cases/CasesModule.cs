using Tongban.Modules.Cases.Features.ListMyCases;
using Tongban.Modules.Cases.Features.ShowCase;
using Tongban.Modules.Cases.Features.SubmitApplication;
using Tongban.Modules.Cases.Features.UploadFile;
using Tongban.Modules.Cases.Files;
using Tongban.Modules.Cases.Persistence;
using Tongban.Modules.Identity;

namespace Tongban.Modules.Cases;

/// <summary>
/// Cases (办件): applying online (一网申报) with uploads and 免提交 routes, case numbers, the applicant's
/// view of their cases. Reads the catalog only through <see cref="Catalog.ICatalog"/> and people through
/// <see cref="IPeopleDirectory"/>.
/// </summary>
public static class CasesModule
{
    public static IServiceCollection AddCasesModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<FileLimits>(configuration.GetSection(FileLimits.Section));
        services.AddSingleton<IFileStore, LocalFileStore>();
        services.AddSingleton<IMalwareScanner, NoMalwareScanner>();
        services.AddScoped<CaseStore>();
        services.AddScoped<UploadFileHandler>();
        services.AddScoped<SubmitApplicationHandler>();
        services.AddScoped<ShowCaseHandler>();
        services.AddScoped<ListMyCasesHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var applicant = app.MapGroup("/api/v1").WithTags("Cases").RequireAuthorization(Policies.Applicant);
        UploadFileApi.Map(applicant);
        SubmitApplicationApi.Map(applicant);
        ShowCaseApi.Map(applicant);
        ListMyCasesApi.Map(applicant);
        return app;
    }
}
