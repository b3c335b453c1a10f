using Tongban.Modules.Identity;
using Tongban.Modules.Licences.Features.ChangeLicenceStatus;
using Tongban.Modules.Licences.Features.DefineLicenceType;
using Tongban.Modules.Licences.Features.ImportLicences;
using Tongban.Modules.Licences.Features.ListIssuedLicences;
using Tongban.Modules.Licences.Features.ListLicenceTypes;
using Tongban.Modules.Licences.Features.ReissueLicence;

namespace Tongban.Modules.Licences;

/// <summary>Administration: licence types, stock import (存量证照), the issuer's status changes and re-issue, demo data.</summary>
public static partial class LicencesModule
{
    private static void AddAdministration(IServiceCollection services)
    {
        services.AddScoped<IssuerAccess>();
        services.AddScoped<ShowIssuedLicenceHandler>();
        services.AddScoped<ListIssuedLicencesHandler>();
        services.AddScoped<ChangeLicenceStatusHandler>();
        services.AddScoped<ReissueLicenceHandler>();
        services.AddScoped<LicenceTypeAdmin>();
        services.AddScoped<LicenceTypeLookup>();
        services.AddScoped<ListLicenceTypesHandler>();
        services.AddScoped<ImportLicencesHandler>();
    }

    private static void MapAdministration(IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/v1").WithTags("Licences").RequireAuthorization(Policies.Staff);
        var anyone = app.MapGroup("/api/v1").WithTags("Licences").AllowAnonymous();
        LicenceTypesApi.Map(anyone, staff);
        IssuedLicencesApi.Map(staff);
        ChangeLicenceStatusApi.Map(staff);
        ReissueLicenceApi.Map(staff);
        ImportLicencesApi.Map(staff);
    }
}
