using System.Globalization;
using Tongban.Domain.Primitives;
using Tongban.Domain.Primitives.Calendar;

namespace Tongban.Domain.Cases;

/// <summary>
/// 办件: one application being handled, from draft to 办结. The workflow state lives here; each
/// transition is a method guarded by named rules (<see cref="CaseErrors"/>) that returns an error value
/// and changes nothing when a rule fails, and appends a <see cref="CaseEvent"/> to <see cref="History"/>
/// when it succeeds. Nothing here reads the clock: methods take <c>now</c>, and where a deadline is
/// computed, the <see cref="WorkingCalendar"/> and the region's time zone.
/// <para>
/// Lifecycle: Draft → Submitted → (AwaitingCorrection → Submitted)* → Refused | Accepted |
/// AcceptedWithDeficiency (→ DeficiencyOverdue → Accepted | Terminated) → Approved | Denied →
/// Issued → Delivered → Completed; Withdrawn before a decision; Revoked after a 告知承诺 approval.
/// </para>
/// </summary>
public sealed class Case : IVersioned
{
    /// <summary>行政许可法: an application not answered within 5 working days counts as accepted from receipt.</summary>
    public const int IntakeWorkingDays = 5;

    private const string DateFormat = "yyyy-MM-dd";
    private const string ListSeparator = "、";

    private readonly Dictionary<string, string> _answers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _formValues = new(StringComparer.Ordinal);
    private readonly List<CaseMaterial> _materials = [];
    private readonly List<CorrectionItem> _correctionNotice = [];
    private readonly List<CaseStep> _steps = [];
    private readonly List<ClockStop> _clockStops = [];
    private readonly List<InstantApprovalRule> _instantApprovalRules = [];
    private readonly List<CaseEvent> _history = [];

    private Case() { }

    // ---- Identity -------------------------------------------------------------------------------

    public Guid Id { get; private set; }

    /// <summary>办件编号, assigned by the caller at submission; null while a draft.</summary>
    public CaseNumber? Number { get; private set; }
    public ImplementationCode ImplementationCode { get; private set; }

    /// <summary>The published implementation version the case started with; it keeps it for life.</summary>
    public int ImplementationVersion { get; private set; }

    /// <summary>The competent department and its region (审批权属).</summary>
    public Guid DepartmentId { get; private set; }
    public RegionCode RegionCode { get; private set; }
    public Applicant Applicant { get; private set; } = null!;

    /// <summary>The account that filed (the applicant's, an enterprise agent's, or the clerk's for 帮办代办).</summary>
    public Guid FiledBy { get; private set; }
    public AssistedFiling? AssistedFiling { get; private set; }

    /// <summary>一件事: the bundle case this case is a member of, if any (set while a draft).</summary>
    public Guid? BundleCaseId { get; private set; }
    public CaseChannel Channel { get; private set; }
    public CaseStatus Status { get; private set; }

    // ---- Cross-region (收受分离, 全程网办, 多地联办) --------------------------------------------------

    /// <summary>收受分离: the receiving side's record, when received at another region's hall; null otherwise.</summary>
    public RemoteIntake? RemoteIntake { get; private set; }

    /// <summary>收受分离: the receiving hall's region (the receiving clerks' 代收件 list filters on it).</summary>
    public RegionCode? ReceivedInRegion { get; private set; }

    /// <summary>全程网办: the implementation needs no hall; the result is never collected at one.</summary>
    public bool FullyOnline { get; private set; }

    /// <summary>多地联办: the other region whose step is active now (its staff find the case in their list), if any.</summary>
    public RegionCode? OpenStepRegion { get; private set; }

    /// <summary>多地联办: the department of that region performing the open step (its approvers' list filters on it).</summary>
    public Guid? OpenStepDepartmentId { get; private set; }

    /// <summary>窗口收件: the hall the case was received at, if known (效能监管's hall scope); null for online filings.</summary>
    public Guid? IntakeHallId { get; private set; }

    /// <summary>窗口收件: the kind of window that received it (一窗受理率 counts the 综合窗口); null for online filings.</summary>
    public WindowKind? IntakeWindowKind { get; private set; }

    /// <summary>跑动次数: in-person visits the case took (filing at a window, collecting at a window).</summary>
    public int InPersonVisits => (Channel == CaseChannel.Window ? 1 : 0) + (Delivery?.Method == DeliveryMethod.WindowPickup ? 1 : 0);

    /// <summary>Optimistic concurrency token; the persistence layer bumps it on every save.</summary>
    public int Version { get; set; }

    // ---- Application content --------------------------------------------------------------------

    /// <summary>办理情形 answers: situation key → answer key.</summary>
    public IReadOnlyDictionary<string, string> SituationAnswers => _answers;
    public IReadOnlyDictionary<string, string> FormValues => _formValues;

    /// <summary>One entry per material key: provided, or marked missing.</summary>
    public IReadOnlyList<CaseMaterial> Materials => _materials;

    // ---- Intake ---------------------------------------------------------------------------------

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? LastSavedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>When the window last received the application (submission, or corrections supplied): the intake period runs from here.</summary>
    public DateTimeOffset? ReceivedAt { get; private set; }

    /// <summary>When the window answered the latest receipt (accept, refuse, correction notice) or the applicant withdrew it.</summary>
    public DateTimeOffset? IntakeDecidedAt { get; private set; }

    /// <summary>The latest 补正告知: every missing or defective material with its reason.</summary>
    public IReadOnlyList<CorrectionItem> CorrectionNotice => _correctionNotice;
    public DateTimeOffset? CorrectionRequestedAt { get; private set; }
    public string? RefusalReason { get; private set; }

    // ---- Acceptance and the clock ---------------------------------------------------------------

    public AcceptanceKind? AcceptedAs { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }

    /// <summary>Accepted after the intake period had run out: it counts as accepted from receipt, and the clock started then.</summary>
    public bool DeemedAccepted { get; private set; }

    /// <summary>告知承诺: the commitment the applicant signed.</summary>
    public string? Commitment { get; private set; }
    public CaseDeficiency? Deficiency { get; private set; }
    public CaseTimeLimit? StatutoryLimit { get; private set; }
    public CaseTimeLimit? PromisedLimit { get; private set; }
    public int MaxExtensionWorkingDays { get; private set; }

    /// <summary>From when the limits run: acceptance, or receipt when deemed accepted.</summary>
    public DateTimeOffset? ClockStartedAt { get; private set; }

    /// <summary>When the clock ended for good (decision, withdrawal, termination).</summary>
    public DateTimeOffset? ClockEndedAt { get; private set; }

    /// <summary>The statutory deadline before pauses, the extension included.</summary>
    public DateTimeOffset? StatutoryBaseDeadline { get; private set; }

    /// <summary>The promised deadline before pauses.</summary>
    public DateTimeOffset? PromisedBaseDeadline { get; private set; }
    public CaseExtension? Extension { get; private set; }
    public IReadOnlyList<ClockStop> ClockStops => _clockStops;
    public IReadOnlyList<CaseStep> Steps => _steps;

    // ---- Decision and result --------------------------------------------------------------------

    public CaseDecision? Decision { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public Guid? DecidedBy { get; private set; }

    /// <summary>
    /// The decision document's signed payload (kind D, see the Licences module): the deciding
    /// department's seal over the decision as taken, so every copy of the document carries the same QR.
    /// </summary>
    public string? DecisionSignature { get; private set; }

    /// <summary>秒批: the rules that passed, recorded when the case was approved instantly.</summary>
    public IReadOnlyList<InstantApprovalRule> InstantApprovalRules => _instantApprovalRules;
    public CaseIssuance? Issuance { get; private set; }
    public DateTimeOffset? IssuedAt { get; private set; }
    public CaseDelivery? Delivery { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public string? WithdrawalReason { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }
    public DateTimeOffset? TerminatedAt { get; private set; }
    public string? RevocationReason { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public IReadOnlyList<CaseEvent> History => _history;

    /// <summary>
    /// Every collection of the case as one immutable value: what persistence stores beside the scalar
    /// columns (one document, read and written with the case). Setting it replaces the collections
    /// wholesale; only the persistence layer does, when it materialises a stored case.
    /// </summary>
    public CaseContents Contents
    {
        get => new(
            new Dictionary<string, string>(_answers, StringComparer.Ordinal), new Dictionary<string, string>(_formValues, StringComparer.Ordinal),
            [.. _materials], [.. _correctionNotice], [.. _steps], [.. _clockStops], [.. _instantApprovalRules], [.. _history]);
        private set
        {
            Replace(_answers, value.Answers);
            Replace(_formValues, value.FormValues);
            Refill(_materials, value.Materials);
            Refill(_correctionNotice, value.CorrectionNotice);
            Refill(_steps, value.Steps);
            Refill(_clockStops, value.ClockStops);
            Refill(_instantApprovalRules, value.InstantApprovalRules);
            Refill(_history, value.History);
        }
    }

    // ---- Derived --------------------------------------------------------------------------------

    /// <summary>Required materials not provided.</summary>
    public IReadOnlyList<CaseMaterial> MissingMaterials => [.. _materials.Where(m => m.Required && m.IsMissing)];

    /// <summary>容缺: the materials still owed.</summary>
    public IReadOnlyList<CaseMaterial> OwedMaterials => Status switch
    {
        CaseStatus.AcceptedWithDeficiency or CaseStatus.DeficiencyOverdue => MissingMaterials,
        CaseStatus.Draft or CaseStatus.Submitted or CaseStatus.AwaitingCorrection or CaseStatus.Refused or CaseStatus.Accepted
            or CaseStatus.Approved or CaseStatus.Denied or CaseStatus.Issued or CaseStatus.Delivered or CaseStatus.Completed
            or CaseStatus.Withdrawn or CaseStatus.Terminated or CaseStatus.Revoked => [],
    };

    /// <summary>The clock stop running now, if any.</summary>
    public ClockStop? OpenClockStop => _clockStops.FirstOrDefault(s => s.IsOpen);

    /// <summary>Every step approved or skipped, nothing owed, clock running: a decision may be taken.</summary>
    public bool ReadyForDecision => Status == CaseStatus.Accepted && OpenClockStop is null && _steps.All(s => s.IsDone);

    // ---- Draft ----------------------------------------------------------------------------------

    /// <summary>Starts a draft for an implementation version. For 帮办代办 the clerk files: <paramref name="filer"/> is the clerk.</summary>
    public static Result<Case> StartDraft(Guid id, ImplementationRef implementation, Applicant applicant, CaseChannel channel, CaseActor filer, DateTimeOffset now, AssistedFiling? assisted = null)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        ArgumentNullException.ThrowIfNull(applicant);
        ArgumentNullException.ThrowIfNull(filer);
        if (implementation.Version < 1)
        {
            return CaseErrors.ImplementationVersionMustBePublished();
        }

        if (assisted is not null && assisted.ClerkAccountId != filer.AccountId)
        {
            return CaseErrors.AssistedFilingIsFiledByTheClerk();
        }

        var draft = new Case
        {
            Id = id,
            ImplementationCode = implementation.Code,
            ImplementationVersion = implementation.Version,
            DepartmentId = implementation.DepartmentId,
            RegionCode = implementation.Region,
            Applicant = applicant,
            FiledBy = filer.AccountId,
            AssistedFiling = assisted,
            Channel = channel,
            Status = CaseStatus.Draft,
            CreatedAt = now,
            FullyOnline = implementation.FullyOnline,
        };
        draft.Record(CaseAction.Drafted, filer, now, assisted is null ? null : $"帮办代办：{assisted.OnBehalfOf}");
        return draft;
    }

    /// <summary>Files the draft as a member of a bundle case (一件事), before it is submitted.</summary>
    public Result JoinBundle(Guid bundleCaseId)
    {
        if (Status != CaseStatus.Draft)
        {
            return CaseErrors.OnlyADraftChanges(Status);
        }

        BundleCaseId = bundleCaseId;
        return Result.Success;
    }

    /// <summary>
    /// 收受分离: the draft is being received at another region's hall (the caller checked the item's scope
    /// reaches it). Recorded before submission; at submission the record is bound to the competent side
    /// and the handover instant. A 全程网办 item's result is never collected at a hall.
    /// </summary>
    public Result ReceiveRemotely(RemoteIntake intake)
    {
        ArgumentNullException.ThrowIfNull(intake);
        if (Status != CaseStatus.Draft)
        {
            return RemoteIntakeErrors.OnlyAtReceipt();
        }

        if (FullyOnline && intake.ResultDelivery == RemoteResultDelivery.CollectAtReceivingHall)
        {
            return RemoteIntakeErrors.FullyOnlineIsNeverCollected();
        }

        RemoteIntake = intake;
        ReceivedInRegion = RegionCode.FromTrusted(intake.ReceivingRegion);
        return Result.Success;
    }

    /// <summary>窗口收件: records the hall (when known) and the kind of window receiving the draft, before it is submitted.</summary>
    public Result ReceiveAtWindow(Guid? hallId, WindowKind kind)
    {
        if (Channel != CaseChannel.Window)
        {
            return CaseErrors.WindowIntakeIsAtAWindow();
        }

        if (DraftMustBeOpen() is { } notDraft)
        {
            return notDraft;
        }

        IntakeHallId = hallId;
        IntakeWindowKind = kind;
        return Result.Success;
    }

    /// <summary>Saves the situation answers and form values of a draft (replacing the previous ones).</summary>
    public Result SaveDraft(IReadOnlyDictionary<string, string> answers, IReadOnlyDictionary<string, string> formValues, DateTimeOffset now)
    {
        if (DraftMustBeOpen() is { } notDraft)
        {
            return notDraft;
        }

        if (answers.Keys.Concat(formValues.Keys).Any(string.IsNullOrWhiteSpace))
        {
            return CaseErrors.KeysMustNotBeBlank();
        }

        Replace(_answers, answers);
        Replace(_formValues, formValues);
        LastSavedAt = now;
        return Result.Success;
    }

    /// <summary>Adds or replaces the draft's material for the material's key (an upload, a held licence, shared data, a commitment, or a missing mark).</summary>
    public Result ProvideMaterial(CaseMaterial material, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(material);
        if (DraftMustBeOpen() is { } notDraft)
        {
            return notDraft;
        }

        _materials.RemoveAll(m => m.Key == material.Key);
        _materials.Add(material.ReceivedAt(now));
        LastSavedAt = now;
        return Result.Success;
    }

    public Result RemoveMaterial(string key, DateTimeOffset now)
    {
        if (DraftMustBeOpen() is { } notDraft)
        {
            return notDraft;
        }

        if (_materials.RemoveAll(m => m.Key == key) == 0)
        {
            return CaseErrors.MaterialNotFound(key);
        }

        LastSavedAt = now;
        return Result.Success;
    }

    /// <summary>
    /// 提交: the application is received (<see cref="ReceivedAt"/>) and gets its number. Every required
    /// material of <paramref name="materialList"/> (the list for the current answers) must be provided or
    /// marked missing for the window to decide; nothing off the list may be attached; a commitment may only
    /// replace a material that accepts one. The list's terms are copied onto the materials.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="materialList"/> lists a key twice (a caller defect).</exception>
    public Result Submit(CaseNumber number, IReadOnlyList<MaterialSpec> materialList, CaseActor actor, DateTimeOffset now, IReadOnlyList<string>? attachments = null)
    {
        if (DraftMustBeOpen() is { } notDraft)
        {
            return notDraft;
        }

        if (number.Implementation != ImplementationCode)
        {
            return CaseErrors.NumberBelongsToAnotherImplementation(number.Value);
        }

        var specs = materialList.ToDictionary(s => s.Key.Trim(), StringComparer.Ordinal);
        if (_materials.Where(m => !specs.ContainsKey(m.Key)).Select(m => m.Key).ToList() is { Count: > 0 } unlisted)
        {
            return CaseErrors.MaterialsNotOnTheList(Join(unlisted));
        }

        var provided = _materials.Select(m => m.Key).ToHashSet(StringComparer.Ordinal);
        if (materialList.Where(s => s.Required && !provided.Contains(s.Key.Trim())).Select(s => s.Name).ToList() is { Count: > 0 } unaccounted)
        {
            return CaseErrors.RequiredMaterialsMustBeProvidedOrMarkedMissing(Join(unaccounted));
        }

        if (_materials.Where(m => m.Route == MaterialRoute.Commitment && !specs[m.Key].CommitmentAccepted).Select(m => specs[m.Key].Name).ToList() is { Count: > 0 } notByCommitment)
        {
            return CaseErrors.CommitmentCannotReplace(Join(notByCommitment));
        }

        var order = materialList.Select((s, i) => (s.Key.Trim(), i)).ToDictionary(p => p.Item1, p => p.i, StringComparer.Ordinal);
        var withTerms = _materials.Select(m => m.WithTerms(specs[m.Key])).OrderBy(m => order[m.Key]).ToList();
        _materials.Clear();
        _materials.AddRange(withTerms);
        Number = number;
        SubmittedAt = now;
        ReceivedAt = now;
        IntakeDecidedAt = null;
        Status = CaseStatus.Submitted;
        var missing = MissingMaterials;
        Record(CaseAction.Submitted, actor, now, missing.Count == 0 ? null : $"缺件：{Join(missing.Select(m => m.Name))}", attachments);
        if (RemoteIntake is { } remote)
        {
            RemoteIntake = remote.HandedOver(RegionCode, DepartmentId, now);
            Record(CaseAction.RemotelyReceived, actor, now,
                $"{remote.ReceivingRegionName}{remote.ReceivingHallName}收件，已核验身份，材料网上流转至有权机关；结果{RemoteIntake.NameOf(remote.ResultDelivery)}");
        }

        return Result.Success;
    }

    // ---- Intake decisions -----------------------------------------------------------------------

    /// <summary>
    /// 补正告知: one notice listing every missing or defective material with its reason. It must name
    /// every required material left missing.
    /// </summary>
    public Result RequestCorrection(IReadOnlyList<CorrectionItem> items, CaseActor actor, DateTimeOffset now, IReadOnlyList<string>? attachments = null)
    {
        if (IntakeMustBeOpen() is { } closed)
        {
            return closed;
        }

        if (items.Count == 0)
        {
            return CaseErrors.CorrectionNoticeMustListSomething();
        }

        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var material = FindMaterial(item.MaterialKey);
            if (material is null)
            {
                return CaseErrors.CorrectionNamesAnUnknownMaterial(item.MaterialKey);
            }

            if (string.IsNullOrWhiteSpace(item.Reason))
            {
                return CaseErrors.CorrectionItemNeedsAReason(material.Name);
            }

            if (!listed.Add(material.Key))
            {
                return CaseErrors.CorrectionListsAMaterialTwice(material.Name);
            }
        }

        if (MissingMaterials.Where(m => !listed.Contains(m.Key)).Select(m => m.Name).ToList() is { Count: > 0 } omitted)
        {
            return CaseErrors.CorrectionMustListEveryMissingMaterial(Join(omitted));
        }

        _correctionNotice.Clear();
        _correctionNotice.AddRange(items.Select(i => new CorrectionItem(i.MaterialKey.Trim(), i.Reason.Trim())));
        CorrectionRequestedAt = now;
        IntakeDecidedAt = now;
        Status = CaseStatus.AwaitingCorrection;
        Record(CaseAction.CorrectionRequested, actor, now, Join(_correctionNotice.Select(i => $"{FindMaterial(i.MaterialKey)!.Name}：{i.Reason}")), attachments);
        return Result.Success;
    }

    /// <summary>
    /// The applicant answers the correction notice: every material it names must be supplied (and only
    /// those); form values may be corrected too. The application is received again and awaits intake.
    /// </summary>
    public Result SupplyCorrection(IReadOnlyList<CaseMaterial> materials, CaseActor actor, DateTimeOffset now, IReadOnlyDictionary<string, string>? formValues = null, IReadOnlyList<string>? attachments = null)
    {
        if (Status != CaseStatus.AwaitingCorrection)
        {
            return CaseErrors.NoCorrectionWasRequested(Status);
        }

        var requested = _correctionNotice.Select(i => i.MaterialKey).ToHashSet(StringComparer.Ordinal);
        if (materials.FirstOrDefault(m => !requested.Contains(m.Key)) is { } notRequested)
        {
            return CaseErrors.MaterialWasNotRequested(FindMaterial(notRequested.Key)?.Name ?? notRequested.Key);
        }

        if (CommitmentsMustBeAccepted(materials) is { } byCommitment)
        {
            return byCommitment;
        }

        var supplied = materials.Where(m => !m.IsMissing).Select(m => m.Key).ToHashSet(StringComparer.Ordinal);
        if (requested.Where(k => !supplied.Contains(k)).Select(k => FindMaterial(k)!.Name).ToList() is { Count: > 0 } outstanding)
        {
            return CaseErrors.CorrectionMustSupplyEverything(Join(outstanding));
        }

        if (formValues is not null && formValues.Keys.Any(string.IsNullOrWhiteSpace))
        {
            return CaseErrors.KeysMustNotBeBlank();
        }

        foreach (var material in materials)
        {
            ReplaceMaterial(material, now);
        }

        foreach (var (key, value) in formValues ?? new Dictionary<string, string>())
        {
            _formValues[key] = value;
        }

        ReceivedAt = now;
        IntakeDecidedAt = null;
        Status = CaseStatus.Submitted;
        Record(CaseAction.CorrectionSupplied, actor, now, Join(materials.Select(m => FindMaterial(m.Key)!.Name)), attachments);
        return Result.Success;
    }

    /// <summary>不予受理, with the reasons.</summary>
    public Result RefuseAcceptance(string reason, CaseActor actor, DateTimeOffset now, IReadOnlyList<string>? attachments = null)
    {
        if (IntakeMustBeOpen() is { } closed)
        {
            return closed;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return CaseErrors.RefusalNeedsAReason();
        }

        RefusalReason = reason.Trim();
        IntakeDecidedAt = now;
        Status = CaseStatus.Refused;
        Record(CaseAction.AcceptanceRefused, actor, now, RefusalReason, attachments);
        return Result.Success;
    }

    /// <summary>
    /// 受理: every required material is present (none by commitment: that is <see cref="AcceptUnderCommitment"/>).
    /// Starts the clock and the back-office steps; both deadlines are computed from the acceptance instant,
    /// or from receipt when the intake period had already run out (deemed acceptance).
    /// </summary>
    public Result Accept(CaseTerms terms, CaseActor actor, DateTimeOffset now, WorkingCalendar calendar, TimeZoneInfo zone, IReadOnlyList<string>? attachments = null)
    {
        if ((IntakeMustBeOpen() ?? CommitmentsNeedCommitmentAcceptance()) is { } refused)
        {
            return refused;
        }

        if (MissingMaterials is { Count: > 0 } missing)
        {
            return CaseErrors.RequiredMaterialsAreMissing(Join(missing.Select(m => m.Name)));
        }

        if (!PlanSteps(terms).TryGet(out var steps, out var planError))
        {
            return planError;
        }

        StartHandling(AcceptanceKind.Standard, terms, steps, now, calendar, zone);
        Record(CaseAction.Accepted, actor, now, DeemedAccepted ? "逾期未作受理决定，自收到申请之日起视为受理" : null, attachments);
        return Result.Success;
    }

    /// <summary>
    /// 容缺受理: accepted with required materials missing, when every missing one is a non-key material
    /// that may be supplemented later (容缺), the applicant signed a commitment, and the supplement deadline
    /// (from now) falls no later than the promised deadline. Processing proceeds; no decision until the owed
    /// materials arrive (<see cref="SupplementDeficiency"/>); <see cref="CheckDeficiency"/> handles lateness.
    /// </summary>
    public Result AcceptWithDeficiency(CaseTerms terms, string commitment, CaseTimeLimit supplementPeriod, CaseActor actor, DateTimeOffset now, WorkingCalendar calendar, TimeZoneInfo zone, IReadOnlyList<string>? attachments = null)
    {
        if ((IntakeMustBeOpen() ?? CommitmentsNeedCommitmentAcceptance()) is { } refused)
        {
            return refused;
        }

        var missing = MissingMaterials;
        if (missing.Count == 0)
        {
            return CaseErrors.NothingIsMissing();
        }

        if (missing.Where(m => !m.DeficiencyAllowed).Select(m => m.Name).ToList() is { Count: > 0 } keyMaterials)
        {
            return CaseErrors.KeyMaterialsCannotBeOwed(Join(keyMaterials));
        }

        if (string.IsNullOrWhiteSpace(commitment))
        {
            return CaseErrors.DeficiencyNeedsASignedCommitment();
        }

        if (supplementPeriod.Amount < 1)
        {
            return CaseErrors.SupplementPeriodMustBePositive();
        }

        if (!PlanSteps(terms).TryGet(out var steps, out var planError))
        {
            return planError;
        }

        var clockStart = IsPastIntake(now, calendar, zone) ? ReceivedAt!.Value : now;
        var promised = calendar.DeadlineFor(clockStart, terms.PromisedLimit.Amount, terms.PromisedLimit.Unit, zone);
        var supplementDeadline = calendar.DeadlineFor(now, supplementPeriod.Amount, supplementPeriod.Unit, zone);
        if (supplementDeadline > promised)
        {
            return CaseErrors.SupplementDeadlineBeyondThePromise(LocalDate(supplementDeadline, zone), LocalDate(promised, zone));
        }

        StartHandling(AcceptanceKind.WithDeficiency, terms, steps, now, calendar, zone);
        Deficiency = new CaseDeficiency(commitment.Trim(), supplementDeadline);
        Record(CaseAction.AcceptedWithDeficiency, actor, now, $"容缺材料：{Join(missing.Select(m => m.Name))}；补齐期限：{LocalDate(supplementDeadline, zone)}", attachments);
        return Result.Success;
    }

    /// <summary>
    /// 告知承诺 acceptance: the applicant's signed commitment replaces proofs — those submitted as
    /// commitments and any required material still missing (each must accept a commitment). Refused for
    /// items that do not allow commitments or are high-risk (public safety ...), and for applicants with
    /// serious bad credit or a past false commitment. A false commitment later revokes the result
    /// (<see cref="RevokeForFalseCommitment"/>).
    /// </summary>
    public Result AcceptUnderCommitment(CaseTerms terms, ApplicantStanding standing, string commitment, CaseActor actor, DateTimeOffset now, WorkingCalendar calendar, TimeZoneInfo zone, IReadOnlyList<string>? attachments = null)
    {
        if ((IntakeMustBeOpen() ?? CommitmentMustBeAllowed(terms, standing)) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(commitment))
        {
            return CaseErrors.CommitmentNeedsItsText();
        }

        var missing = MissingMaterials;
        if (missing.Where(m => !m.CommitmentAccepted).Select(m => m.Name).ToList() is { Count: > 0 } notReplaceable)
        {
            return CaseErrors.CommitmentCannotReplace(Join(notReplaceable));
        }

        if (!PlanSteps(terms).TryGet(out var steps, out var planError))
        {
            return planError;
        }

        foreach (var material in missing)
        {
            ReplaceMaterial(CaseMaterial.Commitment(material.Key, commitment).Value, now);
        }

        Commitment = commitment.Trim();
        StartHandling(AcceptanceKind.UnderCommitment, terms, steps, now, calendar, zone);
        var replaced = _materials.Where(m => m.Route == MaterialRoute.Commitment).Select(m => m.Name).ToList();
        Record(CaseAction.AcceptedUnderCommitment, actor, now, replaced.Count == 0 ? Commitment : $"以承诺代替：{Join(replaced)}", attachments);
        return Result.Success;
    }

    /// <summary>
    /// 视为受理: the application was received, and the window neither accepted, refused nor sent a
    /// correction notice within <see cref="IntakeWorkingDays"/> working days of receipt (the receipt day not
    /// counted): it counts as accepted from receipt. Stays true once it happened, for the supervision board.
    /// </summary>
    public bool IsDeemedAccepted(DateTimeOffset now, WorkingCalendar calendar, TimeZoneInfo zone) =>
        ReceivedAt is not null && (IntakeDecidedAt ?? now) > IntakeDeadline(calendar, zone)!.Value;

    /// <summary>The end of the intake period for the latest receipt; null before submission.</summary>
    public DateTimeOffset? IntakeDeadline(WorkingCalendar calendar, TimeZoneInfo zone) =>
        ReceivedAt is { } received ? calendar.DeadlineFor(received, IntakeWorkingDays, TimeLimitUnit.WorkingDays, zone) : null;

    // ---- 容缺 -----------------------------------------------------------------------------------

    /// <summary>
    /// The applicant supplies owed 容缺 materials (some or all). Once nothing is owed the case is back to
    /// <see cref="CaseStatus.Accepted"/> (and, after a second notice, the clock resumes). Accepted until the
    /// grace period after the second notice ends; a supplement after the first deadline but before the
    /// second notice was sent is accepted too (the applicant was not yet told it was late).
    /// </summary>
    public Result SupplementDeficiency(IReadOnlyList<CaseMaterial> materials, CaseActor actor, DateTimeOffset now, IReadOnlyList<string>? attachments = null)
    {
        if (SupplementMayBeReceived(now) is { } closed)
        {
            return closed;
        }

        if (materials.Count == 0)
        {
            return CaseErrors.SupplementNeedsMaterials();
        }

        var owed = OwedMaterials.Select(m => m.Key).ToHashSet(StringComparer.Ordinal);
        if (materials.FirstOrDefault(m => !owed.Contains(m.Key)) is { } notOwed)
        {
            return CaseErrors.MaterialIsNotOwed(FindMaterial(notOwed.Key)?.Name ?? notOwed.Key);
        }

        if (materials.FirstOrDefault(m => m.IsMissing) is { } stillMissing)
        {
            return CaseErrors.SupplementMustProvideTheMaterial(FindMaterial(stillMissing.Key)!.Name);
        }

        if (CommitmentsMustBeAccepted(materials) is { } byCommitment)
        {
            return byCommitment;
        }

        foreach (var material in materials)
        {
            ReplaceMaterial(material, now);
        }

        var names = Join(materials.Select(m => FindMaterial(m.Key)!.Name));
        var stillOwed = MissingMaterials;
        if (stillOwed.Count == 0)
        {
            Deficiency = Deficiency! with { SupplementedAt = now };
            foreach (var wait in _clockStops.Where(c => c.IsOpen && c.Kind == ClockStopKind.AwaitingSupplement))
            {
                wait.End(now);
            }

            Status = CaseStatus.Accepted;
            Record(CaseAction.DeficiencySupplemented, actor, now, $"已补齐：{names}", attachments);
        }
        else
        {
            Record(CaseAction.DeficiencySupplemented, actor, now, $"已补：{names}；尚欠：{Join(stillOwed.Select(m => m.Name))}", attachments);
        }

        return Result.Success;
    }

    /// <summary>
    /// The scheduled 容缺 check. Past the supplement deadline: the second notice goes out, a grace period
    /// (<see cref="CasePolicy.DeficiencyGracePeriod"/> from now) opens, processing is suspended and the clock
    /// stops. Past the grace period: 不予办理 — the case ends <see cref="CaseStatus.Terminated"/> and the
    /// materials are returned. Otherwise nothing changes.
    /// </summary>
    public Result<DeficiencyCheckOutcome> CheckDeficiency(DateTimeOffset now, WorkingCalendar calendar, TimeZoneInfo zone, CasePolicy? policy = null, CaseActor? actor = null)
    {
        policy ??= CasePolicy.Default;
        actor ??= CaseActor.System;
        switch (Status)
        {
            case CaseStatus.AcceptedWithDeficiency:
                if (now <= Deficiency!.Deadline)
                {
                    return DeficiencyCheckOutcome.NotDue;
                }

                var grace = calendar.DeadlineFor(now, policy.DeficiencyGracePeriod.Amount, policy.DeficiencyGracePeriod.Unit, zone);
                Deficiency = Deficiency with { NotifiedAgainAt = now, GraceDeadline = grace };
                _clockStops.Add(new ClockStop(ClockStopKind.AwaitingSupplement, null, "容缺材料逾期未补齐，再次告知", actor, now));
                Status = CaseStatus.DeficiencyOverdue;
                Record(CaseAction.DeficiencyNotifiedAgain, actor, now, $"容缺材料逾期未补齐：{Join(OwedMaterials.Select(m => m.Name))}；须于 {LocalDate(grace, zone)} 前补齐，逾期不予办理");
                return DeficiencyCheckOutcome.NotifiedAgain;

            case CaseStatus.DeficiencyOverdue:
                if (now <= Deficiency!.GraceDeadline)
                {
                    return DeficiencyCheckOutcome.NotDue;
                }

                EndClock(now);
                TerminatedAt = now;
                Status = CaseStatus.Terminated;
                Record(CaseAction.Terminated, actor, now, $"再次告知后仍未补齐容缺材料（{Join(OwedMaterials.Select(m => m.Name))}），不予办理，申请材料退回");
                return DeficiencyCheckOutcome.Terminated;

            case CaseStatus.Draft:
            case CaseStatus.Submitted:
            case CaseStatus.AwaitingCorrection:
            case CaseStatus.Refused:
            case CaseStatus.Accepted:
            case CaseStatus.Approved:
            case CaseStatus.Denied:
            case CaseStatus.Issued:
            case CaseStatus.Delivered:
            case CaseStatus.Completed:
            case CaseStatus.Withdrawn:
            case CaseStatus.Terminated:
            case CaseStatus.Revoked:
            default:
                return CaseErrors.NoMaterialsAreOwed(Status);
        }
    }

    // ---- Back office ----------------------------------------------------------------------------

    /// <summary>
    /// Approves an active step. A department system taking over the step passes its own case reference
    /// (<paramref name="externalReference"/>). When the step completes its stage (every step of a parallel
    /// group approved or skipped), the next stage becomes active.
    /// </summary>
    public Result ApproveStep(string stepKey, CaseActor actor, DateTimeOffset now, string? comment = null, string? externalReference = null, IReadOnlyList<string>? attachments = null)
    {
        if (!StepToActOn(stepKey, actor).TryGet(out var step, out var refused))
        {
            return refused;
        }

        step.Approve(actor, now, comment, externalReference);
        Record(CaseAction.StepApproved, actor, now, step.ExternalReference is { } reference ? $"{step.Comment}（外部编号 {reference}）".TrimStart() : step.Comment, attachments, step.Key);
        AdvanceFrom(step.Stage, now);
        return Result.Success;
    }

    /// <summary>
    /// 退回: sends the case from an active step back to an earlier step (an earlier stage, not the same
    /// parallel group), with a reason. The target becomes active again; the steps in between (and the
    /// sender's parallel partners) wait their turn again; the sender is marked <see cref="CaseStepStatus.SentBack"/>.
    /// </summary>
    public Result SendBack(string stepKey, string toStepKey, string reason, CaseActor actor, DateTimeOffset now, IReadOnlyList<string>? attachments = null)
    {
        if (!StepToActOn(stepKey, actor, toStepKey).TryGet(out var step, out var refused))
        {
            return refused;
        }

        var target = FindStep(toStepKey)!;

        if (string.IsNullOrWhiteSpace(reason))
        {
            return CaseErrors.SendBackNeedsAReason();
        }

        if (target.Stage >= step.Stage)
        {
            return CaseErrors.SendBackOnlyToAnEarlierStep(target.Name);
        }

        step.SendBack(actor, now, reason);
        foreach (var between in _steps.Where(s => s != step && s.Stage > target.Stage && s.Stage <= step.Stage))
        {
            between.Reset();
        }

        target.Activate(now);
        Record(CaseAction.StepSentBack, actor, now, $"退回至“{target.Name}”：{step.Comment}", attachments, step.Key);
        return Result.Success;
    }

    /// <summary>
    /// The step an action (approve, send back, skip) is taken on, guarded in the order every such action
    /// checks: the steps are moving, the step (and <paramref name="alsoNeeded"/>, the other step the action
    /// names) exists, the step is active and <paramref name="actor"/> holds it.
    /// </summary>
    private Result<CaseStep> StepToActOn(string stepKey, CaseActor actor, string? alsoNeeded = null)
    {
        if (StepsMustBeMoving() is { } halted)
        {
            return halted;
        }

        if (FindStep(stepKey) is not { } step)
        {
            return CaseErrors.StepNotFound(stepKey);
        }

        if (alsoNeeded is not null && FindStep(alsoNeeded) is null)
        {
            return CaseErrors.StepNotFound(alsoNeeded);
        }

        return (StepMustBeActive(step) ?? ActorMustHoldTheStep(step, actor)) is { } refused ? refused : step;
    }

    /// <summary>转办: assigns a step that is not yet done to another account, with a reason.</summary>
    public Result Transfer(string stepKey, Guid toAccount, string reason, CaseActor actor, DateTimeOffset now, IReadOnlyList<string>? attachments = null)
    {
        if (HandlingMustBeOpen() is { } closed)
        {
            return closed;
        }

        if (FindStep(stepKey) is not { } step)
        {
            return CaseErrors.StepNotFound(stepKey);
        }

        if (step.IsDone)
        {
            return CaseErrors.StepIsAlreadyDone(step.Name);
        }

        if (toAccount == Guid.Empty)
        {
            return CaseErrors.TransferNeedsAnAccount();
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return CaseErrors.TransferNeedsAReason();
        }

        if (step.Assignee == toAccount)
        {
            return CaseErrors.StepIsAlreadyAssignedThere(step.Name);
        }

        step.AssignTo(toAccount);
        Record(CaseAction.StepTransferred, actor, now, reason, attachments, step.Key);
        return Result.Success;
    }

    /// <summary>Skips an active step this case does not need, with a reason; the flow moves on as if approved.</summary>
    public Result SkipStep(string stepKey, string reason, CaseActor actor, DateTimeOffset now, IReadOnlyList<string>? attachments = null)
    {
        if (!StepToActOn(stepKey, actor).TryGet(out var step, out var refused))
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return CaseErrors.SkipNeedsAReason();
        }

        step.Skip(actor, now, reason);
        Record(CaseAction.StepSkipped, actor, now, step.Comment, attachments, step.Key);
        AdvanceFrom(step.Stage, now);
        return Result.Success;
    }

    /// <summary>
    /// 决定: approve (准予许可) or deny (不予许可, reasons and legal basis required), once every step is
    /// done, nothing is owed and the clock is running. The clock ends here.
    /// </summary>
    public Result Decide(CaseDecision decision, CaseActor actor, DateTimeOffset now, IReadOnlyList<string>? attachments = null)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (DecisionMayBeTaken() is { } notReady)
        {
            return notReady;
        }

        if (_steps.Where(s => !s.IsDone).Select(s => s.Name).ToList() is { Count: > 0 } outstanding)
        {
            return CaseErrors.StepsAreOutstanding(Join(outstanding));
        }

        if (decision.Outcome == DecisionOutcome.Deny)
        {
            if (decision.Reasons is null)
            {
                return CaseErrors.DenialNeedsReasons();
            }

            if (decision.LegalBasis is null)
            {
                return CaseErrors.DenialNeedsALegalBasis();
            }
        }

        TakeDecision(decision, actor, now);
        var (action, comment) = decision.Outcome switch
        {
            DecisionOutcome.Approve => (CaseAction.Approved, decision.Comment),
            DecisionOutcome.Deny => (CaseAction.Denied, $"{decision.Reasons}；依据：{decision.LegalBasis}"),
        };
        Record(action, actor, now, comment, attachments);
        return Result.Success;
    }

    /// <summary>
    /// 秒批: when every rule over verified data passed, the whole back office is approved by
    /// <paramref name="actor"/> (normally <see cref="CaseActor.System"/>), the rules are recorded and the case
    /// is approved. Any failed rule: a conflict naming the failed rules, and nothing changes.
    /// </summary>
    public Result ApproveInstantly(IReadOnlyList<InstantApprovalRule> rules, CaseActor actor, DateTimeOffset now, IReadOnlyList<string>? attachments = null)
    {
        if (DecisionMayBeTaken() is { } notReady)
        {
            return notReady;
        }

        if (rules.Count == 0)
        {
            return CaseErrors.InstantApprovalNeedsRules();
        }

        if (rules.Where(r => !r.Passed).Select(r => r.Name).ToList() is { Count: > 0 } failed)
        {
            return CaseErrors.InstantApprovalRulesFailed(Join(failed));
        }

        foreach (var step in _steps.Where(s => !s.IsDone))
        {
            step.Approve(actor, now, "秒批", null);
        }

        _instantApprovalRules.Clear();
        _instantApprovalRules.AddRange(rules);
        TakeDecision(CaseDecision.Approve("秒批"), actor, now);
        Record(CaseAction.InstantlyApproved, actor, now, $"秒批，规则均通过：{Join(rules.Select(r => r.Name))}", attachments);
        return Result.Success;
    }

    /// <summary>签章: the decision document is sealed once, after the decision and before anything else changes it.</summary>
    public Result SignDecision(string signedPayload)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(signedPayload);
        if (Decision is null)
        {
            return CaseErrors.DecisionNotTaken();
        }

        if (DecisionSignature is not null)
        {
            return CaseErrors.DecisionAlreadySigned();
        }

        DecisionSignature = signedPayload;
        return Result.Success;
    }

    /// <summary>制证: records the issued result (decision document and/or licence) of an approved case.</summary>
    public Result RecordIssue(CaseIssuance issuance, CaseActor actor, DateTimeOffset now, IReadOnlyList<string>? attachments = null)
    {
        ArgumentNullException.ThrowIfNull(issuance);
        if (Status != CaseStatus.Approved)
        {
            return CaseErrors.OnlyAnApprovedCaseIsIssued(Status);
        }

        var document = CaseDecision.Clean(issuance.DocumentId);
        var licence = CaseDecision.Clean(issuance.LicenceId);
        if (document is null && licence is null)
        {
            return CaseErrors.IssueNeedsAResultReference();
        }

        Issuance = new CaseIssuance(document, licence);
        IssuedAt = now;
        Status = CaseStatus.Issued;
        Record(CaseAction.Issued, actor, now, Join(new[] { document, licence }.OfType<string>()), attachments);
        return Result.Success;
    }

    /// <summary>送达: the issued result (or the denial decision) handed over at the window against a pickup code, or posted.</summary>
    public Result Deliver(CaseDelivery delivery, CaseActor actor, DateTimeOffset now, IReadOnlyList<string>? attachments = null)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (Status is not (CaseStatus.Issued or CaseStatus.Denied))
        {
            return CaseErrors.NothingToDeliver(Status);
        }

        if (FullyOnline && delivery.Method == DeliveryMethod.WindowPickup)
        {
            return RemoteIntakeErrors.FullyOnlineIsNeverCollected();
        }

        if (RemoteIntake is { } remote && !remote.Allows(delivery.Method))
        {
            return RemoteIntakeErrors.DeliveryMustBeTheChosenOne(remote.ResultDelivery);
        }

        if (DeliveryMustBeComplete(delivery) is { } incomplete)
        {
            return incomplete;
        }

        Delivery = delivery;
        DeliveredAt = now;
        Status = CaseStatus.Delivered;
        var comment = delivery.Method switch
        {
            DeliveryMethod.WindowPickup => "窗口领取",
            DeliveryMethod.Post => $"邮寄：{delivery.Carrier} {delivery.TrackingNumber}",
            DeliveryMethod.Electronic => "电子送达",
        };
        Record(CaseAction.Delivered, actor, now, comment, attachments);
        return Result.Success;
    }

    /// <summary>办结.</summary>
    public Result Complete(CaseActor actor, DateTimeOffset now, string? comment = null, IReadOnlyList<string>? attachments = null)
    {
        if (Status != CaseStatus.Delivered)
        {
            return CaseErrors.CompleteOnlyAfterDelivery(Status);
        }

        CompletedAt = now;
        Status = CaseStatus.Completed;
        Record(CaseAction.Completed, actor, now, comment, attachments);
        return Result.Success;
    }

    /// <summary>撤回: the applicant withdraws the application, with a reason, at any point before a decision.</summary>
    public Result Withdraw(string reason, CaseActor actor, DateTimeOffset now, IReadOnlyList<string>? attachments = null)
    {
        var allowed = Status switch
        {
            CaseStatus.Submitted or CaseStatus.AwaitingCorrection or CaseStatus.Accepted
                or CaseStatus.AcceptedWithDeficiency or CaseStatus.DeficiencyOverdue => null,
            CaseStatus.Approved or CaseStatus.Denied or CaseStatus.Issued or CaseStatus.Delivered
                or CaseStatus.Completed or CaseStatus.Revoked => CaseErrors.WithdrawOnlyBeforeADecision(),
            CaseStatus.Draft or CaseStatus.Refused or CaseStatus.Withdrawn or CaseStatus.Terminated => CaseErrors.NothingToWithdraw(Status),
        };
        if (allowed is not null)
        {
            return allowed;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return CaseErrors.WithdrawalNeedsAReason();
        }

        if (Status == CaseStatus.Submitted)
        {
            IntakeDecidedAt = now;
        }

        if (ClockStartedAt is not null)
        {
            EndClock(now);
        }

        WithdrawalReason = reason.Trim();
        WithdrawnAt = now;
        Status = CaseStatus.Withdrawn;
        Record(CaseAction.Withdrawn, actor, now, WithdrawalReason, attachments);
        return Result.Success;
    }

    /// <summary>撤销: an approval granted under 告知承诺 is revoked after verification found the commitment false.</summary>
    public Result RevokeForFalseCommitment(string reason, CaseActor actor, DateTimeOffset now, IReadOnlyList<string>? attachments = null)
    {
        if (AcceptedAs != AcceptanceKind.UnderCommitment)
        {
            return CaseErrors.NotAcceptedUnderCommitment();
        }

        if (Status is not (CaseStatus.Approved or CaseStatus.Issued or CaseStatus.Delivered or CaseStatus.Completed))
        {
            return CaseErrors.OnlyAnApprovalIsRevoked(Status);
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return CaseErrors.RevocationNeedsAReason();
        }

        RevocationReason = reason.Trim();
        RevokedAt = now;
        Status = CaseStatus.Revoked;
        Record(CaseAction.Revoked, actor, now, RevocationReason, attachments);
        return Result.Success;
    }

    // ---- Clock ----------------------------------------------------------------------------------

    /// <summary>特别程序: stops the clock of an accepted case (one at a time), with the reason.</summary>
    public Result StartSpecialProcedure(SpecialProcedure procedure, string reason, CaseActor actor, DateTimeOffset now, IReadOnlyList<string>? attachments = null)
    {
        if (!Enum.IsDefined(procedure))
        {
            throw new ArgumentOutOfRangeException(nameof(procedure), procedure, "Undefined special procedure.");
        }

        if (Status is not (CaseStatus.Accepted or CaseStatus.AcceptedWithDeficiency or CaseStatus.DeficiencyOverdue))
        {
            return CaseErrors.SpecialProcedureNeedsAnAcceptedCase(Status);
        }

        if (OpenClockStop is not null)
        {
            return CaseErrors.ClockIsAlreadyStopped();
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return CaseErrors.SpecialProcedureNeedsAReason();
        }

        var stop = new ClockStop(ClockStopKind.SpecialProcedure, procedure, reason, actor, now);
        _clockStops.Add(stop);
        Record(CaseAction.SpecialProcedureStarted, actor, now, $"{CaseNames.Of(procedure)}：{stop.Reason}", attachments);
        return Result.Success;
    }

    /// <summary>Ends the running special procedure; the clock resumes.</summary>
    public Result EndSpecialProcedure(CaseActor actor, DateTimeOffset now, string? comment = null, IReadOnlyList<string>? attachments = null)
    {
        if (_clockStops.FirstOrDefault(s => s.IsOpen && s.Kind == ClockStopKind.SpecialProcedure) is not { } stop)
        {
            return CaseErrors.NoSpecialProcedureIsRunning();
        }

        stop.End(now);
        Record(CaseAction.SpecialProcedureEnded, actor, now, comment ?? CaseNames.Of(stop.Procedure!.Value), attachments);
        return Result.Success;
    }

    /// <summary>
    /// 延长: extends the statutory limit once, by 1 to <see cref="MaxExtensionWorkingDays"/> working days,
    /// approved by a superior (本机关负责人) who is not the requester, with a reason.
    /// </summary>
    public Result Extend(int workingDays, Guid approvedBy, string reason, CaseActor actor, DateTimeOffset now, WorkingCalendar calendar, TimeZoneInfo zone, IReadOnlyList<string>? attachments = null)
    {
        if (HandlingMustBeOpen() is { } closed)
        {
            return closed;
        }

        if (Extension is not null)
        {
            return CaseErrors.OnlyOneExtension();
        }

        if (workingDays < 1 || workingDays > MaxExtensionWorkingDays)
        {
            return CaseErrors.ExtensionOutOfRange(MaxExtensionWorkingDays);
        }

        if (approvedBy == Guid.Empty)
        {
            return CaseErrors.ExtensionNeedsASuperior();
        }

        if (approvedBy == actor.AccountId)
        {
            return CaseErrors.ExtensionApproverMustNotBeTheRequester();
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return CaseErrors.ExtensionNeedsAReason();
        }

        StatutoryBaseDeadline = calendar.DeadlineFor(StatutoryBaseDeadline!.Value, workingDays, TimeLimitUnit.WorkingDays, zone);
        Extension = new CaseExtension(workingDays, approvedBy, reason.Trim(), actor.AccountId, now);
        Record(CaseAction.Extended, actor, now, string.Create(CultureInfo.InvariantCulture, $"延长 {workingDays} 个工作日：{Extension.Reason}"), attachments);
        return Result.Success;
    }

    /// <summary>
    /// The deadlines in force: the base deadlines moved later by every working day a clock stop touched
    /// (a running stop counts up to <paramref name="now"/>). After the clock ended, as they stood then.
    /// </summary>
    public Result<CaseDeadlines> Deadlines(DateTimeOffset now, WorkingCalendar calendar, TimeZoneInfo zone)
    {
        if (ClockStartedAt is null)
        {
            return CaseErrors.ClockHasNotStarted(Status);
        }

        var at = ClockInstant(now);
        var pauses = _clockStops.Select(s => (s.StartedAt, s.EndedAt ?? (at > s.StartedAt ? at : s.StartedAt))).ToList();
        return new CaseDeadlines(
            calendar.ExtendForPauses(PromisedBaseDeadline!.Value, pauses, zone, UnitOf(PromisedLimit)),
            calendar.ExtendForPauses(StatutoryBaseDeadline!.Value, pauses, zone, UnitOf(StatutoryLimit)));
    }

    /// <summary>
    /// Remaining working days to the promised and statutory deadlines and the warning level: Red once a
    /// deadline passed, Yellow when the used share of a limit reaches <see cref="CasePolicy.WarningShare"/>,
    /// Paused while the clock is stopped. A limit in working hours is measured in office time instead: the
    /// share used is of its office minutes, and <see cref="DeadlineStatus.RemainingWorkingTime"/> says what is left.
    /// </summary>
    public Result<CaseTimeStatus> TimeStatus(DateTimeOffset now, WorkingCalendar calendar, TimeZoneInfo zone, CasePolicy? policy = null)
    {
        policy ??= CasePolicy.Default;
        if (!Deadlines(now, calendar, zone).TryGet(out var deadlines, out var error))
        {
            return error;
        }

        var at = ClockInstant(now);
        var promised = Assess(PromisedBaseDeadline!.Value, deadlines.Promised, UnitOf(PromisedLimit));
        var statutory = Assess(StatutoryBaseDeadline!.Value, deadlines.Statutory, UnitOf(StatutoryLimit));
        var ended = ClockEndedAt is not null && ClockEndedAt <= now;
        var worst = (TimeWarning)Math.Max((int)promised.Level, (int)statutory.Level);
        var level = !ended && OpenClockStop is not null ? TimeWarning.Paused : worst;
        return new CaseTimeStatus(level, promised, statutory, ended);

        DeadlineStatus Assess(DateTimeOffset baseDeadline, DateTimeOffset effective, TimeLimitUnit unit)
        {
            var limit = calendar.ElapsedWorkingDays(ClockStartedAt!.Value, baseDeadline, zone);
            var remaining = calendar.RemainingWorkingDays(at, effective, zone);
            var overdue = at > effective;
            if (unit == TimeLimitUnit.WorkingHours)
            {
                var span = calendar.WorkingTimeBetween(ClockStartedAt!.Value, baseDeadline, zone);
                var left = calendar.RemainingWorkingTime(at, effective, zone);
                var share = span <= TimeSpan.Zero ? (overdue ? 1.0 : 0.0) : Math.Max(0.0, (span - left) / span);
                return new DeadlineStatus(effective, remaining, limit, share, Level(overdue, share))
                {
                    Unit = unit,
                    RemainingWorkingTime = left,
                    LimitWorkingTime = span,
                };
            }

            var used = limit == 0 ? (overdue ? 1.0 : 0.0) : Math.Max(0.0, (limit - remaining) / (double)limit);
            return new DeadlineStatus(effective, remaining, limit, used, Level(overdue, used)) { Unit = unit };
        }

        TimeWarning Level(bool overdue, double used) =>
            overdue ? TimeWarning.Red : used >= policy.WarningShare ? TimeWarning.Yellow : TimeWarning.Normal;
    }

    // ---- Rules ----------------------------------------------------------------------------------

    private Error? DraftMustBeOpen() => Status == CaseStatus.Draft ? null : CaseErrors.OnlyADraftChanges(Status);

    private Error? IntakeMustBeOpen() => Status == CaseStatus.Submitted ? null : CaseErrors.NotAwaitingIntake(Status);

    private Error? CommitmentsNeedCommitmentAcceptance() =>
        _materials.Any(m => m.Route == MaterialRoute.Commitment) ? CaseErrors.CommitmentsNeedCommitmentAcceptance() : null;

    private Error? CommitmentsMustBeAccepted(IEnumerable<CaseMaterial> materials) =>
        materials.Where(m => m.Route == MaterialRoute.Commitment && FindMaterial(m.Key) is { CommitmentAccepted: false })
            .Select(m => FindMaterial(m.Key)!.Name).ToList() is { Count: > 0 } names
            ? CaseErrors.CommitmentCannotReplace(Join(names))
            : null;

    private static Error? CommitmentMustBeAllowed(CaseTerms terms, ApplicantStanding standing)
    {
        if (terms.PublicSafety)
        {
            return CaseErrors.NoCommitmentForHighRiskItems();
        }

        if (!terms.CommitmentAllowed)
        {
            return CaseErrors.ItemDoesNotAllowCommitment();
        }

        if (standing.SeriousBadCredit)
        {
            return CaseErrors.NoCommitmentWithSeriousBadCredit();
        }

        return standing.PastFalseCommitment ? CaseErrors.NoCommitmentAfterAFalseOne() : null;
    }

    /// <summary>Steps may be approved, sent back or skipped: accepted (with or without owed materials), not suspended after a second 容缺 notice.</summary>
    private Error? StepsMustBeMoving() => Status switch
    {
        CaseStatus.Accepted or CaseStatus.AcceptedWithDeficiency => null,
        CaseStatus.DeficiencyOverdue => CaseErrors.SuspendedUntilOwedMaterialsArrive(),
        CaseStatus.Draft or CaseStatus.Submitted or CaseStatus.AwaitingCorrection or CaseStatus.Refused
            or CaseStatus.Approved or CaseStatus.Denied or CaseStatus.Issued or CaseStatus.Delivered or CaseStatus.Completed
            or CaseStatus.Withdrawn or CaseStatus.Terminated or CaseStatus.Revoked => CaseErrors.NotInTheBackOffice(Status),
    };

    /// <summary>The case is accepted and not yet decided.</summary>
    private Error? HandlingMustBeOpen() => Status switch
    {
        CaseStatus.Accepted or CaseStatus.AcceptedWithDeficiency or CaseStatus.DeficiencyOverdue => null,
        CaseStatus.Draft or CaseStatus.Submitted or CaseStatus.AwaitingCorrection or CaseStatus.Refused
            or CaseStatus.Approved or CaseStatus.Denied or CaseStatus.Issued or CaseStatus.Delivered or CaseStatus.Completed
            or CaseStatus.Withdrawn or CaseStatus.Terminated or CaseStatus.Revoked => CaseErrors.NotInTheBackOffice(Status),
    };

    private Error? DecisionMayBeTaken()
    {
        var status = Status switch
        {
            CaseStatus.Accepted => null,
            CaseStatus.AcceptedWithDeficiency or CaseStatus.DeficiencyOverdue => CaseErrors.OwedMaterialsComeFirst(Join(OwedMaterials.Select(m => m.Name))),
            CaseStatus.Draft or CaseStatus.Submitted or CaseStatus.AwaitingCorrection or CaseStatus.Refused
                or CaseStatus.Approved or CaseStatus.Denied or CaseStatus.Issued or CaseStatus.Delivered or CaseStatus.Completed
                or CaseStatus.Withdrawn or CaseStatus.Terminated or CaseStatus.Revoked => CaseErrors.NotInTheBackOffice(Status),
        };
        return status ?? (OpenClockStop is not null ? CaseErrors.NoDecisionWhileTheClockIsStopped() : null);
    }

    private Error? SupplementMayBeReceived(DateTimeOffset now) => Status switch
    {
        CaseStatus.AcceptedWithDeficiency => null,
        CaseStatus.DeficiencyOverdue => now <= Deficiency!.GraceDeadline ? null : CaseErrors.GracePeriodHasEnded(),
        CaseStatus.Draft or CaseStatus.Submitted or CaseStatus.AwaitingCorrection or CaseStatus.Refused or CaseStatus.Accepted
            or CaseStatus.Approved or CaseStatus.Denied or CaseStatus.Issued or CaseStatus.Delivered or CaseStatus.Completed
            or CaseStatus.Withdrawn or CaseStatus.Terminated or CaseStatus.Revoked => CaseErrors.NoMaterialsAreOwed(Status),
    };

    private static Error? StepMustBeActive(CaseStep step) => step.Status == CaseStepStatus.Active ? null : CaseErrors.StepIsNotActive(step.Name);

    /// <summary>An assigned step belongs to its assignee; an unassigned one to anyone acting in its role.</summary>
    private static Error? ActorMustHoldTheStep(CaseStep step, CaseActor actor)
    {
        if (step.Assignee is { } assignee && assignee != actor.AccountId)
        {
            return CaseErrors.StepIsAssignedToSomeoneElse(step.Name);
        }

        return string.Equals(step.Role, actor.Role, StringComparison.Ordinal) ? null : CaseErrors.StepNeedsItsRole(step.Name, step.Role);
    }

    private static Error? DeliveryMustBeComplete(CaseDelivery delivery) => delivery.Method switch
    {
        DeliveryMethod.WindowPickup => delivery.PickupCode is null ? CaseErrors.PickupNeedsACode() : null,
        DeliveryMethod.Post => delivery.Address is null ? CaseErrors.PostNeedsAnAddress()
            : delivery.Carrier is null ? CaseErrors.PostNeedsACarrier()
            : delivery.TrackingNumber is null ? CaseErrors.PostNeedsATrackingNumber()
            : null,
        DeliveryMethod.Electronic => null,
    };

    /// <summary>Builds the steps from the plan: keys unique, names and roles present, a parallel group's steps adjacent.</summary>
    private static Result<List<CaseStep>> PlanSteps(CaseTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.StatutoryLimit.Amount < 0 || terms.PromisedLimit.Amount < 0 || terms.MaxExtensionWorkingDays < 0)
        {
            return CaseErrors.LimitsMustNotBeNegative();
        }

        if (terms.Steps.Count == 0)
        {
            return CaseErrors.ProcessNeedsSteps();
        }

        var steps = new List<CaseStep>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var finishedGroups = new HashSet<string>(StringComparer.Ordinal);
        string? currentGroup = null;
        var stage = -1;
        foreach (var (plan, order) in terms.Steps.Select((p, i) => (p, i)))
        {
            if (string.IsNullOrWhiteSpace(plan.Key) || string.IsNullOrWhiteSpace(plan.Name) || string.IsNullOrWhiteSpace(plan.Role))
            {
                return CaseErrors.StepNeedsKeyNameAndRole(order + 1);
            }

            if (!keys.Add(plan.Key.Trim()))
            {
                return CaseErrors.StepKeyIsDuplicated(plan.Key.Trim());
            }

            var group = string.IsNullOrWhiteSpace(plan.ParallelGroup) ? null : plan.ParallelGroup.Trim();
            if (group is null || group != currentGroup)
            {
                if (currentGroup is not null)
                {
                    finishedGroups.Add(currentGroup);
                }

                if (group is not null && finishedGroups.Contains(group))
                {
                    return CaseErrors.ParallelStepsMustBeAdjacent(group);
                }

                stage++;
            }

            currentGroup = group;
            steps.Add(new CaseStep(plan, order, stage));
        }

        return steps;
    }

    // ---- Mechanics ------------------------------------------------------------------------------

    private static TimeLimitUnit UnitOf(CaseTimeLimit? limit) => limit?.Unit ?? TimeLimitUnit.WorkingDays;

    private bool IsPastIntake(DateTimeOffset now, WorkingCalendar calendar, TimeZoneInfo zone) =>
        ReceivedAt is not null && now > IntakeDeadline(calendar, zone)!.Value;

    private void StartHandling(AcceptanceKind kind, CaseTerms terms, List<CaseStep> steps, DateTimeOffset now, WorkingCalendar calendar, TimeZoneInfo zone)
    {
        DeemedAccepted = IsPastIntake(now, calendar, zone);
        var clockStart = DeemedAccepted ? ReceivedAt!.Value : now;
        AcceptedAs = kind;
        AcceptedAt = now;
        IntakeDecidedAt = now;
        ClockStartedAt = clockStart;
        StatutoryLimit = terms.StatutoryLimit;
        PromisedLimit = terms.PromisedLimit;
        MaxExtensionWorkingDays = terms.MaxExtensionWorkingDays;
        StatutoryBaseDeadline = calendar.DeadlineFor(clockStart, terms.StatutoryLimit.Amount, terms.StatutoryLimit.Unit, zone);
        PromisedBaseDeadline = calendar.DeadlineFor(clockStart, terms.PromisedLimit.Amount, terms.PromisedLimit.Unit, zone);
        _steps.Clear();
        _steps.AddRange(steps);
        ActivateStage(0, now);
        Status = kind switch
        {
            AcceptanceKind.Standard or AcceptanceKind.UnderCommitment => CaseStatus.Accepted,
            AcceptanceKind.WithDeficiency => CaseStatus.AcceptedWithDeficiency,
        };
    }

    private void TakeDecision(CaseDecision decision, CaseActor actor, DateTimeOffset now)
    {
        Decision = decision;
        DecidedAt = now;
        DecidedBy = actor.AccountId;
        EndClock(now);
        Status = decision.Outcome switch
        {
            DecisionOutcome.Approve => CaseStatus.Approved,
            DecisionOutcome.Deny => CaseStatus.Denied,
        };
    }

    private void EndClock(DateTimeOffset now)
    {
        foreach (var stop in _clockStops.Where(c => c.IsOpen))
        {
            stop.End(now);
        }

        ClockEndedAt = now;
    }

    private DateTimeOffset ClockInstant(DateTimeOffset now) => ClockEndedAt is { } end && end < now ? end : now;

    private void AdvanceFrom(int stage, DateTimeOffset now)
    {
        if (_steps.Where(s => s.Stage == stage).All(s => s.IsDone))
        {
            ActivateStage(stage + 1, now);
        }
    }

    private void ActivateStage(int stage, DateTimeOffset now)
    {
        var steps = _steps.Where(s => s.Stage == stage).ToList();
        if (steps.Count == 0)
        {
            return;
        }

        foreach (var step in steps.Where(s => !s.IsDone))
        {
            step.Activate(now);
        }

        // The transition recorded before its next stage opened.
        TrackOpenStep();
        AdvanceFrom(stage, now);
    }

    private CaseStep? FindStep(string key) => _steps.FirstOrDefault(s => s.Key == key?.Trim());

    private CaseMaterial? FindMaterial(string key) => _materials.FirstOrDefault(m => m.Key == key?.Trim());

    private void ReplaceMaterial(CaseMaterial material, DateTimeOffset now)
    {
        var index = _materials.FindIndex(m => m.Key == material.Key);
        _materials[index] = material.Replacing(_materials[index], now);
    }

    private void Record(CaseAction action, CaseActor actor, DateTimeOffset now, string? comment, IReadOnlyList<string>? attachments = null, string? stepKey = null)
    {
        _history.Add(new CaseEvent(now, actor, action, Status, comment, attachments, stepKey));

        // 多地联办: every transition records, so the region of the step now open stays current.
        TrackOpenStep();
    }

    /// <summary>多地联办: notes the other region (and its department) whose step is active now, for their list.</summary>
    private void TrackOpenStep()
    {
        var foreign = _steps.FirstOrDefault(s => s.Status == CaseStepStatus.Active && s.Region is not null && s.Region != RegionCode.Value);
        OpenStepRegion = foreign is null ? null : RegionCode.FromTrusted(foreign.Region!);
        OpenStepDepartmentId = foreign?.DepartmentId;
    }

    private static void Replace(Dictionary<string, string> target, IReadOnlyDictionary<string, string> source)
    {
        target.Clear();
        foreach (var (key, value) in source)
        {
            target[key.Trim()] = value;
        }
    }

    private static void Refill<T>(List<T> target, IEnumerable<T> source)
    {
        target.Clear();
        target.AddRange(source);
    }

    private static string Join(IEnumerable<string> names) => string.Join(ListSeparator, names);

    private static string LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString(DateFormat, CultureInfo.InvariantCulture);
}
