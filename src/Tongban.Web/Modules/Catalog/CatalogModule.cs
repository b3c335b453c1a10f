using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Catalog;
using Tongban.Domain.Catalog.Bundles;
using Tongban.Domain.Catalog.Reports;
using Tongban.Domain.Primitives;
using Tongban.Modules.Catalog.Features.ClaimItem;
using Tongban.Modules.Catalog.Features.DefineBundles;
using Tongban.Modules.Catalog.Features.EditDraft;
using Tongban.Modules.Catalog.Features.ExportCatalog;
using Tongban.Modules.Catalog.Features.FileClaimExemption;
using Tongban.Modules.Catalog.Features.FrequencyReport;
using Tongban.Modules.Catalog.Features.GuidePdf;
using Tongban.Modules.Catalog.Features.ImportCatalog;
using Tongban.Modules.Catalog.Features.IssueItem;
using Tongban.Modules.Catalog.Features.ListBundles;
using Tongban.Modules.Catalog.Features.ListClaimable;
using Tongban.Modules.Catalog.Features.ListForReview;
using Tongban.Modules.Catalog.Features.ListMaterials;
using Tongban.Modules.Catalog.Features.ReviewImplementation;
using Tongban.Modules.Catalog.Features.SearchItems;
using Tongban.Modules.Catalog.Features.SeedDemo;
using Tongban.Modules.Catalog.Features.Shared;
using Tongban.Modules.Catalog.Features.ShowGuide;
using Tongban.Modules.Catalog.Features.ShowImplementation;
using Tongban.Modules.Catalog.Features.SubmitForReview;
using Tongban.Modules.Catalog.Features.UniformityReport;
using Tongban.Modules.Catalog.Features.VersionHistory;
using Tongban.Modules.Catalog.Persistence;
using Tongban.Platform.Demo;
using Tongban.Platform.Documents;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Catalog;

/// <summary>
/// Catalog (事项库): basic items, implementations with their draft → review → publish workflow and
/// immutable versions, search and item guides. Other modules use <see cref="ICatalog"/>.
/// </summary>
public static class CatalogModule
{
    /// <summary>The catalog reports (六统一, frequency classes): platform, region and department admins and supervisors, each within their reach.</summary>
    public const string ReportsPolicy = "catalog-reports";

    public static IServiceCollection AddCatalogModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CatalogPolicy>(configuration.GetSection("Tongban:Catalog"));
        services.AddScoped<ICatalog, CatalogFace>();
        services.AddScoped<CatalogAccess>();
        services.AddScoped<IssueItemHandler>();
        services.AddScoped<ClaimItemHandler>();
        services.AddScoped<EditDraftHandler>();
        services.AddScoped<Pages.Admin.Implementations.DraftEditing>();
        services.AddScoped<SubmitForReviewHandler>();
        services.AddScoped<ReviewImplementationHandler>();
        services.AddScoped<ListClaimableHandler>();
        services.AddScoped<FileClaimExemptionHandler>();
        services.AddScoped<ShowImplementationHandler>();
        services.AddScoped<ListForReviewHandler>();
        services.AddScoped<VersionHistoryHandler>();
        services.Configure<FrequencyPolicy>(configuration.GetSection("Tongban:Catalog"));
        services.AddScoped<UniformityReportHandler>();
        services.AddScoped<FrequencyReportHandler>();
        services.AddPdfDocuments(configuration);
        services.AddScoped<GuidePdfHandler>();
        services.AddScoped<SearchItemsHandler>();
        services.AddScoped<ShowGuideHandler>();
        services.AddScoped<ListMaterialsHandler>();
        services.AddScoped<ImplementationPublisher>();
        services.AddScoped<ImportCatalogHandler>();
        services.AddScoped<ExportCatalogHandler>();
        services.AddScoped<IDemoSeed, CatalogDemoSeed>();
        services.AddScoped<DefineBundlesHandler>();
        services.AddScoped<IDemoSeed, BundlesDemoSeed>();
        services.AddScoped<ListBundlesHandler>();
        services.AddAuthorizationBuilder().AddPolicy(ReportsPolicy, p => p.RequireRole(ReportReach.Roles));
        return services;
    }

    public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder app)
    {
        app.MapGuidePdf();
        var items = app.MapGroup("/api/v1/items").WithTags("Catalog").AllowAnonymous();
        ListBundlesApi.Map(app.MapGroup("/api/v1").WithTags("Bundles").AllowAnonymous());
        SearchItemsApi.Map(items);
        ShowGuideApi.Map(items);
        ListMaterialsApi.Map(items);
        app.MapExportCatalog();
        app.MapImportCatalog();
        return app;
    }
}

/// <summary>What other modules (cases, bundles, supervision) may ask of the catalog.</summary>
public interface ICatalog
{
    /// <summary>The current published version, or a given one (running cases keep theirs).</summary>
    Task<PublishedImplementation?> FindPublishedAsync(ImplementationCode code, int? version, CancellationToken cancellationToken);

    /// <summary>Counts a started case towards the item's frequency class.</summary>
    Task RecordCaseStartedAsync(ImplementationCode code, DateOnly day, CancellationToken cancellationToken);

    /// <summary>一件事: every bundle with its members' published implementations, in life-event and name order.</summary>
    Task<IReadOnlyList<PublishedBundle>> ListBundlesAsync(CancellationToken cancellationToken);

    /// <summary>A bundle with each member's current published implementation (a member not published is absent).</summary>
    Task<PublishedBundle?> FindBundleAsync(BundleCode code, CancellationToken cancellationToken);

    /// <summary>效能监管: the published implementations in a region (and optionally of one department, or one implementation), by online depth, with Σ of their limits.</summary>
    Task<PublishedCounts> CountPublishedAsync(RegionCode scope, Guid? departmentId, ImplementationCode? implementation, CancellationToken cancellationToken);

    /// <summary>The published names of the given implementations (a code not published is absent).</summary>
    Task<IReadOnlyDictionary<ImplementationCode, string>> NamesOfAsync(IReadOnlyCollection<ImplementationCode> codes, CancellationToken cancellationToken);
}

/// <summary>Published implementations counted for 网上可办率, 全程网办率 and 承诺时限压缩率; limits as working days (<see cref="CatalogRules.WorkingDays"/>), rounded.</summary>
public sealed record PublishedCounts(long Implementations, long Online, long FullyOnline, long PromisedLimitDays, long StatutoryLimitDays);

/// <summary>A bundle as it can be applied for now, and its definition as the bundle case keeps it (<see cref="BundleJson.WriteMembers"/>).</summary>
public sealed record PublishedBundle(Bundle Bundle, string Definition, IReadOnlyDictionary<string, PublishedImplementation> Members)
{
    /// <summary>The one application of the bundle, merged from its members' published contents; a member not published stops it.</summary>
    public Result<BundleApplication> Application() =>
        Bundle.Members.FirstOrDefault(m => !Members.ContainsKey(m.Key)) is { } missing
            ? new Invalid("bundle.member-not-published", missing.Key, missing.Implementation.Value)
            : BundleApplication.Merge(Bundle, Members.ToDictionary(m => m.Key, m => m.Value.Content, StringComparer.Ordinal));
}

public sealed record PublishedImplementation(Guid Id, ImplementationCode Code, int Version, ImplementationContent Content, Guid DepartmentId, RegionCode Region);

internal sealed class CatalogFace(TongbanDbContext db) : ICatalog
{
    public async Task<PublishedImplementation?> FindPublishedAsync(ImplementationCode code, int? version, CancellationToken cancellationToken)
    {
        var implementation = await db.Set<Implementation>().AsNoTracking().FirstOrDefaultAsync(i => i.Code == code, cancellationToken);
        if (implementation?.PublishedVersion is not { } current)
        {
            return null;
        }

        var number = version ?? current;
        var published = await db.Set<ImplementationVersion>().AsNoTracking()
            .FirstOrDefaultAsync(v => v.ImplementationId == implementation.Id && v.Number == number, cancellationToken);
        return published is null
            ? null
            : new PublishedImplementation(implementation.Id, implementation.Code, published.Number, published.Content, implementation.DepartmentId, implementation.RegionCode);
    }

    public async Task<IReadOnlyList<PublishedBundle>> ListBundlesAsync(CancellationToken cancellationToken)
    {
        var published = new List<PublishedBundle>();
        foreach (var bundle in await db.Set<Bundle>().AsNoTracking().OrderBy(b => b.LifeEvent).ThenBy(b => b.Name).ToListAsync(cancellationToken))
        {
            published.Add(await WithMembersAsync(bundle, cancellationToken));
        }

        return published;
    }

    public async Task<PublishedBundle?> FindBundleAsync(BundleCode code, CancellationToken cancellationToken) =>
        await db.Set<Bundle>().AsNoTracking().FirstOrDefaultAsync(b => b.Code == code, cancellationToken) is { } bundle
            ? await WithMembersAsync(bundle, cancellationToken)
            : null;

    private async Task<PublishedBundle> WithMembersAsync(Bundle bundle, CancellationToken cancellationToken)
    {
        var members = new Dictionary<string, PublishedImplementation>(StringComparer.Ordinal);
        foreach (var member in bundle.Members)
        {
            if (await FindPublishedAsync(member.Implementation, null, cancellationToken) is { } published)
            {
                members[member.Key] = published;
            }
        }

        return new PublishedBundle(bundle, BundleJson.WriteMembers(bundle.Members), members);
    }

    public async Task<PublishedCounts> CountPublishedAsync(RegionCode scope, Guid? departmentId, ImplementationCode? implementation, CancellationToken cancellationToken)
    {
        var entries = db.Set<CatalogSearchEntry>().AsNoTracking().Within(e => e.RegionCode, scope);
        if (departmentId is { } department)
        {
            entries = entries.Where(e => e.DepartmentId == department);
        }

        if (implementation is { } code)
        {
            entries = entries.Where(e => e.Code == code);
        }

        // Summed in the database per online depth and limit units (a handful of groups), converted to working days here.
        var groups = await entries
            .GroupBy(e => new { e.OnlineDepth, e.PromisedLimitUnit, e.StatutoryLimitUnit })
            .Select(g => new { g.Key.OnlineDepth, g.Key.PromisedLimitUnit, g.Key.StatutoryLimitUnit, Count = g.LongCount(), Promised = g.Sum(e => (long)e.PromisedLimitAmount), Statutory = g.Sum(e => (long)e.StatutoryLimitAmount) })
            .ToListAsync(cancellationToken);
        long count = 0, online = 0, fullyOnline = 0;
        double promised = 0, statutory = 0;
        foreach (var group in groups)
        {
            count += group.Count;
            online += group.OnlineDepth >= OnlineDepth.PreReview ? group.Count : 0;
            fullyOnline += group.OnlineDepth == OnlineDepth.FullyOnline ? group.Count : 0;
            // The conversion is linear in the amount: a group's total converts as one.
            promised += group.Promised * CatalogRules.WorkingDays(new TimeLimit(1, group.PromisedLimitUnit));
            statutory += group.Statutory * CatalogRules.WorkingDays(new TimeLimit(1, group.StatutoryLimitUnit));
        }

        return new PublishedCounts(count, online, fullyOnline, (long)Math.Round(promised), (long)Math.Round(statutory));
    }

    public async Task<IReadOnlyDictionary<ImplementationCode, string>> NamesOfAsync(IReadOnlyCollection<ImplementationCode> codes, CancellationToken cancellationToken) =>
        await db.Set<CatalogSearchEntry>().AsNoTracking().Where(e => codes.Contains(e.Code)).ToDictionaryAsync(e => e.Code, e => e.Name, cancellationToken);

    public async Task RecordCaseStartedAsync(ImplementationCode code, DateOnly day, CancellationToken cancellationToken)
    {
        var id = await db.Set<Implementation>().Where(i => i.Code == code).Select(i => i.Id).FirstAsync(cancellationToken);
        var month = new DateOnly(day.Year, day.Month, 1);
        // One upsert, so neither concurrent cases nor two first cases of a month lose a count; outside the
        // submission's transaction, so an item's submissions do not queue on its row (a rolled-back one still counts).
        await db.CountOutsideTransactionAsync(
            "INSERT INTO implementation_usage (implementation_id, month, cases) VALUES (@p0, @p1, 1) ON CONFLICT (implementation_id, month) DO UPDATE SET cases = implementation_usage.cases + 1",
            [id, month],
            cancellationToken);
    }
}
