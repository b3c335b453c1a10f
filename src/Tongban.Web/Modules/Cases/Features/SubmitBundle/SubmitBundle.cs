using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Cases;
using Tongban.Domain.Catalog;
using Tongban.Domain.Catalog.Bundles;
using Tongban.Domain.Primitives;
using Tongban.Domain.Primitives.Calendar;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Features.SubmitApplication;
using Tongban.Modules.Cases.Persistence;
using Tongban.Modules.Catalog;
using Tongban.Platform;
using Tongban.Platform.Persistence;
using Tongban.Platform.Security;

namespace Tongban.Modules.Cases.Features.SubmitBundle;

/// <summary>
/// One application for a whole bundle: the answers to its merged situation questions, its merged form's
/// values and its merged materials, each by the key the merged application gives it (see
/// GET /api/v1/bundles/{code}/application).
/// </summary>
public sealed record BundleApplicationRequest(
    IReadOnlyDictionary<string, string>? Answers,
    IReadOnlyDictionary<string, string>? FormValues,
    IReadOnlyList<MaterialInput>? Materials);

/// <summary>A member of a submitted bundle: its case once filed (members that wait are filed when their predecessors' results exist).</summary>
public sealed record SubmittedBundleMember(string Key, string Name, string? CaseNumber, string? Status);

public sealed record SubmittedBundleCase(string BundleCaseNumber, string Status, DateTimeOffset SubmittedAt, DateTimeOffset PromisedBy, IReadOnlyList<SubmittedBundleMember> Members);

/// <summary>
/// 一件事一次办: one submission makes one bundle case and files at once every member that waits for no
/// other, in one transaction, so either the bundle and its first cases exist or nothing does. The whole
/// application is checked first (the merged form, every required material of every member, the way each
/// material is satisfied), so a bad one changes nothing. Under an idempotency key a retry answers the
/// first submission.
/// </summary>
public sealed class SubmitBundleHandler(
    TongbanDbContext db, CaseStore cases, ICatalog catalog, ApplicationAssembly assembly, BundleMembers members,
    CurrentUser user, AuditTrail audit, CityClock clock, WorkingCalendar calendar)
{
    public Task<Result<SubmittedBundleCase>> HandleAsync(string code, BundleApplicationRequest request, CaseChannel channel, string idempotencyKey, CancellationToken cancellationToken) =>
        SubmitAsync(code, request, channel, false, "bundle:" + idempotencyKey, Hash(CaseJson.Write(new { code, request })), cancellationToken);

    /// <summary>A page's form: its one-time token is the key; 免填写 fields come from the directory.</summary>
    public Task<Result<SubmittedBundleCase>> HandleFormAsync(string code, BundleApplicationRequest request, string formToken, CancellationToken cancellationToken) =>
        SubmitAsync(code, request, CaseChannel.Web, true, "bundle-form:" + formToken, Hash("bundle-form:" + formToken), cancellationToken);

    /// <summary>The bundle case a page's form already filed (a retried post), if any: the page answers it without uploading again.</summary>
    public async Task<SubmittedBundleCase?> SubmittedWithFormAsync(string formToken, CancellationToken cancellationToken) =>
        await SubmitApplicationHandler.ReplayAsync<SubmittedBundleCase>(db, user.AccountId ?? Guid.Empty, "bundle-form:" + formToken, Hash("bundle-form:" + formToken), cancellationToken)
            is { IsSuccess: true } replay ? replay.Value : null;

    /// <summary>The merged application of a bundle as it can be applied for now.</summary>
    public async Task<Result<(PublishedBundle Published, BundleApplication Application)>> ApplicationAsync(string code, CancellationToken cancellationToken)
    {
        var published = BundleCode.Parse(code).TryGet(out var bundleCode, out _) ? await catalog.FindBundleAsync(bundleCode, cancellationToken) : null;
        if (published is null)
        {
            return new NotFound("bundles.not-found", code ?? "");
        }

        return published.Application().Map(application => (published, application));
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private async Task<Result<SubmittedBundleCase>> SubmitAsync(
        string code, BundleApplicationRequest request, CaseChannel channel, bool prefill, string idempotencyKey, string requestHash, CancellationToken cancellationToken)
    {
        var account = user.AccountId ?? throw new InvalidOperationException("Applying needs a signed-in account.");
        if (await SubmitApplicationHandler.ReplayAsync<SubmittedBundleCase>(db, account, idempotencyKey, requestHash, cancellationToken) is { } replay)
        {
            return replay;
        }

        if (!(await ApplicationAsync(code, cancellationToken)).TryGet(out var found, out var notFound))
        {
            return notFound;
        }

        var (published, application) = found;
        if (!(await assembly.ApplicantAsync(cancellationToken)).TryGet(out var applicant, out var applicantError))
        {
            return applicantError;
        }

        if (!(await CheckAsync(application, request, applicant, prefill, cancellationToken)).TryGet(out var submission, out var invalid))
        {
            return invalid;
        }

        var bundle = published.Bundle;
        try
        {
            await using var transaction = await cases.BeginTransactionAsync(cancellationToken);
            var now = clock.UtcNow;
            if (!(await cases.NextBundleNumberAsync(clock.Today, cancellationToken)).TryGet(out var number, out var numberError))
            {
                return numberError;
            }

            var bundleCase = BundleCase.Open(
                new BundleCaseOpening(number, bundle.Code, bundle.Version, published.Definition, bundle.LeadDepartmentId, applicant, account, channel,
                    calendar.DeadlineFor(now, bundle.PromisedLimit.Amount, bundle.PromisedLimit.Unit, clock.Zone), bundle.Delivery == BundleDelivery.Together, submission),
                bundle.WaitGraph, now);
            foreach (var member in bundle.Starting)
            {
                var none = new FlowedInput(new Dictionary<string, string>(), new Dictionary<string, string>());
                if ((await members.StartAsync(bundleCase, member, published.Members[member.Key], none, cancellationToken)).Error is { } memberError)
                {
                    return memberError;
                }
            }

            cases.Add(bundleCase);
            var response = Response(bundleCase, application);
            db.Add(new SubmissionKey
            {
                AccountId = account,
                Key = idempotencyKey,
                RequestHash = requestHash,
                CaseNumber = number.Value,
                Response = CaseJson.Write(response),
                CreatedAt = now,
            });
            audit.Record("bundles.submit", nameof(BundleCase), number.Value, after: new
            {
                bundle = bundle.Code.Value,
                applicant = applicant.Identifier,
                channel = channel.ToString(),
                members = bundleCase.Members.Select(m => new { m.Key, m.CaseNumber }),
            });
            await cases.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return response;
        }
        catch (DbUpdateException)
        {
            // The same key won a race in another request: answer what it stored.
            db.ChangeTracker.Clear();
            return await SubmitApplicationHandler.ReplayAsync<SubmittedBundleCase>(db, account, idempotencyKey, requestHash, cancellationToken)
                ?? throw new InvalidOperationException("Bundle submission failed.");
        }
    }

    /// <summary>
    /// The whole application, checked once for every member (also those filed later): the merged form, the
    /// merged materials (each required one supplied, or satisfied by a licence the applicant holds), each
    /// supplied material recorded for every member that uses it.
    /// </summary>
    private async Task<Result<BundleSubmission>> CheckAsync(BundleApplication application, BundleApplicationRequest request, Applicant applicant, bool prefill, CancellationToken cancellationToken)
    {
        var answers = new Dictionary<string, string>(request.Answers ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        var values = new Dictionary<string, string>(request.FormValues ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        var form = application.Fields.Select(f => f.Field).ToList();
        if (prefill)
        {
            foreach (var (key, value) in await assembly.PrefilledAsync(form, applicant, cancellationToken))
            {
                values[key] = value;
            }
        }

        if (!application.MaterialsFor(answers).TryGet(out var materials, out var listError))
        {
            return listError;
        }

        if (ApplicationForm.Check(form, values, clock.Today) is { } formError)
        {
            return formError;
        }

        var inputs = request.Materials ?? [];
        var byKey = materials.ToDictionary(m => m.Key, StringComparer.Ordinal);
        if (inputs.FirstOrDefault(i => !byKey.ContainsKey(i.Key ?? "")) is { } unknown)
        {
            return new Invalid("cases.material-not-on-list", unknown.Key ?? "") { Field = "materials" };
        }

        var held = await assembly.HeldLicencesForAsync([.. materials.Select(m => m.Requirement)], applicant, cancellationToken);
        var given = inputs.Select(i => i.Key).ToHashSet(StringComparer.Ordinal);
        var missing = materials
            .Where(m => m.Requirement.Necessity == MaterialNecessity.Required && !given.Contains(m.Key) && !held.ContainsKey(m.Key))
            .Select(m => m.Requirement.Name).ToList();
        if (missing.Count > 0)
        {
            return new Invalid("cases.required-material-missing", string.Join("、", missing)) { Field = "materials" };
        }

        var supplied = inputs
            .SelectMany(i => byKey[i.Key].Uses.Select(u => new SuppliedMaterial(u.Member, u.MaterialKey, i.Route, i.FileId, i.Reference)))
            .ToList();
        return new BundleSubmission(answers, values, supplied);
    }

    /// <summary>What the applicant is told: the bundle case number, one status, and each member's case.</summary>
    public static SubmittedBundleCase Response(BundleCase bundleCase, BundleApplication application)
    {
        ArgumentNullException.ThrowIfNull(bundleCase);
        ArgumentNullException.ThrowIfNull(application);
        return new SubmittedBundleCase(bundleCase.Number.Value, Wire(bundleCase.Status), bundleCase.SubmittedAt, bundleCase.PromisedBy,
            [.. bundleCase.Members.Select(m => new SubmittedBundleMember(m.Key, application.Contents[m.Key].Name, m.CaseNumber,
                m.Status is { } status ? SubmitApplicationHandler.WireStatus(status) : null))]);
    }

    /// <summary>The wire name of a bundle status (camelCase).</summary>
    public static string Wire(BundleCaseStatus status) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(status.ToString());
}
