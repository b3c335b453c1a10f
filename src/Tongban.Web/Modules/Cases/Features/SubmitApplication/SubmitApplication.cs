using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Domain.Cases;
using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Files;
using Tongban.Modules.Cases.Persistence;
using Tongban.Modules.Catalog;
using Tongban.Modules.Identity;
using Tongban.Platform;
using Tongban.Platform.Persistence;
using Tongban.Platform.Security;

namespace Tongban.Modules.Cases.Features.SubmitApplication;

/// <summary>How one material is satisfied: <c>upload</c> (fileId), <c>licence</c>, <c>sharedData</c> or <c>commitment</c> (reference).</summary>
public sealed record MaterialInput(string Key, string Route, Guid? FileId = null, string? Reference = null);

public sealed record ApplicationRequest(
    string ImplementationCode,
    IReadOnlyDictionary<string, string>? Answers,
    IReadOnlyDictionary<string, string>? FormValues,
    IReadOnlyList<MaterialInput>? Materials);

public sealed record SubmittedCase(string CaseNumber, string Status, DateTimeOffset ReceivedAt, DateTimeOffset? PromisedBy);

/// <summary>
/// 一网申报: the signed-in applicant (citizen or enterprise agent) applies for a published item in one
/// go: the answers give the material list, the form values are checked against the item's form, every
/// required material is satisfied by an upload of their own or a 免提交 route the item allows; the case
/// is received with its 办件编号. Under an idempotency key, a retry answers the first submission.
/// </summary>
public sealed class SubmitApplicationHandler(
    TongbanDbContext db, CaseStore cases, ICatalog catalog, IPeopleDirectory people, CurrentUser user,
    AuditTrail audit, CityClock clock, IOptions<FileLimits> limits)
{
    public async Task<Result<SubmittedCase>> HandleAsync(ApplicationRequest request, CaseChannel channel, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var account = user.AccountId ?? throw new InvalidOperationException("Applying needs a signed-in account.");
        var requestHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CaseJson.Write(request))));
        if (idempotencyKey is not null && await ReplayAsync(account, idempotencyKey, requestHash, cancellationToken) is { } replay)
        {
            return replay;
        }

        var built = await BuildAsync(request, account, channel, cancellationToken);
        if (!built.TryGet(out var application, out var error))
        {
            return error;
        }

        var (@case, specs) = application;
        try
        {
            await using var transaction = await cases.BeginTransactionAsync(cancellationToken);
            var now = clock.UtcNow;
            var number = await cases.NextNumberAsync(@case.ImplementationCode, clock.Today, cancellationToken);
            if (!number.TryGet(out var caseNumber, out var numberError))
            {
                return numberError;
            }

            if (@case.Submit(caseNumber, specs, CaseActor.Applicant(account), now) is { IsSuccess: false } refused)
            {
                return refused.Error!;
            }

            var response = new SubmittedCase(caseNumber.Value, WireStatus(@case.Status), @case.ReceivedAt!.Value, null);
            cases.Add(@case);
            if (idempotencyKey is not null)
            {
                db.Add(new SubmissionKey
                {
                    AccountId = account,
                    Key = idempotencyKey,
                    RequestHash = requestHash,
                    CaseNumber = caseNumber.Value,
                    Response = CaseJson.Write(response),
                    CreatedAt = now,
                });
            }

            await catalog.RecordCaseStartedAsync(@case.ImplementationCode, clock.Today, cancellationToken);
            audit.Record("cases.submit", nameof(Case), caseNumber.Value, after: new
            {
                implementation = @case.ImplementationCode.Value,
                channel = @case.Channel.ToString(),
                applicant = @case.Applicant.Identifier,
                materials = @case.Materials.Select(m => new { m.Key, route = m.Route.ToString() }),
            });
            await cases.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return response;
        }
        catch (DbUpdateException) when (idempotencyKey is not null)
        {
            // The same key won a race in another request: answer what it stored.
            db.ChangeTracker.Clear();
            return await ReplayAsync(account, idempotencyKey, requestHash, cancellationToken) ?? throw new InvalidOperationException("Submission failed.");
        }
    }

    /// <summary>The wire name of a status (camelCase), as the API answers it.</summary>
    public static string WireStatus(CaseStatus status) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(status.ToString());

    private async Task<Result<SubmittedCase>?> ReplayAsync(Guid account, string key, string requestHash, CancellationToken cancellationToken)
    {
        var stored = await db.Set<SubmissionKey>().AsNoTracking().FirstOrDefaultAsync(k => k.AccountId == account && k.Key == key, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        return stored.RequestHash == requestHash
            ? CaseJson.Read<SubmittedCase>(stored.Response)
            : new Invalid("cases.idempotency-key-reused") { Field = "Idempotency-Key" };
    }

    /// <summary>The draft with everything provided, and the material list it is submitted against; nothing is stored.</summary>
    private async Task<Result<(Case Case, IReadOnlyList<MaterialSpec> Specs)>> BuildAsync(ApplicationRequest request, Guid account, CaseChannel channel, CancellationToken cancellationToken)
    {
        var code = Domain.Primitives.ImplementationCode.Parse(request.ImplementationCode);
        var published = code.IsSuccess ? await catalog.FindPublishedAsync(code.Value, null, cancellationToken) : null;
        if (published is null)
        {
            return new Invalid("cases.item-not-published", request.ImplementationCode ?? "") { Field = "implementationCode" };
        }

        var applicant = await ApplicantAsync(cancellationToken);
        if (!applicant.TryGet(out var who, out var applicantError))
        {
            return applicantError;
        }

        var answers = request.Answers ?? new Dictionary<string, string>();
        var formValues = request.FormValues ?? new Dictionary<string, string>();
        var list = MaterialList.For(published.Content, answers);
        if (!list.TryGet(out var materials, out var listError))
        {
            return listError;
        }

        if (ApplicationForm.Check(published.Content.Form, formValues, clock.Today) is { } formError)
        {
            return formError;
        }

        var now = clock.UtcNow;
        var started = Case.StartDraft(Guid.CreateVersion7(), new ImplementationRef(published.Code, published.Version, published.DepartmentId, published.Region),
            who, channel, CaseActor.Applicant(account), now);
        if (!started.TryGet(out var draft, out var startError))
        {
            return startError;
        }

        if (draft.SaveDraft(answers, formValues, now) is { IsSuccess: false } saveError)
        {
            return saveError.Error!;
        }

        var provided = await ProvideAsync(draft, materials, request.Materials ?? [], account, now, cancellationToken);
        if (provided is not null)
        {
            return provided;
        }

        IReadOnlyList<MaterialSpec> specs = [.. materials.Select(m => new MaterialSpec(
            m.Key, m.Name, m.Necessity == MaterialNecessity.Required, m.DeficiencyAllowed,
            m.Exemptions.Any(e => e.Route == ExemptionRoute.Commitment)))];
        return (draft, specs);
    }

    private async Task<Error?> ProvideAsync(Case draft, IReadOnlyList<MaterialRequirement> list, IReadOnlyList<MaterialInput> inputs, Guid account, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var byKey = list.ToDictionary(m => m.Key, StringComparer.Ordinal);
        var fileIds = inputs.Where(i => i.FileId is not null).Select(i => i.FileId!.Value).ToList();
        var files = await db.Set<UploadedFile>().AsNoTracking()
            .Where(f => fileIds.Contains(f.Id) && f.OwnerAccountId == account)
            .ToDictionaryAsync(f => f.Id, cancellationToken);
        if (files.Values.Sum(f => f.Size) > limits.Value.MaxCaseBytes)
        {
            return new Invalid("cases.files-too-large-for-case", limits.Value.MaxCaseBytes / (1024 * 1024)) { Field = "materials" };
        }

        foreach (var input in inputs)
        {
            if (!byKey.TryGetValue(input.Key ?? "", out var requirement))
            {
                return new Invalid("cases.material-not-on-list", input.Key ?? "") { Field = "materials" };
            }

            var material = input.Route switch
            {
                "upload" => input.FileId is { } id && files.TryGetValue(id, out var file)
                    ? Upload(input.Key!, file)
                    : new Invalid("cases.file-not-found", requirement.Name) { Field = "materials" },
                "licence" => Via(requirement, ExemptionRoute.HeldLicence, () => CaseMaterial.HeldLicence(input.Key!, input.Reference ?? "")),
                "sharedData" => Via(requirement, ExemptionRoute.SharedData, () => CaseMaterial.SharedData(input.Key!, input.Reference ?? "")),
                "commitment" => Via(requirement, ExemptionRoute.Commitment, () => CaseMaterial.Commitment(
                    input.Key!, string.IsNullOrWhiteSpace(input.Reference) ? $"本人承诺{requirement.Name}真实有效，如有虚假愿承担法律责任。" : input.Reference)),
                _ => new Invalid("cases.material-route-unknown", input.Route ?? "") { Field = "materials" },
            };
            if (!material.TryGet(out var provided, out var error))
            {
                return error;
            }

            if (draft.ProvideMaterial(provided, now) is { IsSuccess: false } refused)
            {
                return refused.Error;
            }
        }

        var given = draft.Materials.Select(m => m.Key).ToHashSet(StringComparer.Ordinal);
        var missing = list.Where(m => m.Necessity == MaterialNecessity.Required && !given.Contains(m.Key)).Select(m => m.Name).ToList();
        return missing.Count > 0 ? new Invalid("cases.required-material-missing", string.Join("、", missing)) { Field = "materials" } : null;
    }

    private static Result<CaseMaterial> Upload(string key, UploadedFile file)
    {
        var reference = FileReference.Create(file.StorageKey, file.Sha256, file.Size, file.ContentType, file.FileName);
        return reference.IsSuccess ? CaseMaterial.Uploaded(key, reference.Value) : reference.Error!;
    }

    /// <summary>免提交 only by a route the item lists for the material.</summary>
    private static Result<CaseMaterial> Via(MaterialRequirement requirement, ExemptionRoute route, Func<Result<CaseMaterial>> material) =>
        requirement.Exemptions.Any(e => e.Route == route)
            ? material()
            : new Invalid("cases.material-route-not-allowed", requirement.Name) { Field = "materials" };

    private async Task<Result<Applicant>> ApplicantAsync(CancellationToken cancellationToken)
    {
        if (user.LegalPerson is { } uscc)
        {
            var enterprise = await people.FindEnterpriseAsync(uscc, cancellationToken);
            return Applicant.Organisation(uscc, enterprise?.Name ?? user.DisplayName);
        }

        if (user.Person is { } idNumber)
        {
            var person = await people.FindPersonAsync(idNumber, cancellationToken);
            return Applicant.Person(idNumber, person?.Name ?? user.DisplayName);
        }

        return new Forbidden("cases.applicant-only");
    }
}
