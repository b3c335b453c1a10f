using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Modules.Supervision.Persistence;
using Tongban.Platform;
using Tongban.Platform.Demo;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Supervision.Features.SeedDemo;

/// <summary>
/// After the cases and ratings of the demo city's history are in, recomputes the daily aggregates of every day of it, so
/// the dashboard and the indicators show the trends on first start instead of after the job has seen each day. Skipped
/// when a day older than yesterday was refreshed already (the job alone only refreshes today, yesterday and changed days).
/// </summary>
internal sealed class SupervisionHistorySeed(TongbanDbContext db, ISupervision supervision, CityClock clock, IOptions<DemoHistoryOptions> options) : IDemoSeed
{
    /// <summary>After every module's records (cases 40-41, ratings 42).</summary>
    public int Order => 90;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        if (!options.Value.Enabled || await db.Set<DayRefresh>().AnyAsync(d => d.Day < today.AddDays(-1), cancellationToken))
        {
            return;
        }

        await supervision.RefreshAsync(options.Value.FirstDay(today), today, cancellationToken);
    }
}
