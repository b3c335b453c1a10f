using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Cases;
using Tongban.Domain.Catalog.Bundles;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.SubmitApplication;
using Tongban.Modules.Cases.Persistence;
using Tongban.Modules.Catalog;
using Tongban.Modules.Licences;

namespace Tongban.Modules.Cases.Features.Shared;

/// <summary>
/// Files the members of a bundle case (一件事) as ordinary cases, each in its department's workflow: from
/// what the applicant filled in once (<see cref="BundleSubmission"/>) and what flows from predecessors'
/// results (<see cref="FlowedInput"/>), for the bundle's applicant, as the account that submitted it.
/// Everything is staged in the caller's transaction; the caller saves.
/// </summary>
public sealed class BundleMembers(ApplicationAssembly assembly, SubmitApplicationHandler submission, CaseStore cases, ICatalog catalog, ILicences licences, Platform.CityClock clock, Platform.Persistence.AuditTrail audit)
{
    /// <summary>The member's own application: the answers and form values its item asks, its materials, the flowed values on top.</summary>
    public static ApplicationRequest RequestFor(BundleMember member, PublishedImplementation item, BundleSubmission submission, FlowedInput flowed)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(flowed);
        var content = item.Content;
        var answers = submission.Answers.Where(a => content.Situations.Any(s => s.Key == a.Key)).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        var values = submission.FormValues.Where(v => content.Form.Any(f => f.Key == v.Key)).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        foreach (var (key, value) in flowed.FormValues)
        {
            values[key] = value;
        }

        var materials = submission.Materials
            .Where(m => m.Member == member.Key && !flowed.LicenceMaterials.ContainsKey(m.Key))
            .Select(m => new MaterialInput(m.Key, m.Route, m.FileId, m.Reference))
            .ToList();
        return new ApplicationRequest(item.Code.Value, answers, values, materials);
    }

    /// <summary>Assembles, numbers and stages one member's case and records it on the bundle case.</summary>
    public async Task<Result<SubmittedCase>> StartAsync(BundleCase bundleCase, BundleMember member, PublishedImplementation item, FlowedInput flowed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bundleCase);
        // A copy of the applicant: it is stored with each case as well as with the bundle case.
        var filing = new Filing(bundleCase.Channel, Member: new MemberFiling(bundleCase.Id, bundleCase.FiledBy, bundleCase.Applicant with { }, flowed.LicenceMaterials));
        var request = RequestFor(member, item, bundleCase.Submission, flowed);
        if (!(await assembly.AssembleAsync(request, filing, complete: true, cancellationToken)).TryGet(out var application, out var error)
            || !(await submission.FileAsync(application, filing, bundleCase.FiledBy, cancellationToken)).TryGet(out var filed, out error))
        {
            return error;
        }

        return bundleCase.Started(member.Key, filed.CaseNumber, application.Draft.Status) is { IsSuccess: false } refused ? refused.Error! : filed;
    }

    /// <summary>
    /// Members whose predecessors now all have their result are filed, with what flows from those results.
    /// A member that cannot be filed now (its item withdrawn from the catalog, a held licence no longer
    /// valid, a flowed value missing) stays waiting with its reason recorded on the bundle case
    /// (<see cref="BundleCase.FailedToStart"/>), and its reason is answered.
    /// </summary>
    public async Task<IReadOnlyList<(string Member, Error Problem)>> StartReadyAsync(BundleCase bundleCase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bundleCase);
        var problems = new List<(string, Error)>();
        var ready = bundleCase.ReadyToStart;
        if (ready.Count == 0)
        {
            return problems;
        }

        var results = await ResultsAsync(bundleCase, cancellationToken);
        foreach (var waiting in ready)
        {
            if (await FileAsync(bundleCase, waiting.Key, results, cancellationToken) is { } problem)
            {
                problems.Add((waiting.Key, problem));
            }
        }

        return problems;
    }

    /// <summary>
    /// 重新发起: the lead department files again a member that could not be filed, once the cause is fixed.
    /// When it still cannot be filed, the new attempt is recorded and its reason answered.
    /// </summary>
    public async Task<Result> RetryAsync(BundleCase bundleCase, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bundleCase);
        if (bundleCase.MayRetry(key) is { IsSuccess: false } refused)
        {
            return refused;
        }

        return await FileAsync(bundleCase, key, await ResultsAsync(bundleCase, cancellationToken), cancellationToken) is { } problem ? problem : Result.Success;
    }

    /// <summary>Files one member from its definition at submission; a failure is recorded on the bundle case and answered.</summary>
    private async Task<Error?> FileAsync(BundleCase bundleCase, string key, IReadOnlyDictionary<string, MemberResult> results, CancellationToken cancellationToken)
    {
        var member = BundleJson.ReadMembers(bundleCase.Definition).First(m => m.Key == key);
        var item = await catalog.FindPublishedAsync(member.Implementation, null, cancellationToken);
        Error? problem = item is null ? new NotFound("bundle.member-not-published", member.Key, member.Implementation.Value) : null;
        if (item is not null && FlowedInput.For(member, results).TryGet(out var flowed, out problem))
        {
            problem = (await StartAsync(bundleCase, member, item, flowed, cancellationToken)).Error;
        }

        if (problem is not null)
        {
            bundleCase.FailedToStart(member.Key, problem.Code, ChineseMessage(problem), clock.UtcNow);
            audit.Record("bundles.member-start-failed", nameof(BundleCase), bundleCase.Number.Value, after: new { member = member.Key, reason = problem.Code });
        }

        return problem;
    }

    /// <summary>The failure as the platform's own language says it, whatever the language of the request that ran into it.</summary>
    private static string ChineseMessage(Error error)
    {
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("zh-CN");
            return error.Message;
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = culture;
        }
    }

    /// <summary>The results the bundle's members have produced: 办件编号, and the licence each issued with its fields.</summary>
    private async Task<Dictionary<string, MemberResult>> ResultsAsync(BundleCase bundleCase, CancellationToken cancellationToken)
    {
        var numbers = bundleCase.Members.Where(m => m.HasResult).Select(m => CaseNumber.FromTrusted(m.CaseNumber!)).ToList();
        var done = await cases.Cases.AsNoTracking().Where(c => numbers.Contains(c.Number!.Value)).ToListAsync(cancellationToken);
        var results = new Dictionary<string, MemberResult>(StringComparer.Ordinal);
        foreach (var c in done)
        {
            var key = bundleCase.MemberWithCase(c.Number!.Value.Value)!.Key;
            var licence = c.Issuance?.LicenceId;
            var data = licence is not null && LicenceIdentifier.Parse(licence).TryGet(out var identifier, out _)
                ? await licences.DataOfAsync(identifier, cancellationToken)
                : null;
            results[key] = new MemberResult(c.Number.Value.Value, licence,
                (data ?? new Dictionary<string, string>()).ToDictionary(d => d.Key, d => (string?)d.Value, StringComparer.Ordinal));
        }

        return results;
    }
}
