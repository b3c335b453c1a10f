using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Features.SubmitApplication;
using Tongban.Modules.Cases.Features.SubmitBundle;
using Tongban.Modules.Cases.Persistence;
using Tongban.Platform.Http;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Cases.Features.ShowBundleCase;

/// <summary>A member's 补正 item as the bundle asks it: the material by name, the reason, the member cases that need it.</summary>
public sealed record BundleCorrection(string Material, string Reason, IReadOnlyList<string> CaseNumbers);

/// <param name="Failure">why the member could not be filed when its predecessors were done (the lead department retries it once the cause is fixed).</param>
public sealed record BundleCaseMemberView(string Key, string Name, string? CaseNumber, string? Status, bool Blocked, IReadOnlyList<string> After, MemberStartFailureView? Failure = null);

/// <summary>The applicant's one view of a 一件事: one status, every member, one correction notice.</summary>
public sealed record BundleCaseView(
    string BundleCaseNumber, string BundleCode, string Status, DateTimeOffset SubmittedAt, DateTimeOffset PromisedBy, bool DeliverTogether,
    IReadOnlyList<BundleCaseMemberView> Members, IReadOnlyList<BundleCorrection> Corrections, IReadOnlyList<BundleDocumentView> Documents, int Version);

/// <summary>A notice of the bundle case: its Chinese name and where its PDF is downloaded.</summary>
public sealed record BundleDocumentView(string Name, string Url);

/// <summary>
/// The applicant reads their bundle case: its members' statuses as their cases have them now, and the
/// corrections any member's window asked for, merged by material name so each is answered once.
/// The read is audited.
/// </summary>
public sealed class ShowBundleCaseHandler(CaseStore cases, CaseAccess access, AuditTrail audit, TongbanDbContext db, Catalog.ICatalog catalog)
{
    public async Task<Result<(BundleCase BundleCase, BundleCaseView View)>> HandleAsync(string number, CancellationToken cancellationToken)
    {
        var parsed = BundleCaseNumber.Parse(number);
        var bundleCase = parsed.IsSuccess ? await cases.BundleCases.AsNoTracking().FirstOrDefaultAsync(b => b.Number == parsed.Value, cancellationToken) : null;
        if (bundleCase is null || !access.IsApplicant(bundleCase.Applicant))
        {
            return new Tongban.Domain.Primitives.NotFound("bundles.case-not-found", number ?? "");
        }

        var memberCases = await cases.Cases.AsNoTracking().Where(c => c.BundleCaseId == bundleCase.Id).ToListAsync(cancellationToken);
        BundleProgress.Observe(bundleCase, memberCases.Select(c => (c.Number!.Value.Value, c.Status)));
        audit.Record("bundles.view", nameof(BundleCase), bundleCase.Number.Value);
        await db.SaveChangesAsync(cancellationToken);
        return (bundleCase, ViewOf(bundleCase, memberCases, await NamesAsync(catalog, bundleCase, cancellationToken)));
    }

    /// <summary>The 一件事 a member case belongs to (its number and the bundle's name), for the member's page; null for a single case.</summary>
    public async Task<(string Number, string Name)?> BundleOfAsync(Case memberCase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(memberCase);
        if (memberCase.BundleCaseId is not { } id
            || await cases.BundleCases.AsNoTracking().Where(b => b.Id == id).Select(b => new { b.Number, b.BundleCode }).FirstOrDefaultAsync(cancellationToken) is not { } bundleCase)
        {
            return null;
        }

        return (bundleCase.Number.Value, (await catalog.FindBundleAsync(bundleCase.BundleCode, cancellationToken))?.Bundle.Name ?? bundleCase.BundleCode.Value);
    }

    public static BundleCaseView ViewOf(BundleCase bundleCase, IReadOnlyList<Case> memberCases, IReadOnlyDictionary<string, string> names)
    {
        ArgumentNullException.ThrowIfNull(bundleCase);
        ArgumentNullException.ThrowIfNull(memberCases);
        var corrections = CorrectionsOf(memberCases);
        return new BundleCaseView(bundleCase.Number.Value, bundleCase.BundleCode.Value, SubmitBundleHandler.Wire(bundleCase.Status), bundleCase.SubmittedAt, bundleCase.PromisedBy,
            bundleCase.DeliverTogether,
            [.. bundleCase.Members.Select(m => new BundleCaseMemberView(m.Key, names.GetValueOrDefault(m.Key, m.Key), m.CaseNumber,
                m.Status is { } s ? SubmitApplicationHandler.WireStatus(s) : null, m.Blocked, m.After,
                m.Failure is { } f ? new MemberStartFailureView(f.Code, f.Message, f.At, f.Attempts) : null))],
            corrections, [.. BundleDocuments.BundleDocuments.AvailableFor(bundleCase, memberCases).Select(d => new BundleDocumentView(d.Name, d.PathFor(bundleCase.Number.Value)))],
            bundleCase.Version);
    }

    /// <summary>
    /// The corrections the members' windows asked for, merged by material name (as the bundle asked for its
    /// materials): each is answered once, for every member case that asks for it.
    /// </summary>
    public static IReadOnlyList<BundleCorrection> CorrectionsOf(IReadOnlyList<Case> memberCases)
    {
        ArgumentNullException.ThrowIfNull(memberCases);
        return [.. memberCases
            .Where(c => c.Status == CaseStatus.AwaitingCorrection)
            .SelectMany(c => c.CorrectionNotice.Select(item => (Name: c.Materials.FirstOrDefault(m => m.Key == item.MaterialKey)?.Name ?? item.MaterialKey, item.Reason, Case: c.Number!.Value.Value)))
            .GroupBy(i => Domain.Catalog.Bundles.BundleApplication.NameKey(i.Name))
            .Select(g => new BundleCorrection(g.First().Name, string.Join("；", g.Select(i => i.Reason).Distinct()), [.. g.Select(i => i.Case).Distinct()]))];
    }

    /// <summary>Each member's name: the name of the item it is, as the catalog publishes it.</summary>
    public static async Task<Dictionary<string, string>> NamesAsync(Catalog.ICatalog catalog, BundleCase bundleCase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(bundleCase);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in Domain.Catalog.Bundles.BundleJson.ReadMembers(bundleCase.Definition))
        {
            names[member.Key] = (await catalog.FindPublishedAsync(member.Implementation, null, cancellationToken))?.Content.Name ?? member.Key;
        }

        return names;
    }
}

/// <summary>GET /api/v1/bundle-cases/{number}.</summary>
public static class ShowBundleCaseApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/bundle-cases/{number}", async Task<Results<Ok<BundleCaseView>, ProblemHttpResult>> (string number, ShowBundleCaseHandler handler, CancellationToken cancellationToken) =>
                (await handler.HandleAsync(number, cancellationToken)).Map(r => r.View).ToOkOrProblem())
            .WithName("ShowBundleCase")
            .WithSummary("The applicant's 一件事: one status, every member's case, one correction notice")
            .WithDescription("The applicant only (404 for anyone else's). status: submitted|awaitingCorrection|inProgress|completed|partlyCompleted|notCompleted|withdrawn. "
                + "members [{key, name, caseNumber (null while it waits for a predecessor's result), status, blocked (it can no longer start: a predecessor ended without a result), after, "
                + "failure {code, message, at, attempts} (null unless it could not be filed when its predecessors were done; the lead department files it again)}], "
                + "corrections [{material, reason, caseNumbers}] merged by material name, each with the member cases that ask for it, answered once for all of them with POST /api/v1/bundle-cases/{number}/correction; "
                + "documents [{name, url}]: the bundle's notices as PDF (一件事受理回执; 一次性补正告知书 while corrections are pending; 一件事办结通知书 once every member is finished).")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
