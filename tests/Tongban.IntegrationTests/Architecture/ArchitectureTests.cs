using System.Reflection;
using System.Text.RegularExpressions;
using Tongban.IntegrationTests.Documentation;

namespace Tongban.IntegrationTests.Architecture;

/// <summary>
/// Keeps the house in shape: a pure domain, modules that meet only through their public faces
/// (the module's root namespace), no module reading another module's tables, absolute page routes.
/// </summary>
public sealed partial class ArchitectureTests
{
    private static readonly string Root = ReadmeTests.RepositoryRoot();
    private static readonly string WebRoot = Path.Combine(Root, "src", "Tongban.Web");
    private static readonly Assembly DomainAssembly = typeof(Tongban.Domain.Primitives.Error).Assembly;

    [Fact]
    public void Domain_ReferencesNeitherAspNetCoreNorEntityFramework()
    {
        var forbidden = DomainAssembly.GetReferencedAssemblies()
            .Select(a => a.Name ?? "")
            .Where(n => n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
                        || n.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
                        || n.StartsWith("Npgsql", StringComparison.Ordinal)
                        || n.StartsWith("Microsoft.Data.Sqlite", StringComparison.Ordinal))
            .ToList();
        Assert.Empty(forbidden);
    }

    [Fact]
    public void DomainModules_UseOnlyPrimitivesAndThemselves()
    {
        var violations = new List<string>();
        var domainRoot = Path.Combine(Root, "src", "Tongban.Domain");
        foreach (var file in SourceFiles(domainRoot))
        {
            var module = Path.GetRelativePath(domainRoot, file).Split(Path.DirectorySeparatorChar)[0];
            foreach (Match match in DomainNamespace().Matches(File.ReadAllText(file)))
            {
                var used = match.Groups[1].Value;
                if (used != module && used is not ("Primitives" or "Resources"))
                {
                    violations.Add($"{Path.GetRelativePath(Root, file)} uses Tongban.Domain.{used}");
                }
            }
        }

        Assert.Empty(violations);
    }

    [Fact]
    public void Modules_AndPlatform_ReachOtherModulesOnlyThroughTheirFace()
    {
        var violations = new List<string>();
        foreach (var file in SourceFiles(WebRoot))
        {
            var owner = ModuleOf(file);
            foreach (Match match in ModuleInternals().Matches(File.ReadAllText(file)))
            {
                if (match.Groups[1].Value != owner)
                {
                    violations.Add($"{Path.GetRelativePath(Root, file)} reaches into {match.Value}");
                }
            }
        }

        Assert.Empty(violations);
    }

    [Fact]
    public void NoModule_QueriesAnotherModulesEntities()
    {
        // Entity types belong to the module whose domain namespace declares them.
        var owners = DomainAssembly.GetTypes()
            .Where(t => t is { IsClass: true, IsPublic: true } && t.Namespace?.StartsWith("Tongban.Domain.", StringComparison.Ordinal) == true)
            .Select(t => (t.Name, Module: t.Namespace!.Split('.')[2]))
            .Where(t => t.Module != "Primitives")
            .ToDictionary(t => t.Name, t => t.Module);
        var violations = new List<string>();
        foreach (var file in SourceFiles(Path.Combine(WebRoot, "Modules")))
        {
            var owner = ModuleOf(file);
            foreach (Match match in SetOf().Matches(File.ReadAllText(file)))
            {
                if (owners.TryGetValue(match.Groups[1].Value, out var module) && module != owner)
                {
                    violations.Add($"{Path.GetRelativePath(Root, file)} queries {match.Groups[1].Value} of {module}");
                }
            }
        }

        Assert.Empty(violations);
    }

    [Fact]
    public void EveryPage_DeclaresAUniqueAbsoluteRoute()
    {
        var routes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        foreach (var page in Directory.EnumerateFiles(WebRoot, "*.cshtml", SearchOption.AllDirectories).Where(IsSource))
        {
            var first = File.ReadLines(page).FirstOrDefault(l => l.TrimStart().StartsWith("@page", StringComparison.Ordinal));
            if (first is null)
            {
                continue; // layouts, partials, view imports
            }

            var route = PageRoute().Match(first);
            if (!route.Success)
            {
                problems.Add($"{Path.GetRelativePath(Root, page)} has no absolute route");
            }
            else if (!routes.TryAdd(route.Groups[1].Value, page))
            {
                problems.Add($"{route.Groups[1].Value} declared twice");
            }
        }

        Assert.Empty(problems);
        Assert.Contains("/", routes.Keys);
    }

    private static string ModuleOf(string file)
    {
        var relative = Path.GetRelativePath(WebRoot, file).Split(Path.DirectorySeparatorChar);
        return relative.Length > 1 && relative[0] == "Modules" ? relative[1] : "(platform)";
    }

    private static IEnumerable<string> SourceFiles(string root) =>
        Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(IsSource);

    private static bool IsSource(string path) =>
        !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        && !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    [GeneratedRegex(@"Tongban\.Domain\.(\w+)")]
    private static partial Regex DomainNamespace();

    // Tongban.Modules.X.Something: anything below a module's root namespace is internal.
    [GeneratedRegex(@"Tongban\.Modules\.(\w+)\.\w+")]
    private static partial Regex ModuleInternals();

    [GeneratedRegex(@"Set<(\w+)>")]
    private static partial Regex SetOf();

    [GeneratedRegex("^\\s*@page\\s+\"(/[^\"]*)\"")]
    private static partial Regex PageRoute();
}
