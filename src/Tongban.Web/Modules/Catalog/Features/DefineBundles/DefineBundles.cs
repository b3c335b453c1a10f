using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Catalog.Bundles;
using Tongban.Domain.Primitives;
using Tongban.Modules.Organisation;
using Tongban.Platform;
using Tongban.Platform.Demo;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Catalog.Features.DefineBundles;

/// <summary>
/// Defines bundles from their documents (the demo file, an import): each document's lead department is
/// found by its USCC, its members by 实施编码, and the member graph checked once (<see cref="Bundle.Define"/>).
/// All or nothing: the first broken document names itself and nothing is stored. A code already defined
/// is left as it is.
/// </summary>
public sealed class DefineBundlesHandler(TongbanDbContext db, IOrganisationDirectory organisation, AuditTrail audit)
{
    public async Task<Result<IReadOnlyList<Bundle>>> HandleAsync(BundleFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Format != BundleFile.CurrentFormat)
        {
            return new Invalid("bundle.file-format", file.Format ?? "", BundleFile.CurrentFormat) { Field = "format" };
        }

        var defined = new List<Bundle>();
        foreach (var document in file.Bundles ?? [])
        {
            if (!(await DefineAsync(document, cancellationToken)).TryGet(out var bundle, out var error))
            {
                return error with { Field = $"bundles[{document.Code}].{error.Field}" };
            }

            if (!await db.Set<Bundle>().AnyAsync(b => b.Code == bundle.Code, cancellationToken))
            {
                db.Add(bundle);
                audit.Record("catalog.bundle-define", nameof(Bundle), bundle.Code.Value, after: new { bundle.Name, members = bundle.Members.Select(m => m.Implementation.Value) });
                defined.Add(bundle);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return defined;
    }

    private async Task<Result<Bundle>> DefineAsync(BundleDocument document, CancellationToken cancellationToken)
    {
        if (!BundleCode.Parse(document.Code).TryGet(out var code, out var codeError))
        {
            return codeError with { Field = "code" };
        }

        var lead = Uscc.Parse(document.LeadDepartment).TryGet(out var uscc, out _)
            ? await organisation.FindDepartmentByUsccAsync(uscc, cancellationToken)
            : null;
        if (!BundleJson.MembersOf(document).TryGet(out var members, out var memberError))
        {
            return memberError;
        }

        return Bundle.Define(code, document.Name, document.LifeEvent, lead?.Id ?? Guid.Empty, document.PromisedLimit, document.Delivery, members, document.Description);
    }
}

/// <summary>The demo city's five 一件事 (Demo/demo-bundles.json, embedded), defined once the demo catalog is in.</summary>
internal sealed class BundlesDemoSeed(TongbanDbContext db, DefineBundlesHandler define) : IDemoSeed
{
    public const string ResourceName = "Tongban.Catalog.DemoBundles.json";

    public int Order => 31;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Set<Bundle>().AnyAsync(cancellationToken))
        {
            return;
        }

        using var stream = typeof(BundlesDemoSeed).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Missing embedded resource {ResourceName}.");
        using var reader = new StreamReader(stream);
        var outcome = await define.HandleAsync(BundleJson.ReadFile(await reader.ReadToEndAsync(cancellationToken)), cancellationToken);
        if (!outcome.IsSuccess)
        {
            throw new InvalidOperationException($"The demo bundles do not define: {outcome.Error!.Field} {outcome.Error.Code}");
        }
    }
}
