using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Cases;
using Tongban.Domain.Catalog.Bundles;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Features.ShowBundleCase;
using Tongban.Modules.Cases.Features.SubmitApplication;
using Tongban.Modules.Cases.Features.SupplyCorrection;
using Tongban.Modules.Cases.Persistence;
using Tongban.Platform.Http;
using Tongban.Platform.Persistence;
using Conflict = Tongban.Domain.Primitives.Conflict;
using NotFound = Tongban.Domain.Primitives.NotFound;

namespace Tongban.Modules.Cases.Features.SupplyBundleCorrection;

/// <summary>The answer to one merged correction item, named as the bundle case lists it (its material's name).</summary>
public sealed record BundleCorrectionAnswer(string? Material, string? Route, Guid? FileId = null, string? Reference = null);

/// <summary>The applicant's one answer to every correction the bundle's members asked for.</summary>
public sealed record BundleCorrectionRequest(IReadOnlyList<BundleCorrectionAnswer>? Answers);

/// <summary>What a bundle correction changed: the bundle case and the member cases submitted again.</summary>
public sealed record BundleCorrectionSupplied(string BundleCaseNumber, IReadOnlyList<string> CaseNumbers);

/// <summary>
/// 补正 once through the bundle: the applicant answers each merged correction item once (by material name,
/// as <c>GET /api/v1/bundle-cases/{number}</c> lists them), and each answer is supplied to every member case
/// that asked for it, through the single-case correction (<see cref="SupplyCorrectionHandler"/>), all in one
/// transaction: an item left unanswered, one not asked for or a bad file changes nothing. Under an
/// idempotency key a retry changes nothing more.
/// </summary>
public sealed class SupplyBundleCorrectionHandler(
    TongbanDbContext db, CaseStore cases, CaseAccess access, SupplyCorrectionHandler correction, AuditTrail audit)
{
    public Task<Result<BundleCorrectionSupplied>> HandleAsync(string number, BundleCorrectionRequest request, string idempotencyKey, CancellationToken cancellationToken) =>
        SupplyAsync(number, request, "bundle-correction:" + idempotencyKey, Hash(CaseJson.Write(new { number, request })), cancellationToken);

    /// <summary>A page's form: its one-time token is the key.</summary>
    public Task<Result<BundleCorrectionSupplied>> HandleFormAsync(string number, BundleCorrectionRequest request, string formToken, CancellationToken cancellationToken) =>
        SupplyAsync(number, request, "bundle-correction-form:" + formToken, Hash("bundle-correction-form:" + formToken), cancellationToken);

    /// <summary>The applicant's bundle case and its member cases as they stand (404 for anyone else's).</summary>
    public async Task<Result<(BundleCase BundleCase, IReadOnlyList<Case> Members)>> FindAsync(string number, CancellationToken cancellationToken)
    {
        var parsed = BundleCaseNumber.Parse(number ?? "");
        var bundleCase = parsed.IsSuccess ? await cases.BundleCases.AsNoTracking().FirstOrDefaultAsync(b => b.Number == parsed.Value, cancellationToken) : null;
        if (bundleCase is null || !access.IsApplicant(bundleCase.Applicant))
        {
            return new NotFound("bundles.case-not-found", number ?? "");
        }

        var members = await cases.Cases.AsNoTracking().Where(c => c.BundleCaseId == bundleCase.Id).ToListAsync(cancellationToken);
        return (bundleCase, members);
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private async Task<Result<BundleCorrectionSupplied>> SupplyAsync(string number, BundleCorrectionRequest request, string idempotencyKey, string requestHash, CancellationToken cancellationToken)
    {
        var account = access.User.AccountId ?? throw new InvalidOperationException("Answering a correction needs a signed-in account.");
        if (!(await FindAsync(number, cancellationToken)).TryGet(out var found, out var notFound))
        {
            return notFound;
        }

        if (await SubmitApplicationHandler.ReplayAsync<BundleCorrectionSupplied>(db, account, idempotencyKey, requestHash, cancellationToken) is { } replay)
        {
            return replay;
        }

        var (bundleCase, members) = found;
        if (!Answers(ShowBundleCaseHandler.CorrectionsOf(members), request.Answers ?? []).TryGet(out var answers, out var invalid))
        {
            return invalid;
        }

        return await access.TogetherAsync<BundleCorrectionSupplied>(async () =>
        {
            var supplied = new List<string>();
            foreach (var member in members.Where(c => c.Status == CaseStatus.AwaitingCorrection))
            {
                var materials = member.CorrectionNotice
                    .Select(item => (item, answer: answers[BundleApplication.NameKey(member.Materials.FirstOrDefault(m => m.Key == item.MaterialKey)?.Name ?? item.MaterialKey)]))
                    .Select(x => new MaterialInput(x.item.MaterialKey, x.answer.Route ?? "", x.answer.FileId, x.answer.Reference))
                    .ToList();
                var caseNumber = member.Number!.Value.Value;
                if ((await correction.HandleAsync(caseNumber, new CaseMaterialsRequest(materials), cancellationToken)).Error is { } error)
                {
                    return error;
                }

                supplied.Add(caseNumber);
            }

            var response = new BundleCorrectionSupplied(bundleCase.Number.Value, supplied);
            db.Add(new SubmissionKey
            {
                AccountId = account,
                Key = idempotencyKey,
                RequestHash = requestHash,
                CaseNumber = bundleCase.Number.Value,
                Response = CaseJson.Write(response),
                CreatedAt = access.Now,
            });
            audit.Record("bundles.supply-correction", nameof(BundleCase), bundleCase.Number.Value,
                after: new { cases = supplied, materials = answers.Values.Select(a => new { a.Material, a.Route }) });
            await cases.SaveChangesAsync(cancellationToken);
            return response;
        }, cancellationToken);
    }

    /// <summary>Every merged item answered exactly once, and nothing else: each answer by its material's name key.</summary>
    private static Result<Dictionary<string, BundleCorrectionAnswer>> Answers(IReadOnlyList<BundleCorrection> corrections, IReadOnlyList<BundleCorrectionAnswer> answers)
    {
        if (corrections.Count == 0)
        {
            return new Conflict("bundle-case.no-correction-requested");
        }

        var asked = corrections.ToDictionary(c => BundleApplication.NameKey(c.Material), StringComparer.Ordinal);
        var byKey = new Dictionary<string, BundleCorrectionAnswer>(StringComparer.Ordinal);
        foreach (var answer in answers)
        {
            var key = BundleApplication.NameKey(answer.Material ?? "");
            if (!asked.ContainsKey(key))
            {
                return new Invalid("bundle-case.correction-not-requested", answer.Material ?? "") { Field = "answers" };
            }

            if (!byKey.TryAdd(key, answer))
            {
                return new Invalid("bundle-case.correction-answered-twice", answer.Material ?? "") { Field = "answers" };
            }
        }

        return asked.Where(a => !byKey.ContainsKey(a.Key)).Select(a => a.Value.Material).ToList() is { Count: > 0 } unanswered
            ? new Invalid("bundle-case.correction-unanswered", string.Join("、", unanswered)) { Field = "answers" }
            : byKey;
    }
}

/// <summary>POST /api/v1/bundle-cases/{number}/correction.</summary>
public static class SupplyBundleCorrectionApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/bundle-cases/{number}/correction", HandleAsync)
            .WithName("SupplyBundleCorrection")
            .WithSummary("Answer every member's correction notice once, through the 一件事 (补正)")
            .WithDescription("The applicant, with a bearer token and a required Idempotency-Key header (the same key and body change nothing more; another body 422). "
                + "Body {answers:[{material, route: upload|commitment, fileId?, reference?}]}: one answer for each item of corrections in GET /api/v1/bundle-cases/{number}, named by its material; "
                + "each answer is supplied to every member case that asked for it, all in one transaction, and those cases wait for the window again. "
                + "Answers the bundle case as GET /api/v1/bundle-cases/{number} does. 404 for a bundle case that is not the caller's; 409 when no correction is pending "
                + "or a member case changed meanwhile; 422 for an item left unanswered, answered twice or not asked for, or a file that is not the caller's upload (nothing changes).")
            .Produces<BundleCaseView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Ok<BundleCaseView>, ProblemHttpResult>> HandleAsync(
        string number, BundleCorrectionRequest request, SupplyBundleCorrectionHandler handler, ShowBundleCaseHandler show, HttpRequest http,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, CancellationToken cancellationToken)
    {
        // The stored key carries the prefix "bundle-correction:", within the 200 characters a key may have.
        if (!SubmitApplicationApi.KeyAndChannel(http, idempotencyKey, 180).TryGet(out var submission, out var invalid))
        {
            return invalid.ToProblem();
        }

        if ((await handler.HandleAsync(number, request, submission.Key, cancellationToken)).Error is { } error)
        {
            return error.ToProblem();
        }

        return (await show.HandleAsync(number, cancellationToken)).Map(r => r.View).ToOkOrProblem();
    }
}
