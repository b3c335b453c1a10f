using Tongban.Platform;

// Verbs (e.g. `audit verify`, `schema script`) run and exit; anything else starts the web host.
if (await Cli.TryRunAsync(args))
{
    return;
}

var app = TongbanHost.Build(args);
await TongbanHost.PrepareDatabaseAsync(app.Services);
await app.RunAsync();

/// <summary>Entry point type, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
