using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Domain.Catalog;
using Tongban.Domain.Catalog.Transfer;
using Tongban.Domain.Primitives;
using Tongban.Modules.Catalog.Features.ClaimItem;
using Tongban.Modules.Catalog.Features.Shared;
using Tongban.Modules.Catalog.Persistence;
using Tongban.Modules.Organisation;
using Tongban.Platform;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Catalog.Features.ImportCatalog;

public sealed record ImportCatalogRequest(string Content, CatalogFileFormat Format);

public sealed record ImportSummary(
    int ItemsIssued,
    int ItemsRevised,
    int ItemsUnchanged,
    int ImplementationsCreated,
    int ImplementationsUpdated,
    int ImplementationsUnchanged,
    int VersionsPublished);

/// <summary>What was imported, or every problem found in the file (and then nothing was imported).</summary>
public sealed record ImportOutcome(ImportSummary? Summary, IReadOnlyList<TransferProblem> Problems)
{
    public bool Imported => Problems.Count == 0;
}

/// <summary>
/// 导入: the whole file or nothing. The file is read and every record checked (shape, identifiers,
/// codes unique, basic item present in the file or the catalog, implementing department known and in
/// reach, region and level the department's, published content passing the submission rules), while
/// the changes are staged; any problem discards them all, otherwise one save stores them with one
/// "catalog.import" audit record. Items are issued or revised; implementations claimed or edited;
/// published ones go through submit and publish: the file is the submission (submitted by
/// "catalog-file:" + its SHA-256 prefix) and the importing administrator the reviewer who publishes
/// it, so the rule that a reviewer may not publish their own submission holds here too. Unchanged
/// records are left alone, so importing the same file twice publishes nothing new.
/// </summary>
public sealed class ImportCatalogHandler(
    TongbanDbContext db,
    IOrganisationDirectory organisation,
    CatalogAccess access,
    ImplementationPublisher publisher,
    AuditTrail audit,
    CityClock clock,
    IOptions<CatalogPolicy> policy)
{
    /// <summary>Platform admins and city region admins, for the departments in their region.</summary>
    public async Task<Result<ImportOutcome>> HandleAsync(ImportCatalogRequest request, CancellationToken cancellationToken)
    {
        if (!access.CanIssueItems)
        {
            return new Forbidden("catalog.import-forbidden");
        }

        return await ImportAsync(request, new Reviewer(access.ActorId, access.ActorName), access.CanEdit, cancellationToken);
    }

    /// <summary>The demo city's catalog, imported while no one is signed in: the system is the reviewer.</summary>
    internal Task<ImportOutcome> ImportDemoAsync(string json, CancellationToken cancellationToken) =>
        ImportAsync(new ImportCatalogRequest(json, CatalogFileFormat.Json), new Reviewer(access.ActorId, "系统（演示数据）"), (_, _) => true, cancellationToken);

    private async Task<ImportOutcome> ImportAsync(ImportCatalogRequest request, Reviewer reviewer, Func<RegionCode, Guid, bool> inReach, CancellationToken cancellationToken)
    {
        var set = request.Format == CatalogFileFormat.Json
            ? CatalogDocumentReader.Read(request.Content)
            : await FromCsvAsync(request.Content, inReach, cancellationToken);
        var fingerprint = "catalog-file:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request.Content)))[..16];
        var tally = new Tally(set.Problems);
        var items = await StageItemsAsync(set, tally, cancellationToken);
        await StageImplementationsAsync(set, items, new Submission(fingerprint, reviewer), inReach, tally, cancellationToken);
        if (tally.Problems.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new ImportOutcome(null, [.. tally.Problems.OrderBy(p => p.Location.Line ?? 0)]);
        }

        var summary = tally.Summary();
        audit.Record("catalog.import", "Catalog", fingerprint, after: new { format = request.Format.ToString(), summary });
        await db.SaveChangesAsync(cancellationToken);
        return new ImportOutcome(summary, []);
    }

    /// <summary>A spreadsheet row becomes the implementation as it is now with the row's scalar columns applied.</summary>
    private async Task<ImportSet> FromCsvAsync(string text, Func<RegionCode, Guid, bool> inReach, CancellationToken cancellationToken)
    {
        var reading = CatalogCsv.Read(text);
        var codes = reading.Updates.Select(u => u.Code).ToList();
        var current = (await CatalogExchange.LoadAsync(db, db.Set<Implementation>().AsNoTracking().Where(i => codes.Contains(i.Code)), cancellationToken))
            .Where(e => inReach(e.Implementation.RegionCode, e.Implementation.DepartmentId))
            .ToDictionary(e => e.Implementation.Code);
        var problems = reading.Problems.ToList();
        var implementations = new List<ImportedImplementation>();
        foreach (var update in reading.Updates)
        {
            if (current.TryGetValue(update.Code, out var now))
            {
                implementations.Add(new ImportedImplementation(update.Code, now.Implementation.RegionCode, now.Status, update.ApplyTo(now.Content), update.Origin));
            }
            else
            {
                problems.Add(new TransferProblem(update.Origin.At("code"), CatalogAccess.ImplementationNotFound));
            }
        }

        return new ImportSet([], implementations, problems);
    }

    private async Task<Dictionary<BasicItemCode, CatalogItem>> StageItemsAsync(ImportSet set, Tally tally, CancellationToken cancellationToken)
    {
        var referenced = set.Items.Select(i => i.Code)
            .Concat(set.Items.Select(i => i.Parent).OfType<BasicItemCode>())
            .Concat(set.Implementations.Select(i => i.Code.BasicCode))
            .Distinct()
            .ToList();
        var known = await db.Set<CatalogItem>().Where(i => referenced.Contains(i.Code)).ToDictionaryAsync(i => i.Code, cancellationToken);
        foreach (var record in set.Items)
        {
            var source = record.Source;
            if (!known.TryGetValue(record.Code, out var item))
            {
                var issued = CatalogItem.Issue(record.Code, source.Name, source.Type, source.CompetentDepartment, source.LegalBasis, source.Levels, record.Parent, clock.UtcNow);
                if (issued.TryGet(out var created, out var error))
                {
                    db.Add(created);
                    known[record.Code] = created;
                    tally.ItemsIssued++;
                }
                else
                {
                    tally.Problems.Add(record.Origin.Problem(error));
                }

                continue;
            }

            var revised = item.Revise(source.Name, source.Type, source.CompetentDepartment, source.LegalBasis, source.Levels, record.Parent);
            if (!revised.IsSuccess)
            {
                tally.Problems.Add(record.Origin.Problem(revised.Error));
                continue;
            }

            var entry = db.Entry(item);
            entry.DetectChanges();
            if (entry.State != EntityState.Modified)
            {
                tally.ItemsUnchanged++;
                continue;
            }

            tally.ItemsRevised++;
            if (entry.Property(i => i.Type).IsModified)
            {
                // The search rows carry the item type; they follow the item.
                foreach (var row in await db.Set<CatalogSearchEntry>().Where(e => e.BasicCode == item.Code).ToListAsync(cancellationToken))
                {
                    row.ItemType = item.Type;
                }
            }
        }

        foreach (var record in set.Items.Where(i => i.Parent is { } parent && !known.ContainsKey(parent)))
        {
            tally.Problems.Add(new TransferProblem(record.Origin.At("parentCode"), new Invalid("catalog.parent-not-found", record.Source.ParentCode!)));
        }

        return known;
    }

    private async Task StageImplementationsAsync(ImportSet set, Dictionary<BasicItemCode, CatalogItem> items, Submission submission, Func<RegionCode, Guid, bool> inReach, Tally tally, CancellationToken cancellationToken)
    {
        var codes = set.Implementations.Select(i => i.Code).ToList();
        var existing = (await CatalogExchange.LoadAsync(db, db.Set<Implementation>().Where(i => codes.Contains(i.Code)), cancellationToken))
            .ToDictionary(e => e.Implementation.Code);
        var departments = new Dictionary<Uscc, DepartmentSummary?>();
        foreach (var record in set.Implementations)
        {
            var body = record.Code.ImplementingBody;
            if (!departments.TryGetValue(body, out var department))
            {
                departments[body] = department = await organisation.FindDepartmentByUsccAsync(body, cancellationToken);
            }

            if (Check(record, items, department, inReach) is { } problem)
            {
                tally.Problems.Add(problem);
                continue;
            }

            await StageAsync(record, items[record.Code.BasicCode], department!, existing.GetValueOrDefault(record.Code), submission, tally, cancellationToken);
        }
    }

    /// <summary>What the file alone cannot show: the item, the department and its region and level.</summary>
    private static TransferProblem? Check(ImportedImplementation record, Dictionary<BasicItemCode, CatalogItem> items, DepartmentSummary? department, Func<RegionCode, Guid, bool> inReach)
    {
        var origin = record.Origin;
        if (!items.TryGetValue(record.Code.BasicCode, out var item))
        {
            return new TransferProblem(origin.At("code"), new Invalid("catalog.item-not-found", record.Code.BasicCode.Value));
        }

        if (department is null || !inReach(department.Region, department.Id))
        {
            return new TransferProblem(origin.At("code"), new Invalid("catalog.import-department-unknown", record.Code.ImplementingBody.Value));
        }

        if (record.Region != department.Region)
        {
            return new TransferProblem(origin.At("regionCode"), new Invalid("catalog.import-region-mismatch", record.Region.Value, department.Name, department.Region.Value));
        }

        var level = ClaimItemHandler.LevelOf(department.Region);
        if (record.Code.ExerciseLevel != level)
        {
            return new TransferProblem(origin.At("code"), new Invalid("catalog.import-level-mismatch", record.Code.ExerciseLevelName, department.Name));
        }

        return item.Levels.Contains(level) ? null : new TransferProblem(origin.At("code"), new Invalid("catalog.level-not-exercised", item.Name));
    }

    private async Task StageAsync(ImportedImplementation record, CatalogItem item, DepartmentSummary department, ExchangedImplementation? current, Submission submission, Tally tally, CancellationToken cancellationToken)
    {
        var json = CatalogJson.Serialize(record.Content);
        var published = record.Status == DocumentStatus.Published;
        if (current is not null && (published ? current.Status == DocumentStatus.Published && current.ContentJson == json : current.Implementation.DraftJson == json))
        {
            tally.ImplementationsUnchanged++;
            return;
        }

        Implementation implementation;
        if (current is null)
        {
            implementation = Implementation.Claim(Guid.CreateVersion7(), item, department.Uscc, department.Id, department.Region, record.Code.ExerciseLevel,
                submission.Reviewer.Id, clock.UtcNow, record.Content);
            db.Add(implementation);
            tally.ImplementationsCreated++;
        }
        else
        {
            implementation = current.Implementation;
            if (published && current.Status == DocumentStatus.Published && implementation.DraftJson != current.ContentJson)
            {
                // Someone's edits since the last publish would be overwritten: they decide first.
                tally.Problems.Add(new TransferProblem(record.Origin.At("content"), new Conflict("catalog.import-unpublished-edits", implementation.DraftName)));
                return;
            }

            var edited = implementation.Edit(record.Content);
            if (!edited.IsSuccess)
            {
                tally.Problems.Add(record.Origin.Problem(edited.Error, "content"));
                return;
            }

            tally.ImplementationsUpdated++;
        }

        if (published)
        {
            await PublishAsync(record, item, department, implementation, submission, tally, cancellationToken);
        }
    }

    private async Task PublishAsync(ImportedImplementation record, CatalogItem item, DepartmentSummary department, Implementation implementation, Submission submission, Tally tally, CancellationToken cancellationToken)
    {
        var submitted = implementation.Submit(policy.Value, submission.Submitter, clock.UtcNow);
        if (!submitted.IsSuccess || submitted.Value.Count > 0)
        {
            tally.Problems.AddRange(submitted.IsSuccess ? submitted.Value.Select(e => record.Origin.Problem(e, "content")) : [record.Origin.Problem(submitted.Error, "content")]);
            return;
        }

        var version = await publisher.PublishAsync(implementation, item.Type, department.Name, submission.Reviewer, cancellationToken);
        if (!version.IsSuccess)
        {
            tally.Problems.Add(record.Origin.Problem(version.Error, "content"));
            return;
        }

        tally.VersionsPublished++;
    }

    /// <summary>The file submits (under its fingerprint); the importing administrator reviews and publishes.</summary>
    private sealed record Submission(string Submitter, Reviewer Reviewer);

    private sealed class Tally(IEnumerable<TransferProblem> problems)
    {
        public List<TransferProblem> Problems { get; } = [.. problems];
        public int ItemsIssued { get; set; }
        public int ItemsRevised { get; set; }
        public int ItemsUnchanged { get; set; }
        public int ImplementationsCreated { get; set; }
        public int ImplementationsUpdated { get; set; }
        public int ImplementationsUnchanged { get; set; }
        public int VersionsPublished { get; set; }

        public ImportSummary Summary() => new(ItemsIssued, ItemsRevised, ItemsUnchanged, ImplementationsCreated, ImplementationsUpdated, ImplementationsUnchanged, VersionsPublished);
    }
}
