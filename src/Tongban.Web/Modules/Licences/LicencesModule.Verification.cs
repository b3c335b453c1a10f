namespace Tongban.Modules.Licences;

public static partial class LicencesModule
{
    private static void AddVerification(IServiceCollection services)
    {
    }

    private static void MapVerification(IEndpointRouteBuilder app)
    {
    }
}
