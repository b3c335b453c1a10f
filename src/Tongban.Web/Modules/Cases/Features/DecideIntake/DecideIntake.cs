using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Cases;
using Tongban.Domain.Catalog.Bundles;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Persistence;
using Tongban.Modules.Catalog;

namespace Tongban.Modules.Cases.Features.DecideIntake;

/// <summary>One line of a 补正告知: the material and what is wrong with it.</summary>
public sealed record CorrectionLine(string MaterialKey, string Reason);

public sealed record AcceptRequest(int? ExpectedVersion = null);

public sealed record RequestCorrectionRequest(IReadOnlyList<CorrectionLine>? Items, int? ExpectedVersion = null);

public sealed record RefuseRequest(string? Reason, int? ExpectedVersion = null);

public sealed record AcceptWithDeficiencyRequest(string? Commitment, int SupplementWorkingDays, int? ExpectedVersion = null);

public sealed record AcceptUnderCommitmentRequest(string? Commitment, int? ExpectedVersion = null);

/// <summary>
/// 受理决定 at the comprehensive window (无差别受理: any clerk whose region covers the case's region):
/// 受理, 补正告知, 不予受理, 容缺受理 and 告知承诺, each one aggregate transition through
/// <see cref="CaseAccess"/> (reach, version check, audit, optimistic save). The three acceptances take
/// the terms of the implementation version the case started with, and run every registered
/// <see cref="IAfterAcceptance"/> step before the save, so the acceptance and what follows it are
/// stored together or not at all.
/// A member of a bundle accepted once (三窗合一) is decided only with the whole bundle
/// (the bundle's one acceptance passes <c>wholeBundle</c>).
/// </summary>
public sealed class DecideIntakeHandler(CaseAccess access, ICatalog catalog, ApplicantStandingLookup standings, IEnumerable<IAfterAcceptance> afterAcceptance, CaseStore cases)
{
    public Task<Result<Case>> AcceptAsync(string caseNumber, AcceptRequest request, CancellationToken cancellationToken, bool wholeBundle = false) =>
        access.ActAsync(caseNumber, CaseReach.Intake, request.ExpectedVersion, "cases.accept",
            (c, actor) => Individually(c, wholeBundle, () => AcceptingAsync(c, terms => c.Accept(terms, actor, access.Now, access.Calendar, access.Zone), cancellationToken), cancellationToken),
            cancellationToken);

    public Task<Result<Case>> RequestCorrectionAsync(string caseNumber, RequestCorrectionRequest request, CancellationToken cancellationToken, bool wholeBundle = false)
    {
        var items = (request.Items ?? []).Select(i => new CorrectionItem(i.MaterialKey ?? "", i.Reason ?? "")).ToList();
        return access.ActAsync(caseNumber, CaseReach.Intake, request.ExpectedVersion, "cases.request-correction",
            (c, actor) => Individually(c, wholeBundle, () => Task.FromResult(c.RequestCorrection(items, actor, access.Now)), cancellationToken), cancellationToken,
            new { items = items.Select(i => i.MaterialKey) });
    }

    public Task<Result<Case>> RefuseAsync(string caseNumber, RefuseRequest request, CancellationToken cancellationToken, bool wholeBundle = false) =>
        access.ActAsync(caseNumber, CaseReach.Intake, request.ExpectedVersion, "cases.refuse",
            (c, actor) => Individually(c, wholeBundle, () => Task.FromResult(c.RefuseAcceptance(request.Reason ?? "", actor, access.Now)), cancellationToken), cancellationToken);

    public Task<Result<Case>> AcceptWithDeficiencyAsync(string caseNumber, AcceptWithDeficiencyRequest request, CancellationToken cancellationToken) =>
        access.ActAsync(caseNumber, CaseReach.Intake, request.ExpectedVersion, "cases.accept-with-deficiency",
            (c, actor) => Individually(c, false, () => AcceptingAsync(c, terms => c.AcceptWithDeficiency(terms, request.Commitment ?? "", CaseTimeLimit.WorkingDays(request.SupplementWorkingDays),
                actor, access.Now, access.Calendar, access.Zone), cancellationToken), cancellationToken),
            cancellationToken, new { request.SupplementWorkingDays });

    public Task<Result<Case>> AcceptUnderCommitmentAsync(string caseNumber, AcceptUnderCommitmentRequest request, CancellationToken cancellationToken) =>
        access.ActAsync(caseNumber, CaseReach.Intake, request.ExpectedVersion, "cases.accept-under-commitment",
            (c, actor) => Individually(c, false, async () =>
            {
                var standing = await standings.StandingOfAsync(c.Applicant, cancellationToken);
                return await AcceptingAsync(c, terms => c.AcceptUnderCommitment(terms, standing, request.Commitment ?? "", actor, access.Now, access.Calendar, access.Zone), cancellationToken);
            }, cancellationToken),
            cancellationToken);

    /// <summary>Runs the decision, unless the case is a member of a bundle accepted once and this is not the bundle's decision.</summary>
    private async Task<Result> Individually(Case @case, bool wholeBundle, Func<Task<Result>> decide, CancellationToken cancellationToken)
    {
        if (!wholeBundle && @case.BundleCaseId is { } bundleCaseId
            && await cases.BundleCases.AsNoTracking().Where(b => b.Id == bundleCaseId).Select(b => new { b.Number, b.Definition }).FirstOrDefaultAsync(cancellationToken) is { } bundle
            && BundleJson.ReadMembers(bundle.Definition).All(m => m.AtLeadWindow))
        {
            return new Conflict("bundles.accepted-once-at-lead-window", bundle.Number.Value);
        }

        return await decide();
    }

    /// <summary>Runs one acceptance with the case's own terms, then every after-acceptance step; the first failure stops and nothing is saved.</summary>
    private async Task<Result> AcceptingAsync(Case @case, Func<CaseTerms, Result> accept, CancellationToken cancellationToken)
    {
        var implementation = await catalog.FindPublishedAsync(@case.ImplementationCode, @case.ImplementationVersion, cancellationToken);
        if (implementation is null)
        {
            return new Conflict("cases.implementation-version-gone", @case.ImplementationCode.Value, @case.ImplementationVersion);
        }

        if (accept(CaseTermsOf.From(implementation.Content)) is { IsSuccess: false } refused)
        {
            return refused;
        }

        foreach (var step in afterAcceptance)
        {
            if (await step.RunAsync(@case, implementation, cancellationToken) is { IsSuccess: false } failed)
            {
                return failed;
            }
        }

        return Result.Success;
    }
}
