using Tongban.Domain.Primitives;

namespace Tongban.Domain.Cases;

/// <summary>
/// The rules a case transition can break, one named factory per rule. Codes are stable (API clients
/// and tests use them); the Chinese messages live in Resources/Messages.resx under the same codes.
/// </summary>
public static class CaseErrors
{
    public const string ApplicantNeedsANameCode = "case.applicant-name-required";
    public const string ApplicantNameTooLongCode = "case.applicant-name-too-long";
    public const string AssistedFilingNeedsAClerkCode = "case.assisted-filing-clerk-required";
    public const string AssistedFilingNeedsThePersonCode = "case.assisted-filing-person-required";
    public const string AssistedFilingNeedsConsentCode = "case.assisted-filing-consent-required";
    public const string AssistedFilingIsFiledByTheClerkCode = "case.assisted-filing-filed-by-clerk";
    public const string ImplementationVersionMustBePublishedCode = "case.implementation-version-required";
    public const string OnlyADraftChangesCode = "case.not-a-draft";
    public const string KeysMustNotBeBlankCode = "case.key-required";
    public const string MaterialNotFoundCode = "case.material-not-found";
    public const string FileNeedsAStorageKeyCode = "case.file-storage-key-required";
    public const string FileHashMustBeSha256Code = "case.file-sha256-invalid";
    public const string FileMustNotBeEmptyCode = "case.file-empty";
    public const string FileNeedsAContentTypeCode = "case.file-content-type-required";
    public const string FileNeedsANameCode = "case.file-name-required";
    public const string MaterialNeedsAKeyCode = "case.material-key-required";
    public const string MaterialNeedsAReferenceCode = "case.material-reference-required";
    public const string CommitmentNeedsItsTextCode = "case.commitment-text-required";
    public const string NumberBelongsToAnotherImplementationCode = "case.number-of-another-implementation";
    public const string MaterialsNotOnTheListCode = "case.materials-not-on-the-list";
    public const string RequiredMaterialsMustBeProvidedOrMarkedMissingCode = "case.required-material-unaccounted";
    public const string CommitmentCannotReplaceCode = "case.commitment-cannot-replace";
    public const string NotAwaitingIntakeCode = "case.not-awaiting-intake";
    public const string CorrectionNoticeMustListSomethingCode = "case.correction-needs-items";
    public const string CorrectionNamesAnUnknownMaterialCode = "case.correction-unknown-material";
    public const string CorrectionItemNeedsAReasonCode = "case.correction-item-needs-reason";
    public const string CorrectionListsAMaterialTwiceCode = "case.correction-duplicate-material";
    public const string CorrectionMustListEveryMissingMaterialCode = "case.correction-must-list-all-missing";
    public const string NoCorrectionWasRequestedCode = "case.not-awaiting-correction";
    public const string MaterialWasNotRequestedCode = "case.material-not-requested";
    public const string CorrectionMustSupplyEverythingCode = "case.correction-incomplete";
    public const string RefusalNeedsAReasonCode = "case.refusal-needs-reason";
    public const string RequiredMaterialsAreMissingCode = "case.required-materials-missing";
    public const string CommitmentsNeedCommitmentAcceptanceCode = "case.commitment-needs-commitment-acceptance";
    public const string NothingIsMissingCode = "case.deficiency-nothing-missing";
    public const string KeyMaterialsCannotBeOwedCode = "case.deficiency-not-for-key-material";
    public const string DeficiencyNeedsASignedCommitmentCode = "case.deficiency-commitment-required";
    public const string SupplementPeriodMustBePositiveCode = "case.deficiency-period-invalid";
    public const string SupplementDeadlineBeyondThePromiseCode = "case.deficiency-deadline-beyond-promise";
    public const string ItemDoesNotAllowCommitmentCode = "case.commitment-not-allowed-for-item";
    public const string NoCommitmentForHighRiskItemsCode = "case.commitment-not-for-high-risk-item";
    public const string NoCommitmentWithSeriousBadCreditCode = "case.commitment-applicant-bad-credit";
    public const string NoCommitmentAfterAFalseOneCode = "case.commitment-applicant-false-commitment";
    public const string LimitsMustNotBeNegativeCode = "case.limit-negative";
    public const string ProcessNeedsStepsCode = "case.process-required";
    public const string StepNeedsKeyNameAndRoleCode = "case.step-incomplete";
    public const string StepKeyIsDuplicatedCode = "case.step-key-duplicate";
    public const string ParallelStepsMustBeAdjacentCode = "case.parallel-group-not-adjacent";
    public const string NoMaterialsAreOwedCode = "case.no-materials-owed";
    public const string GracePeriodHasEndedCode = "case.deficiency-grace-expired";
    public const string SupplementNeedsMaterialsCode = "case.supplement-needs-materials";
    public const string MaterialIsNotOwedCode = "case.material-not-owed";
    public const string SupplementMustProvideTheMaterialCode = "case.supplement-must-provide";
    public const string SuspendedUntilOwedMaterialsArriveCode = "case.suspended-awaiting-owed-materials";
    public const string OwedMaterialsComeFirstCode = "case.deficiency-outstanding";
    public const string NotInTheBackOfficeCode = "case.not-in-back-office";
    public const string StepNotFoundCode = "case.step-not-found";
    public const string StepIsNotActiveCode = "case.step-not-active";
    public const string StepIsAssignedToSomeoneElseCode = "case.step-assigned-to-another";
    public const string StepNeedsItsRoleCode = "case.step-wrong-role";
    public const string SendBackNeedsAReasonCode = "case.send-back-needs-reason";
    public const string SendBackOnlyToAnEarlierStepCode = "case.send-back-only-to-earlier-step";
    public const string StepIsAlreadyDoneCode = "case.step-already-done";
    public const string TransferNeedsAnAccountCode = "case.transfer-needs-account";
    public const string TransferNeedsAReasonCode = "case.transfer-needs-reason";
    public const string StepIsAlreadyAssignedThereCode = "case.transfer-to-current-assignee";
    public const string SkipNeedsAReasonCode = "case.skip-needs-reason";
    public const string StepsAreOutstandingCode = "case.steps-outstanding";
    public const string NoDecisionWhileTheClockIsStoppedCode = "case.clock-stopped";
    public const string DenialNeedsReasonsCode = "case.denial-needs-reasons";
    public const string DenialNeedsALegalBasisCode = "case.denial-needs-legal-basis";
    public const string InstantApprovalNeedsRulesCode = "case.instant-approval-needs-rules";
    public const string InstantApprovalRulesFailedCode = "case.instant-approval-rules-failed";
    public const string OnlyAnApprovedCaseIsIssuedCode = "case.not-approved";
    public const string IssueNeedsAResultReferenceCode = "case.result-needs-reference";
    public const string DecisionNotTakenCode = "case.decision-not-taken";
    public const string DecisionAlreadySignedCode = "case.decision-already-signed";
    public const string NothingToDeliverCode = "case.nothing-to-deliver";
    public const string PickupNeedsACodeCode = "case.delivery-pickup-code-required";
    public const string PostNeedsAnAddressCode = "case.delivery-address-required";
    public const string PostNeedsACarrierCode = "case.delivery-carrier-required";
    public const string PostNeedsATrackingNumberCode = "case.delivery-tracking-number-required";
    public const string CompleteOnlyAfterDeliveryCode = "case.not-delivered";
    public const string WithdrawOnlyBeforeADecisionCode = "case.withdrawal-after-decision";
    public const string NothingToWithdrawCode = "case.nothing-to-withdraw";
    public const string WithdrawalNeedsAReasonCode = "case.withdrawal-needs-reason";
    public const string NotAcceptedUnderCommitmentCode = "case.not-under-commitment";
    public const string OnlyAnApprovalIsRevokedCode = "case.revocation-needs-approval";
    public const string RevocationNeedsAReasonCode = "case.revocation-needs-reason";
    public const string SpecialProcedureNeedsAnAcceptedCaseCode = "case.special-procedure-needs-accepted-case";
    public const string ClockIsAlreadyStoppedCode = "case.clock-already-stopped";
    public const string SpecialProcedureNeedsAReasonCode = "case.special-procedure-needs-reason";
    public const string NoSpecialProcedureIsRunningCode = "case.no-special-procedure-running";
    public const string OnlyOneExtensionCode = "case.extension-already-granted";
    public const string ExtensionOutOfRangeCode = "case.extension-days-out-of-range";
    public const string ExtensionNeedsASuperiorCode = "case.extension-needs-superior";
    public const string ExtensionApproverMustNotBeTheRequesterCode = "case.extension-approver-is-requester";
    public const string ExtensionNeedsAReasonCode = "case.extension-needs-reason";
    public const string ClockHasNotStartedCode = "case.clock-not-started";

    /// <summary>请填写申请人名称。</summary>
    public static Invalid ApplicantNeedsAName() => new(ApplicantNeedsANameCode) { Field = "Name" };

    /// <summary>申请人名称不能超过 {0} 个字。</summary>
    public static Invalid ApplicantNameTooLong(int max) => new(ApplicantNameTooLongCode, max) { Field = "Name" };

    /// <summary>帮办代办须记录代办工作人员。</summary>
    public static Invalid AssistedFilingNeedsAClerk() => new(AssistedFilingNeedsAClerkCode) { Field = "ClerkAccountId" };

    /// <summary>帮办代办须写明为谁代办。</summary>
    public static Invalid AssistedFilingNeedsThePerson() => new(AssistedFilingNeedsThePersonCode) { Field = "OnBehalfOf" };

    /// <summary>帮办代办须有被代办人的同意（同意书内容或已签署的同意书）。</summary>
    public static Invalid AssistedFilingNeedsConsent() => new(AssistedFilingNeedsConsentCode) { Field = "Consent" };

    /// <summary>帮办代办的申请须由代办工作人员本人提交。</summary>
    public static Invalid AssistedFilingIsFiledByTheClerk() => new(AssistedFilingIsFiledByTheClerkCode) { Field = "ClerkAccountId" };

    /// <summary>只能按已发布的实施清单版本申请。</summary>
    public static Invalid ImplementationVersionMustBePublished() => new(ImplementationVersionMustBePublishedCode) { Field = "ImplementationVersion" };

    /// <summary>办件已提交（当前状态：{0}），不能再修改申请内容。</summary>
    public static Conflict OnlyADraftChanges(CaseStatus status) => new(OnlyADraftChangesCode, CaseNames.Of(status));

    public static Invalid WindowIntakeIsAtAWindow() => new("case.window-intake-not-window");

    /// <summary>情形和表单项的标识不能为空。</summary>
    public static Invalid KeysMustNotBeBlank() => new(KeysMustNotBeBlankCode);

    /// <summary>办件中没有材料“{0}”。</summary>
    public static NotFound MaterialNotFound(string key) => new(MaterialNotFoundCode, key);

    /// <summary>文件缺少存储位置。</summary>
    public static Invalid FileNeedsAStorageKey() => new(FileNeedsAStorageKeyCode) { Field = "StorageKey" };

    /// <summary>文件摘要应为 64 位十六进制的 SHA-256 值。</summary>
    public static Invalid FileHashMustBeSha256() => new(FileHashMustBeSha256Code) { Field = "Sha256" };

    /// <summary>文件是空的，请重新上传。</summary>
    public static Invalid FileMustNotBeEmpty() => new(FileMustNotBeEmptyCode) { Field = "Size" };

    /// <summary>文件缺少类型。</summary>
    public static Invalid FileNeedsAContentType() => new(FileNeedsAContentTypeCode) { Field = "ContentType" };

    /// <summary>文件缺少文件名。</summary>
    public static Invalid FileNeedsAName() => new(FileNeedsANameCode) { Field = "FileName" };

    /// <summary>材料缺少标识。</summary>
    public static Invalid MaterialNeedsAKey() => new(MaterialNeedsAKeyCode) { Field = "Key" };

    /// <summary>材料“{0}”缺少电子证照或共享数据的引用。</summary>
    public static Invalid MaterialNeedsAReference(string key) => new(MaterialNeedsAReferenceCode, key);

    /// <summary>请填写承诺内容。</summary>
    public static Invalid CommitmentNeedsItsText() => new(CommitmentNeedsItsTextCode) { Field = "Commitment" };

    /// <summary>办件编号 {0} 不属于本事项。</summary>
    public static Invalid NumberBelongsToAnotherImplementation(string number) => new(NumberBelongsToAnotherImplementationCode, number) { Field = "Number" };

    /// <summary>以下材料不在当前办理情形的材料清单中，请删除：{0}。</summary>
    public static Invalid MaterialsNotOnTheList(string keys) => new(MaterialsNotOnTheListCode, keys) { Field = "Materials" };

    /// <summary>以下必要材料尚未提供，也未标记为缺件：{0}。</summary>
    public static Invalid RequiredMaterialsMustBeProvidedOrMarkedMissing(string names) => new(RequiredMaterialsMustBeProvidedOrMarkedMissingCode, names) { Field = "Materials" };

    /// <summary>以下材料不能以告知承诺代替：{0}。</summary>
    public static Invalid CommitmentCannotReplace(string names) => new(CommitmentCannotReplaceCode, names) { Field = "Materials" };

    /// <summary>办件当前状态为“{0}”，不在待受理状态。</summary>
    public static Conflict NotAwaitingIntake(CaseStatus status) => new(NotAwaitingIntakeCode, CaseNames.Of(status));

    /// <summary>补正告知须列明需要补正的材料。</summary>
    public static Invalid CorrectionNoticeMustListSomething() => new(CorrectionNoticeMustListSomethingCode) { Field = "Items" };

    /// <summary>补正告知中的材料“{0}”不在本办件的材料中。</summary>
    public static Invalid CorrectionNamesAnUnknownMaterial(string key) => new(CorrectionNamesAnUnknownMaterialCode, key) { Field = "Items" };

    /// <summary>请写明材料“{0}”需要补正的原因。</summary>
    public static Invalid CorrectionItemNeedsAReason(string name) => new(CorrectionItemNeedsAReasonCode, name) { Field = "Items" };

    /// <summary>材料“{0}”在补正告知中重复出现。</summary>
    public static Invalid CorrectionListsAMaterialTwice(string name) => new(CorrectionListsAMaterialTwiceCode, name) { Field = "Items" };

    /// <summary>补正告知须一次性列明全部缺少的材料，还缺：{0}。</summary>
    public static Invalid CorrectionMustListEveryMissingMaterial(string names) => new(CorrectionMustListEveryMissingMaterialCode, names) { Field = "Items" };

    /// <summary>办件当前状态为“{0}”，没有待补正的材料。</summary>
    public static Conflict NoCorrectionWasRequested(CaseStatus status) => new(NoCorrectionWasRequestedCode, CaseNames.Of(status));

    /// <summary>补正告知没有要求补正材料“{0}”。</summary>
    public static Invalid MaterialWasNotRequested(string name) => new(MaterialWasNotRequestedCode, name) { Field = "Materials" };

    /// <summary>请补正补正告知列明的全部材料，还缺：{0}。</summary>
    public static Invalid CorrectionMustSupplyEverything(string names) => new(CorrectionMustSupplyEverythingCode, names) { Field = "Materials" };

    /// <summary>不予受理须写明理由。</summary>
    public static Invalid RefusalNeedsAReason() => new(RefusalNeedsAReasonCode) { Field = "Reason" };

    /// <summary>必要材料不齐，不能直接受理（可补正告知或容缺受理）：{0}。</summary>
    public static Conflict RequiredMaterialsAreMissing(string names) => new(RequiredMaterialsAreMissingCode, names);

    /// <summary>申请中有以承诺代替的材料，须按告知承诺方式受理。</summary>
    public static Conflict CommitmentsNeedCommitmentAcceptance() => new(CommitmentsNeedCommitmentAcceptanceCode);

    /// <summary>材料齐全，无需容缺受理，请直接受理。</summary>
    public static Conflict NothingIsMissing() => new(NothingIsMissingCode);

    /// <summary>以下材料为主要材料或不允许容缺，不能容缺受理：{0}。</summary>
    public static Conflict KeyMaterialsCannotBeOwed(string names) => new(KeyMaterialsCannotBeOwedCode, names);

    /// <summary>容缺受理须有申请人签署的补齐材料承诺。</summary>
    public static Invalid DeficiencyNeedsASignedCommitment() => new(DeficiencyNeedsASignedCommitmentCode) { Field = "Commitment" };

    /// <summary>补齐材料的期限至少为 1 天。</summary>
    public static Invalid SupplementPeriodMustBePositive() => new(SupplementPeriodMustBePositiveCode) { Field = "SupplementPeriod" };

    /// <summary>补齐材料的期限（{0}）不能晚于承诺办结期限（{1}）。</summary>
    public static Invalid SupplementDeadlineBeyondThePromise(string deadline, string promised) => new(SupplementDeadlineBeyondThePromiseCode, deadline, promised) { Field = "SupplementPeriod" };

    /// <summary>本事项不实行告知承诺制。</summary>
    public static Conflict ItemDoesNotAllowCommitment() => new(ItemDoesNotAllowCommitmentCode);

    /// <summary>涉及国家安全、公共安全等高风险的事项不适用告知承诺制。</summary>
    public static Conflict NoCommitmentForHighRiskItems() => new(NoCommitmentForHighRiskItemsCode);

    /// <summary>申请人有严重失信记录，不适用告知承诺制。</summary>
    public static Conflict NoCommitmentWithSeriousBadCredit() => new(NoCommitmentWithSeriousBadCreditCode);

    /// <summary>申请人曾作出虚假承诺，不适用告知承诺制。</summary>
    public static Conflict NoCommitmentAfterAFalseOne() => new(NoCommitmentAfterAFalseOneCode);

    /// <summary>办结时限不能为负数。</summary>
    public static Invalid LimitsMustNotBeNegative() => new(LimitsMustNotBeNegativeCode);

    /// <summary>办理流程至少要有一个审批环节。</summary>
    public static Invalid ProcessNeedsSteps() => new(ProcessNeedsStepsCode) { Field = "Steps" };

    /// <summary>第 {0} 个审批环节须有标识、名称和办理角色。</summary>
    public static Invalid StepNeedsKeyNameAndRole(int position) => new(StepNeedsKeyNameAndRoleCode, position) { Field = "Steps" };

    /// <summary>审批环节标识“{0}”重复。</summary>
    public static Invalid StepKeyIsDuplicated(string key) => new(StepKeyIsDuplicatedCode, key) { Field = "Steps" };

    /// <summary>并联环节组“{0}”的环节须相邻排列。</summary>
    public static Invalid ParallelStepsMustBeAdjacent(string group) => new(ParallelStepsMustBeAdjacentCode, group) { Field = "Steps" };

    /// <summary>办件当前状态为“{0}”，没有待补齐的容缺材料。</summary>
    public static Conflict NoMaterialsAreOwed(CaseStatus status) => new(NoMaterialsAreOwedCode, CaseNames.Of(status));

    /// <summary>再次告知后的补齐期限已过，不予办理。</summary>
    public static Conflict GracePeriodHasEnded() => new(GracePeriodHasEndedCode);

    /// <summary>请提交需要补齐的材料。</summary>
    public static Invalid SupplementNeedsMaterials() => new(SupplementNeedsMaterialsCode) { Field = "Materials" };

    /// <summary>材料“{0}”不是待补齐的容缺材料。</summary>
    public static Invalid MaterialIsNotOwed(string name) => new(MaterialIsNotOwedCode, name) { Field = "Materials" };

    /// <summary>请提交材料“{0}”本身，不能再次标记为缺件。</summary>
    public static Invalid SupplementMustProvideTheMaterial(string name) => new(SupplementMustProvideTheMaterialCode, name) { Field = "Materials" };

    /// <summary>容缺材料逾期未补齐，已再次告知，补齐前暂停办理。</summary>
    public static Conflict SuspendedUntilOwedMaterialsArrive() => new(SuspendedUntilOwedMaterialsArriveCode);

    /// <summary>容缺材料尚未补齐，不能作出决定：{0}。</summary>
    public static Conflict OwedMaterialsComeFirst(string names) => new(OwedMaterialsComeFirstCode, names);

    /// <summary>办件当前状态为“{0}”，不在审批办理中。</summary>
    public static Conflict NotInTheBackOffice(CaseStatus status) => new(NotInTheBackOfficeCode, CaseNames.Of(status));

    /// <summary>办件中没有审批环节“{0}”。</summary>
    public static NotFound StepNotFound(string key) => new(StepNotFoundCode, key);

    /// <summary>“{0}”环节当前不在办理中。</summary>
    public static Conflict StepIsNotActive(string name) => new(StepIsNotActiveCode, name);

    /// <summary>“{0}”环节已分配给其他人员办理。</summary>
    public static Forbidden StepIsAssignedToSomeoneElse(string name) => new(StepIsAssignedToSomeoneElseCode, name);

    /// <summary>“{0}”环节须由“{1}”角色办理。</summary>
    public static Forbidden StepNeedsItsRole(string name, string role) => new(StepNeedsItsRoleCode, name, role);

    /// <summary>退回须写明理由。</summary>
    public static Invalid SendBackNeedsAReason() => new(SendBackNeedsAReasonCode) { Field = "Reason" };

    /// <summary>只能退回到之前的环节，“{0}”不在本环节之前。</summary>
    public static Invalid SendBackOnlyToAnEarlierStep(string name) => new(SendBackOnlyToAnEarlierStepCode, name) { Field = "ToStep" };

    /// <summary>“{0}”环节已办理完毕，不能转办。</summary>
    public static Conflict StepIsAlreadyDone(string name) => new(StepIsAlreadyDoneCode, name);

    /// <summary>请选择转办给哪位人员。</summary>
    public static Invalid TransferNeedsAnAccount() => new(TransferNeedsAnAccountCode) { Field = "ToAccount" };

    /// <summary>转办须写明理由。</summary>
    public static Invalid TransferNeedsAReason() => new(TransferNeedsAReasonCode) { Field = "Reason" };

    /// <summary>“{0}”环节已由该人员办理，无需转办。</summary>
    public static Invalid StepIsAlreadyAssignedThere(string name) => new(StepIsAlreadyAssignedThereCode, name) { Field = "ToAccount" };

    /// <summary>跳过环节须写明理由。</summary>
    public static Invalid SkipNeedsAReason() => new(SkipNeedsAReasonCode) { Field = "Reason" };

    /// <summary>以下审批环节尚未办结，不能作出决定：{0}。</summary>
    public static Conflict StepsAreOutstanding(string names) => new(StepsAreOutstandingCode, names);

    /// <summary>办件处于特别程序或等待补齐材料期间，计时已暂停，不能作出决定。</summary>
    public static Conflict NoDecisionWhileTheClockIsStopped() => new(NoDecisionWhileTheClockIsStoppedCode);

    /// <summary>不予许可须写明理由。</summary>
    public static Invalid DenialNeedsReasons() => new(DenialNeedsReasonsCode) { Field = "Reasons" };

    /// <summary>不予许可须写明法律依据。</summary>
    public static Invalid DenialNeedsALegalBasis() => new(DenialNeedsALegalBasisCode) { Field = "LegalBasis" };

    /// <summary>秒批须有核验规则。</summary>
    public static Invalid InstantApprovalNeedsRules() => new(InstantApprovalNeedsRulesCode) { Field = "Rules" };

    /// <summary>以下秒批规则未通过，须转人工审批：{0}。</summary>
    public static Conflict InstantApprovalRulesFailed(string names) => new(InstantApprovalRulesFailedCode, names);

    /// <summary>办件当前状态为“{0}”，只有准予许可的办件才能制证。</summary>
    public static Conflict OnlyAnApprovedCaseIsIssued(CaseStatus status) => new(OnlyAnApprovedCaseIsIssuedCode, CaseNames.Of(status));

    /// <summary>制证须登记决定文书或电子证照。</summary>
    public static Invalid IssueNeedsAResultReference() => new(IssueNeedsAResultReferenceCode) { Field = "Issuance" };

    /// <summary>办件尚未作出决定，没有可签章的决定书。</summary>
    public static Conflict DecisionNotTaken() => new(DecisionNotTakenCode);

    /// <summary>决定书已签章，不能再次签章。</summary>
    public static Conflict DecisionAlreadySigned() => new(DecisionAlreadySignedCode);

    /// <summary>办件当前状态为“{0}”，没有可送达的结果。</summary>
    public static Conflict NothingToDeliver(CaseStatus status) => new(NothingToDeliverCode, CaseNames.Of(status));

    /// <summary>窗口领取须有取件码。</summary>
    public static Invalid PickupNeedsACode() => new(PickupNeedsACodeCode) { Field = "PickupCode" };

    /// <summary>邮寄送达须填写收件地址。</summary>
    public static Invalid PostNeedsAnAddress() => new(PostNeedsAnAddressCode) { Field = "Address" };

    /// <summary>邮寄送达须填写快递公司。</summary>
    public static Invalid PostNeedsACarrier() => new(PostNeedsACarrierCode) { Field = "Carrier" };

    /// <summary>邮寄送达须填写快递单号。</summary>
    public static Invalid PostNeedsATrackingNumber() => new(PostNeedsATrackingNumberCode) { Field = "TrackingNumber" };

    /// <summary>办件当前状态为“{0}”，送达后才能办结。</summary>
    public static Conflict CompleteOnlyAfterDelivery(CaseStatus status) => new(CompleteOnlyAfterDeliveryCode, CaseNames.Of(status));

    /// <summary>办件已作出决定，不能撤回。</summary>
    public static Conflict WithdrawOnlyBeforeADecision() => new(WithdrawOnlyBeforeADecisionCode);

    /// <summary>办件当前状态为“{0}”，无需撤回。</summary>
    public static Conflict NothingToWithdraw(CaseStatus status) => new(NothingToWithdrawCode, CaseNames.Of(status));

    /// <summary>撤回申请须写明理由。</summary>
    public static Invalid WithdrawalNeedsAReason() => new(WithdrawalNeedsAReasonCode) { Field = "Reason" };

    /// <summary>办件不是按告知承诺受理的，不能以虚假承诺撤销。</summary>
    public static Conflict NotAcceptedUnderCommitment() => new(NotAcceptedUnderCommitmentCode);

    /// <summary>办件当前状态为“{0}”，只有已准予许可的办件才能撤销。</summary>
    public static Conflict OnlyAnApprovalIsRevoked(CaseStatus status) => new(OnlyAnApprovalIsRevokedCode, CaseNames.Of(status));

    /// <summary>撤销须写明理由。</summary>
    public static Invalid RevocationNeedsAReason() => new(RevocationNeedsAReasonCode) { Field = "Reason" };

    /// <summary>办件当前状态为“{0}”，只有已受理、尚未决定的办件才能启动特别程序。</summary>
    public static Conflict SpecialProcedureNeedsAnAcceptedCase(CaseStatus status) => new(SpecialProcedureNeedsAnAcceptedCaseCode, CaseNames.Of(status));

    /// <summary>办件计时已暂停，同一时间只能进行一项特别程序。</summary>
    public static Conflict ClockIsAlreadyStopped() => new(ClockIsAlreadyStoppedCode);

    /// <summary>启动特别程序须写明理由。</summary>
    public static Invalid SpecialProcedureNeedsAReason() => new(SpecialProcedureNeedsAReasonCode) { Field = "Reason" };

    /// <summary>办件没有正在进行的特别程序。</summary>
    public static Conflict NoSpecialProcedureIsRunning() => new(NoSpecialProcedureIsRunningCode);

    /// <summary>办结时限只能延长一次，本办件已延长过。</summary>
    public static Conflict OnlyOneExtension() => new(OnlyOneExtensionCode);

    /// <summary>延长时限应为 1 至 {0} 个工作日。</summary>
    public static Invalid ExtensionOutOfRange(int max) => new(ExtensionOutOfRangeCode, max) { Field = "WorkingDays" };

    /// <summary>延长时限须经本机关负责人批准。</summary>
    public static Invalid ExtensionNeedsASuperior() => new(ExtensionNeedsASuperiorCode) { Field = "ApprovedBy" };

    /// <summary>延长时限的批准人不能是申请延长的本人。</summary>
    public static Forbidden ExtensionApproverMustNotBeTheRequester() => new(ExtensionApproverMustNotBeTheRequesterCode) { Field = "ApprovedBy" };

    /// <summary>延长时限须写明理由。</summary>
    public static Invalid ExtensionNeedsAReason() => new(ExtensionNeedsAReasonCode) { Field = "Reason" };

    /// <summary>办件当前状态为“{0}”，尚未受理，没有办理时限。</summary>
    public static Conflict ClockHasNotStarted(CaseStatus status) => new(ClockHasNotStartedCode, CaseNames.Of(status));
}
