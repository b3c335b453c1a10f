using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Persistence;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Cases.Features.Shared;

/// <summary>
/// 工程建设项目 in reach: the enterprise's own (an agent of the applicant), or one whose items' cases the
/// caller handles in the back office (staff of an involved department). Anything else is not found. Every
/// read is audited. A loaded project has taken note of its items' results: an item's result is its case's
/// 制证 (issued, delivered or completed), at the instant it was issued.
/// </summary>
public sealed class ProjectAccess(TongbanDbContext db, CaseStore cases, CaseAccess access, AuditTrail audit)
{
    /// <summary>A stage by its wire name (camelCase, e.g. <c>landUsePlanning</c>).</summary>
    public static Result<ProjectStage> ParseStage(string? stage)
    {
        foreach (var candidate in Enum.GetValues<ProjectStage>())
        {
            if (string.Equals(Wire(candidate), stage?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        return new Invalid("projects.stage-unknown", stage ?? "") { Field = "stage" };
    }

    public static string Wire<T>(T value)
        where T : struct, Enum => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>The enterprise's own project (tracked), with its items' results noted.</summary>
    public async Task<Result<(ConstructionProject Project, IReadOnlyDictionary<string, Case> Cases)>> FindOwnAsync(string number, CancellationToken cancellationToken, string auditAction = "projects.view")
    {
        var project = await LoadAsync(number, cancellationToken);
        if (project is null || !access.IsApplicant(project.Applicant))
        {
            return new NotFound("projects.not-found", number ?? "");
        }

        var memberCases = await NoteResultsAsync(project, cancellationToken);
        audit.Record(auditAction, nameof(ConstructionProject), project.Number.Value);
        return (project, memberCases);
    }

    /// <summary>
    /// A project for staff (tracked): they handle, in the back office, a case of one of its items (of
    /// <paramref name="stage"/> when given), or they are a platform administrator.
    /// </summary>
    public async Task<Result<(ConstructionProject Project, IReadOnlyDictionary<string, Case> Cases)>> FindAsStaffAsync(
        string number, ProjectStage? stage, CancellationToken cancellationToken, string auditAction = "projects.view")
    {
        var project = await LoadAsync(number, cancellationToken);
        if (project is null || !access.User.IsStaff)
        {
            return new NotFound("projects.not-found", number ?? "");
        }

        var memberCases = await NoteResultsAsync(project, cancellationToken);
        var reached = project.Stages
            .Where(s => stage is null || s.Stage == stage)
            .SelectMany(s => s.Items)
            .Any(i => i.CaseNumber is { } n && memberCases.TryGetValue(n, out var c) && access.Reaches(c, CaseReach.BackOffice));
        if (!reached && !access.User.IsPlatformAdmin)
        {
            return new NotFound("projects.not-found", number ?? "");
        }

        audit.Record(auditAction, nameof(ConstructionProject), project.Number.Value);
        return (project, memberCases);
    }

    /// <summary>The enterprise's projects, newest first (not tracked).</summary>
    public Task<List<ConstructionProject>> OwnAsync(Uscc uscc, CancellationToken cancellationToken) =>
        db.Set<ConstructionProject>().AsNoTracking().Where(p => p.Applicant.Uscc == uscc).OrderByDescending(p => p.CreatedAt).Take(100).ToListAsync(cancellationToken);

    private async Task<ConstructionProject?> LoadAsync(string number, CancellationToken cancellationToken) =>
        ProjectNumber.Parse(number).TryGet(out var parsed, out _)
            ? await db.Set<ConstructionProject>().FirstOrDefaultAsync(p => p.Number == parsed, cancellationToken)
            : null;

    /// <summary>Each started item whose case is now issued gets its result, in the order the results came.</summary>
    private async Task<IReadOnlyDictionary<string, Case>> NoteResultsAsync(ConstructionProject project, CancellationToken cancellationToken)
    {
        var numbers = project.Stages.SelectMany(s => s.Items).Where(i => i.CaseNumber is not null).Select(i => CaseNumber.FromTrusted(i.CaseNumber!)).ToList();
        var found = await cases.Cases.AsNoTracking().Where(c => numbers.Contains(c.Number!.Value)).ToListAsync(cancellationToken);
        var byNumber = found.ToDictionary(c => c.Number!.Value.Value, StringComparer.Ordinal);
        var results = project.Stages.SelectMany(s => s.Items)
            .Where(i => i.CaseNumber is not null && !i.HasResult && byNumber.TryGetValue(i.CaseNumber, out var c) && ResultAt(c) is not null)
            .Select(i => (i.Key, At: ResultAt(byNumber[i.CaseNumber!])!.Value))
            .OrderBy(r => r.At)
            .ToList();
        foreach (var (key, at) in results)
        {
            project.RecordResult(key, at);
        }

        return byNumber;
    }

    /// <summary>An item's result: its case issued (and possibly delivered or completed since).</summary>
    public static DateTimeOffset? ResultAt(Case @case) =>
        @case.Status is CaseStatus.Issued or CaseStatus.Delivered or CaseStatus.Completed ? @case.IssuedAt : null;
}
