namespace Tongban.Modules.Licences;

public static partial class LicencesModule
{
    private static void AddAdministration(IServiceCollection services)
    {
    }

    private static void MapAdministration(IEndpointRouteBuilder app)
    {
    }
}
