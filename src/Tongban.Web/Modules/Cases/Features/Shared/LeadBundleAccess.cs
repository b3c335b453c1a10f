using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Cases;
using Tongban.Domain.Catalog.Bundles;
using Tongban.Domain.Identity;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.SubmitApplication;
using Tongban.Modules.Cases.Features.SubmitBundle;
using Tongban.Modules.Cases.Persistence;
using Tongban.Modules.Catalog;
using Tongban.Modules.Organisation;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Cases.Features.Shared;

/// <summary>Why a member could not be filed, as the lead department and the applicant read it.</summary>
public sealed record MemberStartFailureView(string Code, string Message, DateTimeOffset At, int Attempts);

/// <summary>A member as the lead department follows it.</summary>
/// <param name="Reachable">the viewer may open the member's case (its own department's, or in oversight).</param>
/// <param name="WaitsFor">the names of the members whose result it still waits for.</param>
public sealed record LeadBundleMemberView(
    string Key, string Name, string Department, string? CaseNumber, bool Reachable, string? Status, string? StatusName,
    bool Blocked, IReadOnlyList<string> WaitsFor, MemberStartFailureView? Failure, bool MayRetry);

/// <summary>A bundle case as its lead department (牵头部门) follows it.</summary>
/// <param name="Acceptance">perMember or single (三窗合一: the lead department's window accepts once for every member).</param>
/// <param name="MayDecideAcceptance">the viewer is the lead department's window and every member awaits intake.</param>
public sealed record LeadBundleCaseView(
    string BundleCaseNumber, string BundleCode, string BundleName, string ApplicantName, string Status, string StatusName,
    DateTimeOffset SubmittedAt, DateTimeOffset PromisedBy, bool Overdue, bool DeliverTogether, string Acceptance, bool MayDecideAcceptance,
    IReadOnlyList<LeadBundleMemberView> Members, int Version);

/// <summary>
/// The lead department's reach of its bundle cases: its staff (any role) in its region, a bundle case led by
/// their department with a member case inside their region; platform admins everywhere. Outside that reach a
/// bundle case is not found, so its existence does not leak. Reads are audited.
/// </summary>
public sealed class LeadBundleAccess(CaseStore cases, CaseAccess access, ICatalog catalog, IOrganisationDirectory organisations, AuditTrail audit)
{
    public static readonly BundleCaseStatus[] Finished =
        [BundleCaseStatus.Completed, BundleCaseStatus.PartlyCompleted, BundleCaseStatus.NotCompleted, BundleCaseStatus.Withdrawn];

    /// <summary>Staff who may follow bundle cases at all: with a department (the lead one is checked per case), or a platform admin.</summary>
    public bool MayFollow => access.User is { IsStaff: true } user && (user.IsPlatformAdmin || user.Scope?.DepartmentId is not null);

    /// <summary>The bundle cases of the caller's reach, as a query (led by their department, a member case in their region).</summary>
    public IQueryable<BundleCase> InReach()
    {
        var query = cases.BundleCases.AsNoTracking();
        if (access.User.IsPlatformAdmin)
        {
            return query;
        }

        if (access.User.Scope is not { DepartmentId: { } department } scope)
        {
            return query.Where(_ => false);
        }

        var inRegion = cases.Cases.Where(c => c.BundleCaseId != null).Within(c => c.RegionCode, scope.Region).Select(c => c.BundleCaseId);
        return query.Where(b => b.LeadDepartmentId == department && inRegion.Contains(b.Id));
    }

    /// <summary>The bundle case in reach (tracked, to change it), with every member's status as its case has it now; the read audited.</summary>
    public async Task<Result<(BundleCase BundleCase, IReadOnlyList<Case> MemberCases)>> LoadAsync(string number, bool tracked, CancellationToken cancellationToken)
    {
        var parsed = BundleCaseNumber.Parse(number ?? "");
        if (!parsed.IsSuccess || !MayFollow)
        {
            return new NotFound("bundles.case-not-found", number ?? "");
        }

        var inReach = await InReach().AnyAsync(b => b.Number == parsed.Value, cancellationToken);
        var bundleCase = inReach
            ? await (tracked ? cases.BundleCases : cases.BundleCases.AsNoTracking()).FirstAsync(b => b.Number == parsed.Value, cancellationToken)
            : null;
        if (bundleCase is null)
        {
            return new NotFound("bundles.case-not-found", number ?? "");
        }

        var memberCases = await cases.Cases.AsNoTracking().Where(c => c.BundleCaseId == bundleCase.Id).ToListAsync(cancellationToken);
        BundleProgress.Observe(bundleCase, memberCases.Select(c => (c.Number!.Value.Value, c.Status)));
        return (bundleCase, memberCases);
    }

    /// <summary>Audits the lead department's read of a bundle case (its applicant's personal data).</summary>
    public void RecordRead(BundleCase bundleCase) =>
        audit.Record("bundles.lead-view", nameof(BundleCase), bundleCase.Number.Value, after: new { department = access.User.Scope?.DepartmentId });

    /// <summary>The caller is a window clerk of the bundle's lead department (or a platform admin): who accepts a 三窗合一 bundle once.</summary>
    public bool IsLeadWindow(BundleCase bundleCase) =>
        access.User.IsStaff && (access.User.IsPlatformAdmin
            || (access.User.HasAnyRole(Role.WindowClerk) && access.User.Scope?.DepartmentId == bundleCase.LeadDepartmentId));

    /// <summary>The whole picture for the lead department: each member with its department, case, status, what it waits for and why it could not start.</summary>
    public async Task<LeadBundleCaseView> ViewAsync(BundleCase bundleCase, IReadOnlyList<Case> memberCases, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bundleCase);
        ArgumentNullException.ThrowIfNull(memberCases);
        var definition = BundleJson.ReadMembers(bundleCase.Definition).ToDictionary(m => m.Key, StringComparer.Ordinal);
        var names = new Dictionary<string, (string Name, string Department)>(StringComparer.Ordinal);
        foreach (var member in definition.Values)
        {
            var item = await catalog.FindPublishedAsync(member.Implementation, null, cancellationToken);
            var department = item is null ? null : await organisations.FindDepartmentAsync(item.DepartmentId, cancellationToken);
            names[member.Key] = (item?.Content.Name ?? member.Key, department?.Name ?? member.Implementation.Value[..18]);
        }

        var bundleName = (await catalog.FindBundleAsync(bundleCase.BundleCode, cancellationToken))?.Bundle.Name ?? bundleCase.BundleCode.Value;
        var single = definition.Count > 0 && definition.Values.All(m => m.AtLeadWindow);
        var members = bundleCase.Members.Select(m =>
        {
            var memberCase = memberCases.FirstOrDefault(c => c.Number!.Value.Value == m.CaseNumber);
            var reachable = memberCase is not null && (access.Reaches(memberCase, CaseReach.BackOffice) || access.Reaches(memberCase, CaseReach.Oversight));
            return new LeadBundleMemberView(m.Key, names[m.Key].Name, names[m.Key].Department, m.CaseNumber, reachable,
                m.Status is { } s ? SubmitApplicationHandler.WireStatus(s) : null, m.Status is { } n ? CaseNames.Of(n) : null, m.Blocked,
                [.. m.After.Where(a => !bundleCase.Member(a).HasResult).Select(a => names[a].Name)],
                m.Failure is { } f ? new MemberStartFailureView(f.Code, f.Message, f.At, f.Attempts) : null,
                bundleCase.MayRetry(m.Key).IsSuccess);
        }).ToList();
        var status = bundleCase.Status;
        return new LeadBundleCaseView(bundleCase.Number.Value, bundleCase.BundleCode.Value, bundleName, Masking.MaskName(bundleCase.Applicant.Name),
            SubmitBundleHandler.Wire(status), BundleCaseNames.Of(status), bundleCase.SubmittedAt, bundleCase.PromisedBy, IsOverdue(bundleCase, access.Now),
            bundleCase.DeliverTogether, single ? "single" : "perMember",
            single && IsLeadWindow(bundleCase) && bundleCase.Members.All(m => m.Status == CaseStatus.Submitted),
            members, bundleCase.Version);
    }

    /// <summary>Past its promised time and not finished.</summary>
    public static bool IsOverdue(BundleCase bundleCase, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(bundleCase);
        return bundleCase.PromisedBy < now && !Finished.Contains(bundleCase.Status);
    }
}
