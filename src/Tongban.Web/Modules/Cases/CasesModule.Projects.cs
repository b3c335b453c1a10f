using Tongban.Modules.Cases.Features.FileProjectStage;
using Tongban.Modules.Cases.Features.OpenProject;
using Tongban.Modules.Cases.Features.ProjectSpecialProcedures;
using Tongban.Modules.Cases.Features.RecordProjectInspection;
using Tongban.Modules.Cases.Features.RequestConnection;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Features.ShowProject;

namespace Tongban.Modules.Cases;

/// <summary>工程建设项目审批: a project opened once, each stage filed once with its items as cases, joint inspections, 特别程序, 报装, one clock.</summary>
public static partial class CasesModule
{
    private static void AddProjects(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ProjectTemplateOptions>(configuration.GetSection(ProjectTemplateOptions.Section));
        services.AddScoped<ProjectAccess>();
        services.AddScoped<ShowProjectHandler>();
        services.AddScoped<OpenProjectHandler>();
        services.AddScoped<FileProjectStageHandler>();
        services.AddScoped<StageApplicationBuilder>();
        services.AddScoped<RecordProjectInspectionHandler>();
        services.AddScoped<ProjectSpecialProceduresHandler>();
        services.AddScoped<RequestConnectionHandler>();
    }

    private static void MapProjects(RouteGroupBuilder applicant, RouteGroupBuilder staff, RouteGroupBuilder anyone)
    {
        OpenProjectApi.Map(applicant);
        ShowProjectApi.Map(applicant, anyone);
        FileProjectStageApi.Map(applicant);
        RequestConnectionApi.Map(applicant);
        RecordProjectInspectionApi.Map(staff);
        ProjectSpecialProceduresApi.Map(staff);
    }
}
