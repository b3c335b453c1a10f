using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tongban.Modules.Audit;
using Tongban.Modules.Licences;
using Tongban.Modules.Supervision;
using Tongban.Platform.Persistence;

namespace Tongban.Platform;

/// <summary>
/// Operator verbs on the same binary and configuration as the web host:
/// <c>audit verify</c> (exit 0 when the chain is whole, 1 with the first broken link) and
/// <c>schema script</c> (prints the CREATE script EF derives from the model, to draft a migration) and
/// <c>licence verify --jwks &lt;file&gt; &lt;payload-or-url&gt;</c> (offline: only the published keys, no database;
/// exit 0 when valid, 1 otherwise) and
/// <c>supervision refresh --from yyyy-MM-dd --to yyyy-MM-dd</c> (recomputes 效能监管's daily pre-aggregates of those days).
/// </summary>
public static class Cli
{
    public static async Task<bool> TryRunAsync(string[] args)
    {
        // Before any host is built: offline verification needs no configuration, database or network.
        if (args is ["licence", "verify", ..])
        {
            Environment.ExitCode = VerifyLicenceOffline(args[2..], Console.Out);
            return true;
        }

        var verb = args.TakeWhile(a => !a.StartsWith('-')).ToArray();
        if (verb is not ["audit", "verify"] and not ["schema", "script"] and not ["supervision", "refresh"])
        {
            return false;
        }

        var rest = args[verb.Length..];
        if (verb is ["supervision", "refresh"])
        {
            // Its own options first: the host gets the rest.
            if (Option(rest, "--from") is not { } from || Option(rest, "--to") is not { } to
                || !DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
                || !DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var last) || last < first)
            {
                Console.WriteLine("usage: supervision refresh --from yyyy-MM-dd --to yyyy-MM-dd");
                Environment.ExitCode = 2;
                return true;
            }

            rest = [.. rest.Where((_, i) => !IsRefreshOption(rest, i))];
            var host = TongbanHost.Build(rest);
            await TongbanHost.PrepareDatabaseAsync(host.Services);
            await using (var refreshScope = host.Services.CreateAsyncScope())
            {
                await refreshScope.ServiceProvider.GetRequiredService<ISupervision>().RefreshAsync(first, last, CancellationToken.None);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"refreshed {first:yyyy-MM-dd} .. {last:yyyy-MM-dd}"));
            return true;
        }

        var app = TongbanHost.Build(rest);
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

    private static string? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    private static bool IsRefreshOption(string[] args, int i) =>
        args[i] is "--from" or "--to" || (i > 0 && args[i - 1] is "--from" or "--to");

    /// <summary>
    /// <c>licence verify --jwks &lt;file&gt; &lt;payload-or-url&gt;</c>: prints the decoded claims, the signing
    /// seal and <c>valid</c> or <c>invalid-signature</c>; answers the exit code (0 valid, 1 not, 2 usage).
    /// </summary>
    public static int VerifyLicenceOffline(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        string? jwksFile = null;
        string? scanned = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--jwks" && i + 1 < args.Length)
            {
                jwksFile = args[++i];
            }
            else
            {
                scanned ??= args[i];
            }
        }

        if (jwksFile is null || scanned is null)
        {
            output.WriteLine("usage: licence verify --jwks <jwks.json> <payload-or-url>");
            return 2;
        }

        if (!File.Exists(jwksFile))
        {
            output.WriteLine($"No such key file: {jwksFile}");
            return 2;
        }

        var verdict = LicencesModule.VerifyOffline(File.ReadAllText(jwksFile), scanned);
        if (verdict.Claims is not null)
        {
            output.WriteLine($"claims: {verdict.Claims}");
        }

        if (verdict.Signer is not null)
        {
            output.WriteLine($"signed by: {verdict.Signer}");
        }

        if (verdict.Message is not null)
        {
            output.WriteLine(verdict.Message);
        }

        output.WriteLine(verdict.Status);
        return verdict.Valid ? 0 : 1;
    }
}
