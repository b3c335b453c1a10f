using Tongban.Modules.Supervision.Features.Warnings;
using Tongban.Platform.Web;

namespace Tongban.Modules.Supervision;

/// <summary>What the workbench shows of 预警推送: the caller's unread notices (您有 N 件办件即将超期/已超期).</summary>
public interface IStaffWarningNotices
{
    Task<WarningNoticeCounts> UnreadAsync(Guid accountId, CancellationToken cancellationToken);

    Task MarkReadAsync(Guid accountId, CancellationToken cancellationToken);
}

/// <param name="NearDeadline">Cases pushed yellow (即将超期) and not since red.</param>
/// <param name="Overdue">Cases pushed red (已超期).</param>
public sealed record WarningNoticeCounts(int NearDeadline, int Overdue);

/// <summary>预警: the warning board and the push sweep.</summary>
public static partial class SupervisionModule
{
    private static void AddWarnings(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WarningOptions>(configuration.GetSection(WarningOptions.Section));
        services.AddScoped<ListWarningsHandler>();
        services.AddScoped<IWarningNotifier, NoticeWarningNotifier>();
        services.AddScoped<IStaffWarningNotices, StaffNotices>();
        services.AddScoped<IWorkbenchNotices, WarningWorkbenchNotices>();
        services.AddSingleton<WarningSweep>();
        services.AddHostedService<WarningSweepService>();
    }

    private static void MapWarnings(RouteGroupBuilder group) => ListWarningsApi.Map(group);
}
