using Tongban.Domain.Primitives;

namespace Tongban.Domain.Cases;

/// <summary>How the result of a 收受分离 case reaches the applicant, chosen at receipt.</summary>
public enum RemoteResultDelivery
{
    /// <summary>邮寄送达 to the address given at receipt (批件快递送达).</summary>
    Post,

    /// <summary>代收窗口领取: collected at the receiving hall.</summary>
    CollectAtReceivingHall,
}

/// <summary>
/// 收受分离 (异地代收代办): the application was received at a hall of another region than the competent
/// one. The receiving side checked identity and the form and handed the materials over online; the
/// competent authority (the implementation's department and region) accepts and decides as for any
/// case (审批权属不变). Both sides' responsibilities are this record: who received, at which hall, in
/// which region, when, that identity was checked; who is competent; how the result is delivered.
/// Region codes are kept as their text (the record is stored as JSON with the case).
/// </summary>
public sealed record RemoteIntake
{
    public const int MaxAddressLength = 300;

    private RemoteIntake() { }

    public Guid ReceivingHallId { get; private init; }
    public string ReceivingHallName { get; private init; } = "";

    /// <summary>The receiving hall's region (12 digits).</summary>
    public string ReceivingRegion { get; private init; } = "";
    public string ReceivingRegionName { get; private init; } = "";
    public Guid ReceivingClerkId { get; private init; }
    public string ReceivingClerkName { get; private init; } = "";

    /// <summary>收件核验: the receiving window checked the applicant's identity (and the form).</summary>
    public bool IdentityChecked { get; private init; }

    /// <summary>The competent region (12 digits) and department: the implementation's.</summary>
    public string CompetentRegion { get; private init; } = "";
    public Guid CompetentDepartmentId { get; private init; }

    /// <summary>When the materials were handed over online to the competent authority (the receipt).</summary>
    public DateTimeOffset HandedOverAt { get; private init; }
    public RemoteResultDelivery ResultDelivery { get; private init; }

    /// <summary>For <see cref="RemoteResultDelivery.Post"/>: where the result is posted.</summary>
    public string? PostAddress { get; private init; }

    public static Result<RemoteIntake> Create(
        Guid hallId, string hallName, RegionCode receivingRegion, string receivingRegionName, Guid clerkId, string clerkName, bool identityChecked,
        RemoteResultDelivery delivery, string? postAddress)
    {
        if (hallId == Guid.Empty || string.IsNullOrWhiteSpace(hallName))
        {
            return RemoteIntakeErrors.NeedsAReceivingHall();
        }

        if (clerkId == Guid.Empty)
        {
            return RemoteIntakeErrors.NeedsAReceivingClerk();
        }

        if (!identityChecked)
        {
            return RemoteIntakeErrors.IdentityMustBeChecked();
        }

        var address = string.IsNullOrWhiteSpace(postAddress) ? null : postAddress.Trim();
        if (delivery == RemoteResultDelivery.Post && address is null)
        {
            return RemoteIntakeErrors.PostNeedsAnAddress();
        }

        if (address is { Length: > MaxAddressLength })
        {
            return RemoteIntakeErrors.AddressTooLong(MaxAddressLength);
        }

        return new RemoteIntake
        {
            ReceivingHallId = hallId,
            ReceivingHallName = hallName.Trim(),
            ReceivingRegion = receivingRegion.Value,
            ReceivingRegionName = string.IsNullOrWhiteSpace(receivingRegionName) ? receivingRegion.Value : receivingRegionName.Trim(),
            ReceivingClerkId = clerkId,
            ReceivingClerkName = string.IsNullOrWhiteSpace(clerkName) ? "" : clerkName.Trim(),
            IdentityChecked = true,
            ResultDelivery = delivery,
            PostAddress = delivery == RemoteResultDelivery.Post ? address : null,
        };
    }

    /// <summary>The record bound to the competent side and the handover instant (the case does this at receipt).</summary>
    internal RemoteIntake HandedOver(RegionCode competentRegion, Guid competentDepartment, DateTimeOffset at) =>
        this with { CompetentRegion = competentRegion.Value, CompetentDepartmentId = competentDepartment, HandedOverAt = at };

    /// <summary>Whether a delivery is the one chosen at receipt: post for post; a window pickup (at the receiving hall) for collection.</summary>
    public bool Allows(DeliveryMethod method) => (ResultDelivery, method) switch
    {
        (RemoteResultDelivery.Post, DeliveryMethod.Post) => true,
        (RemoteResultDelivery.CollectAtReceivingHall, DeliveryMethod.WindowPickup) => true,
        _ => false,
    };

    public static string NameOf(RemoteResultDelivery delivery) => delivery switch
    {
        RemoteResultDelivery.Post => "邮寄送达",
        RemoteResultDelivery.CollectAtReceivingHall => "代收窗口领取",
    };
}

/// <summary>
/// Where an implementation may be received: 本级 only at a hall whose region covers the competent one; 全市通办 at any hall of the same
/// city (the first 4 digits of the region code); 全省通办 of the same province (2 digits); 跨省通办 anywhere.
/// Kept in the Cases domain as the scope's reach (the caller maps the catalog's ServiceScope).
/// </summary>
public enum IntakeReach
{
    Local,
    City,
    Province,
    Nationwide,
}

public static class CrossRegion
{
    /// <summary>Whether a hall in <paramref name="receiving"/> may receive an implementation of <paramref name="competent"/> with that reach.</summary>
    public static bool MayReceive(IntakeReach reach, RegionCode competent, RegionCode receiving) => reach switch
    {
        IntakeReach.Local => receiving.Contains(competent),
        IntakeReach.City => competent.Value[..4] == receiving.Value[..4],
        IntakeReach.Province => competent.Province == receiving.Province,
        IntakeReach.Nationwide => true,
    };
}

/// <summary>The rules of 收受分离, 全程网办 and 多地联办 (messages in Resources/Messages.resx under the same codes).</summary>
public static class RemoteIntakeErrors
{
    public const string NeedsAReceivingHallCode = "case.remote-intake-hall-required";
    public const string NeedsAReceivingClerkCode = "case.remote-intake-clerk-required";
    public const string IdentityMustBeCheckedCode = "case.remote-intake-identity-unchecked";
    public const string PostNeedsAnAddressCode = "case.remote-intake-address-required";
    public const string AddressTooLongCode = "case.remote-intake-address-too-long";
    public const string OnlyAtReceiptCode = "case.remote-intake-only-at-receipt";
    public const string DeliveryMustBeTheChosenOneCode = "case.remote-intake-delivery-not-chosen";
    public const string FullyOnlineIsNeverCollectedCode = "case.fully-online-no-pickup";
    public const string StepBelongsToAnotherRegionCode = "case.step-of-another-region";

    /// <summary>异地代收须记录收件的政务服务中心。</summary>
    public static Invalid NeedsAReceivingHall() => new(NeedsAReceivingHallCode) { Field = "receivingHallId" };

    /// <summary>异地代收须记录收件的窗口工作人员。</summary>
    public static Invalid NeedsAReceivingClerk() => new(NeedsAReceivingClerkCode);

    /// <summary>收件窗口须先核验申请人身份。</summary>
    public static Invalid IdentityMustBeChecked() => new(IdentityMustBeCheckedCode) { Field = "identityChecked" };

    /// <summary>选择邮寄送达须填写邮寄地址。</summary>
    public static Invalid PostNeedsAnAddress() => new(PostNeedsAnAddressCode) { Field = "postAddress" };

    /// <summary>邮寄地址不能超过 {0} 个字。</summary>
    public static Invalid AddressTooLong(int max) => new(AddressTooLongCode, max) { Field = "postAddress" };

    /// <summary>异地代收只能在收件时记录。</summary>
    public static Conflict OnlyAtReceipt() => new(OnlyAtReceiptCode);

    /// <summary>本办件收件时选择的送达方式是“{0}”。</summary>
    public static Conflict DeliveryMustBeTheChosenOne(RemoteResultDelivery chosen) => new(DeliveryMustBeTheChosenOneCode, RemoteIntake.NameOf(chosen));

    /// <summary>全程网办事项的结果以电子证照或邮寄送达，无需到窗口领取。</summary>
    public static Conflict FullyOnlineIsNeverCollected() => new(FullyOnlineIsNeverCollectedCode);

    /// <summary>环节“{0}”由{1}办理。</summary>
    public static Forbidden StepBelongsToAnotherRegion(string step, string region) => new(StepBelongsToAnotherRegionCode, step, region);
}
