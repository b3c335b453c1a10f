using Tongban.Modules.Exchange.Features.ExportRecords;
using Tongban.Modules.Identity;

namespace Tongban.Modules.Exchange;

/// <summary>
/// 数据共享交换. So far its first feature: the national 政务服务办件信息 exchange export (受理, 过程, 结果, 特别程序) in
/// numbered batches for the provincial platform. Reads cases only through <see cref="Cases.ICaseExchange"/>.
/// </summary>
public static class ExchangeModule
{
    public static IServiceCollection AddExchangeModule(this IServiceCollection services)
    {
        services.AddScoped<ExportRecordsHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapExchangeApi(this IEndpointRouteBuilder app)
    {
        ExportRecordsApi.Map(app.MapGroup("/api/v1/exchange").WithTags("Exchange").RequireAuthorization(Policies.Staff));
        return app;
    }
}
