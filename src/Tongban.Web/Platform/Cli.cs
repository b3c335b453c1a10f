using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tongban.Modules.Audit;
using Tongban.Platform.Persistence;

namespace Tongban.Platform;

/// <summary>
/// Operator verbs on the same binary and configuration as the web host:
/// <c>audit verify</c> (exit 0 when the chain is whole, 1 with the first broken link) and
/// <c>schema script</c> (prints the CREATE script EF derives from the model, to draft a migration).
/// </summary>
public static class Cli
{
    public static async Task<bool> TryRunAsync(string[] args)
    {
        var verb = args.TakeWhile(a => !a.StartsWith('-')).ToArray();
        if (verb is not ["audit", "verify"] and not ["schema", "script"])
        {
            return false;
        }

        var app = TongbanHost.Build(args[verb.Length..]);
        await using var scope = app.Services.CreateAsyncScope();
        switch (verb)
        {
            case ["audit", "verify"]:
                await TongbanHost.PrepareDatabaseAsync(app.Services);
                var report = await AuditModule.VerifyChainAsync(scope.ServiceProvider, CancellationToken.None);
                Console.WriteLine(JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
                Environment.ExitCode = report.Intact ? 0 : 1;
                break;
            default:
                Console.WriteLine(scope.ServiceProvider.GetRequiredService<TongbanDbContext>().Database.GenerateCreateScript());
                break;
        }

        return true;
    }
}
