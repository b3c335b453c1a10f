using Tongban.Modules.Licences.Features.SeedDemo;
using Tongban.Platform.Demo;

namespace Tongban.Modules.Licences;

/// <summary>The demo city's licence types and the licences its people and enterprises hold (<c>Tongban:DemoLicences</c>).</summary>
public static partial class LicencesModule
{
    private static void AddDemo(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DemoLicencesOptions>(configuration.GetSection(DemoLicencesOptions.Section));
        services.AddScoped<IDemoSeed, LicencesDemoSeed>();
    }
}
