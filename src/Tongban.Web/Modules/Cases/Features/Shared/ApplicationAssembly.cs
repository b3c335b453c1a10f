using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Domain.Cases;
using Tongban.Domain.Catalog;
using Tongban.Domain.Organisation;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Files;
using Tongban.Modules.Cases.Persistence;
using Tongban.Modules.Catalog;
using Tongban.Modules.Identity;
using Tongban.Modules.Licences;
using Tongban.Platform;
using Tongban.Platform.Persistence;
using Tongban.Platform.Security;

namespace Tongban.Modules.Cases.Features.Shared;

/// <summary>
/// How one material is satisfied: <c>upload</c> (fileId), <c>licence</c>, <c>sharedData</c> or <c>commitment</c>
/// (reference); or <c>missing</c> (缺件) for the window to decide on 补正 or 容缺: a 容缺 material in any
/// channel, any material when a clerk files at the window.
/// </summary>
public sealed record MaterialInput(string Key, string Route, Guid? FileId = null, string? Reference = null);

public sealed record ApplicationRequest(
    string ImplementationCode,
    IReadOnlyDictionary<string, string>? Answers,
    IReadOnlyDictionary<string, string>? FormValues,
    IReadOnlyList<MaterialInput>? Materials);

/// <summary>
/// A window clerk files for a walk-in applicant (a person by ID number, an enterprise by USCC, as held in
/// the directory); with <paramref name="OnBehalfOf"/> it is 帮办代办 and needs the person's consent. With
/// <paramref name="Remote"/> it is 收受分离: received at this hall for another region's competent authority.
/// <paramref name="HallId"/> and <paramref name="WindowKind"/> say where it was received (效能监管: hall scope, 一窗受理率).
/// </summary>
public sealed record WindowFiling(string ApplicantIdentifier, string? OnBehalfOf = null, string? ConsentText = null, string? ConsentReference = null, RemoteIntake? Remote = null,
    Guid? HallId = null, WindowKind WindowKind = WindowKind.Comprehensive);

/// <summary>
/// Who files, through which channel, and whether the e-form's 免填写 fields are filled from the directory
/// (pages show them read-only and never trust the post; API clients send their own values).
/// </summary>
public sealed record Filing(CaseChannel Channel, Guid? DraftId = null, WindowFiling? Window = null, bool Prefill = false, MemberFiling? Member = null);

/// <summary>
/// 一件事: a member's application filed for the bundle's applicant, as the account that submitted the
/// bundle (also when a member that waited is filed later, in another person's request). Materials a
/// predecessor's licence satisfies are filed as held licences (material key → licence identifier).
/// </summary>
public sealed record MemberFiling(Guid BundleCaseId, Guid Account, Applicant Applicant, IReadOnlyDictionary<string, string> FlowedLicences);

/// <summary>A draft with everything provided, and the material list it is submitted against.</summary>
public sealed record AssembledApplication(Case Draft, bool IsNew, IReadOnlyList<MaterialSpec> Specs, PublishedImplementation Item);

/// <summary>
/// Puts an application together as a draft case, for saving (as far as it goes) or for submitting
/// (complete): the answers give the material list, the form values are checked against the item's form,
/// each material is satisfied by an upload of the filer's own or a 免提交 route the item lists. Nothing
/// is saved here; the draft of a new application is not yet tracked.
/// </summary>
public sealed class ApplicationAssembly(
    TongbanDbContext db, CaseStore cases, ICatalog catalog, IPeopleDirectory people, ILicences licences, CurrentUser user, CityClock clock, IOptions<FileLimits> limits)
{
    public async Task<Result<AssembledApplication>> AssembleAsync(ApplicationRequest request, Filing filing, bool complete, CancellationToken cancellationToken)
    {
        var account = filing.Member?.Account ?? user.AccountId ?? throw new InvalidOperationException("Applying needs a signed-in account.");
        Case? existing = null;
        if (filing.DraftId is { } draftId)
        {
            if (!(await FindDraftAsync(draftId, cancellationToken)).TryGet(out existing, out var draftError))
            {
                return draftError;
            }
        }

        var code = Domain.Primitives.ImplementationCode.Parse(request.ImplementationCode ?? "");
        var published = !code.IsSuccess || (existing is not null && existing.ImplementationCode != code.Value)
            ? null
            : await catalog.FindPublishedAsync(code.Value, existing?.ImplementationVersion, cancellationToken);
        if (published is null)
        {
            return new Invalid("cases.item-not-published", request.ImplementationCode ?? "") { Field = "implementationCode" };
        }

        var found = filing switch
        {
            { Member: { } member } => member.Applicant,
            { Window: { } window } => await WalkInAsync(window, cancellationToken),
            _ => await ApplicantAsync(cancellationToken),
        };
        if (!found.TryGet(out var applicant, out var applicantError))
        {
            return applicantError;
        }

        var answers = request.Answers ?? new Dictionary<string, string>();
        var formValues = new Dictionary<string, string>(request.FormValues ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        if (filing.Prefill)
        {
            foreach (var (key, value) in await PrefilledAsync(published.Content.Form, applicant, cancellationToken))
            {
                formValues[key] = value;
            }
        }

        if (!MaterialList.For(published.Content, answers).TryGet(out var materials, out var listError))
        {
            return listError;
        }

        if (complete && ApplicationForm.Check(published.Content.Form, formValues, clock.Today) is { } formError)
        {
            return formError;
        }

        var now = clock.UtcNow;
        var draft = existing;
        if (draft is null)
        {
            AssistedFiling? assisted = null;
            if (filing.Window is { OnBehalfOf: not null } window
                && !AssistedFiling.Create(account, window.OnBehalfOf, window.ConsentText, window.ConsentReference).TryGet(out assisted, out var assistedError))
            {
                return assistedError;
            }

            var filer = filing.Window is null ? CaseActor.Applicant(account) : new CaseActor(account, nameof(Domain.Identity.Role.WindowClerk));
            var implementation = new ImplementationRef(published.Code, published.Version, published.DepartmentId, published.Region)
            {
                FullyOnline = published.Content.OnlineDepth == OnlineDepth.FullyOnline,
            };
            if (!Case.StartDraft(Guid.CreateVersion7(), implementation, applicant, filing.Channel, filer, now, assisted).TryGet(out var started, out var startError))
            {
                return startError;
            }

            if (filing.Window?.Remote is { } remote && started.ReceiveRemotely(remote) is { IsSuccess: false } remoteError)
            {
                return remoteError.Error!;
            }

            if (filing.Window is { } atWindow && started.ReceiveAtWindow(atWindow.HallId, atWindow.WindowKind) is { IsSuccess: false } windowError)
            {
                return windowError.Error!;
            }

            draft = started;
            if (filing.Member is { } member)
            {
                draft.JoinBundle(member.BundleCaseId);
            }
        }

        if (draft.SaveDraft(answers, formValues, now) is { IsSuccess: false } saveError)
        {
            return saveError.Error!;
        }

        // Answers changed since the draft was saved: what is no longer on the list goes.
        var listed = materials.Select(m => m.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in draft.Materials.Where(m => !listed.Contains(m.Key)).Select(m => m.Key).ToList())
        {
            draft.RemoveMaterial(stale, now);
        }

        if (await ProvideAsync(draft, materials, request.Materials ?? [], filing, account, now, complete, cancellationToken) is { } provideError)
        {
            return provideError;
        }

        return new AssembledApplication(draft, existing is null, SpecsOf(materials), published);
    }

    /// <summary>The material list for the answers, reduced to what case handling keeps (the terms copied onto the case at submission).</summary>
    public static IReadOnlyList<MaterialSpec> SpecsOf(IReadOnlyList<MaterialRequirement> materials) =>
        [.. materials.Select(m => new MaterialSpec(
            m.Key, m.Name, m.Necessity == MaterialNecessity.Required, m.DeficiencyAllowed,
            m.Exemptions.Any(e => e.Route == ExemptionRoute.Commitment)))];

    /// <summary>The caller's own draft (tracked): filed by them, still a draft; anything else is not found.</summary>
    public async Task<Result<Case>> FindDraftAsync(Guid id, CancellationToken cancellationToken)
    {
        var draft = await cases.FindAsync(id, cancellationToken);
        return draft is { Status: CaseStatus.Draft } && draft.FiledBy == user.AccountId
            ? draft
            : new NotFound("cases.draft-not-found");
    }

    /// <summary>
    /// 免提交 by e-licence: for each listed material a held licence may replace, the applicant's licences
    /// valid today of the type the item names (by type name or code), newest first. Expired, suspended,
    /// revoked or superseded licences never count.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<HeldLicence>>> HeldLicencesForAsync(IReadOnlyList<MaterialRequirement> materials, Applicant applicant, CancellationToken cancellationToken)
    {
        var wanted = materials
            .Select(m => (m.Key, Types: m.Exemptions.Where(e => e.Route == ExemptionRoute.HeldLicence && !string.IsNullOrWhiteSpace(e.Reference)).Select(e => e.Reference!.Trim()).ToList()))
            .Where(m => m.Types.Count > 0).ToList();
        var holder = applicant.IdNumber?.Value ?? applicant.Uscc?.Value;
        if (wanted.Count == 0 || holder is null)
        {
            return new Dictionary<string, IReadOnlyList<HeldLicence>>();
        }

        var held = await licences.ValidHeldByAsync(holder, cancellationToken);
        return wanted
            .Select(m => (m.Key, Licences: (IReadOnlyList<HeldLicence>)[.. held.Where(h => m.Types.Contains(h.TypeName) || m.Types.Contains(h.TypeCode.Value))]))
            .Where(m => m.Licences.Count > 0)
            .ToDictionary(m => m.Key, m => m.Licences, StringComparer.Ordinal);
    }

    /// <summary>免填写: the values the directory holds for the applicant, by field key, for fields whose Prefill names them.</summary>
    public async Task<IReadOnlyDictionary<string, string>> PrefilledAsync(IReadOnlyList<FormField> form, Applicant applicant, CancellationToken cancellationToken)
    {
        var person = applicant.IdNumber is { } idNumber ? await people.FindPersonAsync(idNumber, cancellationToken) : null;
        var enterprise = applicant.Uscc is { } uscc ? await people.FindEnterpriseAsync(uscc, cancellationToken) : null;
        if (enterprise is not null && user.Person is { } agent && user.LegalPerson is not null)
        {
            // An enterprise agent files as themselves for the enterprise: person.* is the agent.
            person = await people.FindPersonAsync(agent, cancellationToken);
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in form)
        {
            var value = field.Prefill switch
            {
                "person.name" => person?.Name,
                "person.idNumber" => person?.IdNumber.Value,
                "person.phone" => person?.Phone,
                "person.address" => person?.Address,
                "enterprise.name" => enterprise?.Name,
                "enterprise.uscc" => enterprise?.Uscc.Value,
                "enterprise.address" => enterprise?.Address,
                "enterprise.legalRepresentative" => enterprise?.LegalRepresentativeName,
                _ => null,
            };
            if (!string.IsNullOrEmpty(value))
            {
                values[field.Key] = value;
            }
        }

        return values;
    }

    /// <summary>The signed-in applicant: an enterprise agent applies for the enterprise, a citizen for themselves.</summary>
    public async Task<Result<Applicant>> ApplicantAsync(CancellationToken cancellationToken)
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

    /// <summary>A walk-in applicant, found in the directory by ID number or USCC.</summary>
    public async Task<Result<Applicant>> WalkInAsync(WindowFiling filing, CancellationToken cancellationToken)
    {
        var identifier = (filing.ApplicantIdentifier ?? "").Trim().ToUpperInvariant();
        if (identifier.Length == 18 && IdNumber.Parse(identifier, clock.Today).TryGet(out var idNumber, out _)
            && await people.FindPersonAsync(idNumber, cancellationToken) is { } person)
        {
            return Applicant.Person(idNumber, person.Name);
        }

        if (Uscc.Parse(identifier).TryGet(out var uscc, out _) && await people.FindEnterpriseAsync(uscc, cancellationToken) is { } enterprise)
        {
            return Applicant.Organisation(uscc, enterprise.Name);
        }

        return new Invalid("cases.walk-in-applicant-not-found", identifier) { Field = "applicantIdentifier" };
    }

    private async Task<Error?> ProvideAsync(
        Case draft, IReadOnlyList<MaterialRequirement> list, IReadOnlyList<MaterialInput> inputs, Filing filing, Guid account, DateTimeOffset now, bool complete, CancellationToken cancellationToken)
    {
        var channel = filing.Channel;
        var byKey = list.ToDictionary(m => m.Key, StringComparer.Ordinal);
        var files = await OwnFilesAsync(db, account, inputs, cancellationToken);
        var held = await HeldLicencesForAsync(list, draft.Applicant, cancellationToken);
        // A draft's licence that is no longer valid (or no longer the applicant's) satisfies nothing now.
        foreach (var stale in draft.Materials.Where(m => m.Route == MaterialRoute.HeldLicence && !Holds(held, m.Key, m.LicenceId)).Select(m => m.Key).ToList())
        {
            draft.RemoveMaterial(stale, now);
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
                "licence" => Via(requirement, ExemptionRoute.HeldLicence, () => LicenceIdentifier.Parse(input.Reference).TryGet(out var identifier, out _)
                    && Holds(held, input.Key!, identifier.Value)
                        ? CaseMaterial.HeldLicence(input.Key!, identifier.Value)
                        : new Invalid("cases.licence-not-held", requirement.Name) { Field = "materials" }),
                "sharedData" => Via(requirement, ExemptionRoute.SharedData, () => CaseMaterial.SharedData(input.Key!, input.Reference ?? "")),
                "commitment" => Via(requirement, ExemptionRoute.Commitment, () => CaseMaterial.Commitment(
                    input.Key!, string.IsNullOrWhiteSpace(input.Reference) ? CommitmentText(requirement.Name) : input.Reference)),
                "missing" => MayBeLeftMissing(requirement, channel)
                    ? CaseMaterial.Missing(input.Key!)
                    : new Invalid("cases.material-missing-not-allowed", requirement.Name) { Field = "materials" },
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

        // 一件事: the licence a predecessor issued satisfies what the bundle says it does.
        foreach (var (key, identifier) in filing.Member?.FlowedLicences ?? new Dictionary<string, string>())
        {
            if (byKey.ContainsKey(key) && CaseMaterial.HeldLicence(key, identifier).TryGet(out var flowed, out _))
            {
                draft.ProvideMaterial(flowed, now);
            }
        }

        // 免提交: what a held, valid licence satisfies is not asked for; an upload the applicant chose stays.
        foreach (var (key, licencesHeld) in held)
        {
            if (draft.Materials.All(m => m.Key != key)
                && (CaseMaterial.HeldLicence(key, licencesHeld[0].Identifier.Value).TryGet(out var byLicence, out _)))
            {
                draft.ProvideMaterial(byLicence, now);
            }
        }

        // The case limit counts what the draft already holds as well as what came now.
        if (draft.Materials.Sum(m => m.File?.Size ?? 0) > limits.Value.MaxCaseBytes)
        {
            return new Invalid("cases.files-too-large-for-case", limits.Value.MaxCaseBytes / (1024 * 1024)) { Field = "materials" };
        }

        if (!complete)
        {
            return null;
        }

        var given = draft.Materials.Select(m => m.Key).ToHashSet(StringComparer.Ordinal);
        var missing = list.Where(m => m.Necessity == MaterialNecessity.Required && !given.Contains(m.Key)).Select(m => m.Name).ToList();
        return missing.Count > 0 ? new Invalid("cases.required-material-missing", string.Join("、", missing)) { Field = "materials" } : null;
    }

    /// <summary>
    /// 缺件 is for the window to decide: an applicant may leave out only a material the item accepts under
    /// 容缺; a clerk filing for a walk-in records whatever the person lacks, so one 补正告知 can list it all.
    /// </summary>
    public static bool MayBeLeftMissing(MaterialRequirement requirement, CaseChannel channel) =>
        requirement.DeficiencyAllowed || channel == CaseChannel.Window;

    /// <summary>The wording an applicant signs when a commitment replaces a material.</summary>
    public static string CommitmentText(string materialName) => $"本人承诺{materialName}真实有效，如有虚假愿承担法律责任。";

    /// <summary>The uploaded files the inputs name that belong to the account (another's file id is as good as unknown).</summary>
    internal static Task<Dictionary<Guid, UploadedFile>> OwnFilesAsync(TongbanDbContext db, Guid account, IReadOnlyList<MaterialInput> inputs, CancellationToken cancellationToken)
    {
        var fileIds = inputs.Where(i => i.FileId is not null).Select(i => i.FileId!.Value).ToList();
        return db.Set<UploadedFile>().AsNoTracking()
            .Where(f => fileIds.Contains(f.Id) && f.OwnerAccountId == account)
            .ToDictionaryAsync(f => f.Id, cancellationToken);
    }

    internal static Result<CaseMaterial> Upload(string key, UploadedFile file)
    {
        var reference = FileReference.Create(file.StorageKey, file.Sha256, file.Size, file.ContentType, file.FileName);
        return reference.IsSuccess ? CaseMaterial.Uploaded(key, reference.Value) : reference.Error!;
    }

    private static bool Holds(IReadOnlyDictionary<string, IReadOnlyList<HeldLicence>> held, string key, string? identifier) =>
        held.TryGetValue(key, out var licences) && licences.Any(l => l.Identifier.Value == identifier);

    /// <summary>免提交 only by a route the item lists for the material.</summary>
    private static Result<CaseMaterial> Via(MaterialRequirement requirement, ExemptionRoute route, Func<Result<CaseMaterial>> material) =>
        requirement.Exemptions.Any(e => e.Route == route)
            ? material()
            : new Invalid("cases.material-route-not-allowed", requirement.Name) { Field = "materials" };
}
