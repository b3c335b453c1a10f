using System.Net;
using System.Text.RegularExpressions;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Platform.Demo;

namespace Tongban.IntegrationTests.Documentation;

/// <summary>The README's demo accounts must be the ones the demo city seeds, password included.</summary>
public sealed partial class ReadmeTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task EveryDemoLoginInTheReadme_SignsInWithThePrintedPassword()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "README.md"));
        Assert.Contains($"**`{DemoCity.Password}`**", readme, StringComparison.Ordinal);
        var logins = LoginPattern().Matches(readme)
            .Select(m => m.Groups["kind"].Value switch
            {
                "enterprise" => $"{m.Groups["login"].Value}:{m.Groups["agent"].Value}",
                _ => m.Groups["login"].Value,
            })
            .ToList();
        Assert.True(logins.Count >= 14, $"found only {logins.Count} logins in the README");
        foreach (var login in logins)
        {
            var response = await app.RequestTokenAsync(login);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"README login {login} did not sign in: {(int)response.StatusCode}");
        }
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Tongban.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }

    [GeneratedRegex(@"\| (?<kind>staff|citizen|enterprise) `(?<login>[^`]+)`(?: \+ agent ID `(?<agent>[^`]+)`)? \|")]
    private static partial Regex LoginPattern();
}
