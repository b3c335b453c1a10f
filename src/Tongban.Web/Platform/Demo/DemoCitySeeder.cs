namespace Tongban.Platform.Demo;

/// <summary>A module's part of the demo city. Each module seeds only its own records.</summary>
public interface IDemoSeed
{
    /// <summary>Lower runs first (organisation before accounts that refer to it).</summary>
    int Order { get; }

    Task SeedAsync(CancellationToken cancellationToken);
}

/// <summary>Runs every module's demo seed in order; each seed skips itself when its data is present.</summary>
public sealed class DemoCitySeeder(IEnumerable<IDemoSeed> seeds, ILogger<DemoCitySeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var seed in seeds.OrderBy(s => s.Order))
        {
            logger.LogInformation("Demo city: {Seed}", seed.GetType().Name);
            await seed.SeedAsync(cancellationToken);
        }
    }
}

public static class DemoCityRegistration
{
    public static IServiceCollection AddDemoCity(this IServiceCollection services)
    {
        services.AddOptions<DemoHistoryOptions>().BindConfiguration(DemoHistoryOptions.Section);
        return services.AddScoped<DemoCitySeeder>();
    }
}
