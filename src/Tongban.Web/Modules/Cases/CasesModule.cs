using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
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
        services.AddScoped<ICaseDirectory, CaseDirectory>();
        services.Configure<CreditOptions>(configuration.GetSection(CreditOptions.Section));
        services.AddScoped<ApplicantStandingLookup>();
        services.AddScoped<UploadFileHandler>();
        services.AddScoped<SubmitApplicationHandler>();
        services.AddScoped<ShowCaseHandler>();
        services.AddScoped<ListMyCasesHandler>();
        services.Configure<DemoCasesOptions>(configuration.GetSection(DemoCasesOptions.Section));
        services.AddScoped<IDemoSeed, CasesDemoSeed>();
        services.AddScoped<IDemoSeed, CasesHistorySeed>();
        AddApplying(services, configuration);
        AddIntake(services, configuration);
        AddBackOffice(services, configuration);
        AddBundles(services);
        AddProjects(services, configuration);
        AddOversight(services);
        AddExchange(services);
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

/// <summary>
/// What other modules may read of a case (好差评 rates a case stage): who applied, who answers for it,
/// how far it went. Callers check their own rules of reach; <see cref="FindOwnAsync"/> holds the applicant's.
/// </summary>
public interface ICaseDirectory
{
    Task<CaseSummary?> FindAsync(string caseNumber, CancellationToken cancellationToken);

    /// <summary>The case when the caller is its applicant (a citizen's own, an enterprise agent's enterprise's); otherwise null.</summary>
    Task<CaseSummary?> FindOwnAsync(string caseNumber, CancellationToken cancellationToken);

    /// <summary>The cases finished (办结) in [start, end), in the order they finished (the demo city's 好差评 history rates them).</summary>
    Task<IReadOnlyList<CaseSummary>> CompletedBetweenAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken);
}

/// <param name="AcceptedBy">The clerk who accepted it at a window, when one did (not the system, not a deemed acceptance).</param>
public sealed record CaseSummary(
    CaseNumber Number, CaseStatus Status, Applicant Applicant, Guid FiledBy, RegionCode Region, Guid DepartmentId, string ImplementationCode,
    Guid? AcceptedBy, DateTimeOffset? AcceptedAt, DateTimeOffset? CompletedAt)
{
    public static CaseSummary Of(Case @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var acceptance = @case.History.FirstOrDefault(e => e.Action is CaseAction.Accepted or CaseAction.AcceptedWithDeficiency or CaseAction.AcceptedUnderCommitment);
        return new CaseSummary(
            @case.Number!.Value, @case.Status, @case.Applicant, @case.FiledBy, @case.RegionCode, @case.DepartmentId, @case.ImplementationCode.Value,
            acceptance is { ActorRole: not CaseActor.SystemRole } ? acceptance.ActorId : null, @case.AcceptedAt, @case.CompletedAt);
    }
}
