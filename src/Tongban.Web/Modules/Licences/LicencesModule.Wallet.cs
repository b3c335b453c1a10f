namespace Tongban.Modules.Licences;

public static partial class LicencesModule
{
    private static void AddWallet(IServiceCollection services)
    {
    }

    private static void MapWallet(IEndpointRouteBuilder app)
    {
    }
}
