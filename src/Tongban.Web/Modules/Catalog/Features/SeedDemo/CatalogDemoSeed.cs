using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Catalog;
using Tongban.Domain.Catalog.Reports;
using Tongban.Domain.Primitives;
using Tongban.Modules.Catalog.Features.ImportCatalog;
using Tongban.Modules.Catalog.Persistence;
using Tongban.Platform;
using Tongban.Platform.Demo;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Catalog.Features.SeedDemo;

/// <summary>
/// 遂宁市's demo catalog: Demo/demo-catalog.json (embedded), loaded through the import use case with the
/// system as the publishing reviewer, then a year of monthly case counts so that the frequency classes
/// differ: busy items are high, most are low, and a few have had no case at all (僵尸事项).
/// </summary>
internal sealed class CatalogDemoSeed(TongbanDbContext db, ImportCatalogHandler import, CityClock clock) : IDemoSeed
{
    public const string ResourceName = "Tongban.Catalog.Demo.json";

    /// <summary>Typical cases a month of the city's own implementation, by basic code; a county sees about a third. Unlisted items see a few.</summary>
    private static readonly Dictionary<string, int> Busy = new(StringComparer.Ordinal)
    {
        ["000117001000"] = 900,  // 机动车注册登记
        ["000126001000"] = 420,  // 企业设立登记
        ["000707001000"] = 380,  // 不动产转移登记
        ["000707003000"] = 300,  // 不动产抵押登记
        ["002008002000"] = 520,  // 社保卡申领
        ["002009001000"] = 260,  // 城乡居民医保参保登记
        ["000717001000"] = 150,  // 出生登记
        ["000710001000"] = 160,  // 结婚登记
        ["002008001000"] = 200,  // 就业登记
        ["000126002000"] = 110,  // 食品经营许可
    };

    /// <summary>Items without a single case in the last year: what the frequency report calls 僵尸事项.</summary>
    private static readonly HashSet<string> Dormant = new(StringComparer.Ordinal)
    {
        "000114001000",  // 危险废物经营许可
        "000110004000",  // 民办非企业单位登记
    };

    public int Order => 30;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Set<CatalogItem>().AnyAsync(cancellationToken))
        {
            return;
        }

        var outcome = await import.ImportDemoAsync(ReadCatalog(), cancellationToken);
        if (!outcome.Imported)
        {
            throw new InvalidOperationException("The demo catalog does not import: " + string.Join("; ", outcome.Problems.Select(p => $"{p.Location} {p.Error.Code}")));
        }

        await SeedUsageAsync(cancellationToken);
    }

    /// <summary>The embedded demo catalog document.</summary>
    public static string ReadCatalog()
    {
        using var stream = typeof(CatalogDemoSeed).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Missing embedded resource {ResourceName}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private async Task SeedUsageAsync(CancellationToken cancellationToken)
    {
        var (first, _) = FrequencyPolicy.WindowEnding(clock.Today);
        var published = await db.Set<Implementation>().AsNoTracking()
            .Where(i => i.PublishedVersion != null)
            .Select(i => new { i.Id, i.Code, i.RegionCode })
            .ToListAsync(cancellationToken);
        foreach (var implementation in published.Where(i => !Dormant.Contains(i.Code.BasicCode.Value)))
        {
            var typical = Busy.GetValueOrDefault(implementation.Code.BasicCode.Value, 4);
            var cases = implementation.RegionCode.Level == RegionLevel.City ? typical : Math.Max(1, typical / 3);
            var seed = implementation.Code.Value.Sum(c => c);
            for (var month = 0; month < 12; month++)
            {
                // A steady ±20% swing, the same on every run: demo figures do not move between restarts.
                var swing = ((seed + (month * 7)) % 9) - 4;
                db.Add(new ImplementationUsage
                {
                    ImplementationId = implementation.Id,
                    Month = first.AddMonths(month),
                    Cases = Math.Max(1, cases + (cases * swing / 20)),
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
