using Microsoft.Extensions.Localization;
using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives;
using Tongban.Domain.Primitives.Calendar;
using Tongban.Platform.Web;

namespace Tongban.Modules.Catalog;

/// <summary>Chinese names of the catalog's coded values, as staff and the public read them.</summary>
public static class CatalogNames
{
    public static string Of(ItemType type, IStringLocalizer<SharedResource> t) => type switch
    {
        ItemType.AdministrativeLicensing => t["行政许可"],
        ItemType.AdministrativePayment => t["行政给付"],
        ItemType.AdministrativeConfirmation => t["行政确认"],
        ItemType.AdministrativeAdjudication => t["行政裁决"],
        ItemType.AdministrativeReward => t["行政奖励"],
        ItemType.AdministrativeFiling => t["行政备案"],
        ItemType.AdministrativeLevy => t["行政征收"],
        ItemType.OtherAdministrativePower => t["其他行政权力"],
        ItemType.PublicService => t["公共服务"],
    };

    public static string Of(ExerciseLevel level, IStringLocalizer<SharedResource> t) => level switch
    {
        ExerciseLevel.National => t["国家级"],
        ExerciseLevel.Provincial => t["省级"],
        ExerciseLevel.Municipal => t["市级"],
        ExerciseLevel.County => t["县级"],
        ExerciseLevel.Township => t["乡级"],
        ExerciseLevel.Village => t["村级"],
    };

    public static string Of(Audience audience, IStringLocalizer<SharedResource> t) => audience switch
    {
        Audience.NaturalPerson => t["自然人"],
        Audience.LegalPerson => t["法人"],
        Audience.Both => t["自然人、法人"],
        _ => t["未选择"],
    };

    public static string Of(HandlingKind kind, IStringLocalizer<SharedResource> t) => kind switch
    {
        HandlingKind.Instant => t["即办件"],
        HandlingKind.Promised => t["承诺件"],
    };

    public static string Of(TimeLimitUnit unit, IStringLocalizer<SharedResource> t) => unit switch
    {
        TimeLimitUnit.WorkingDays => t["工作日"],
        TimeLimitUnit.NaturalDays => t["自然日"],
        TimeLimitUnit.WorkingHours => t["工作小时"],
    };

    public static string Of(SpecialProcedure procedure, IStringLocalizer<SharedResource> t) => procedure switch
    {
        SpecialProcedure.Hearing => t["听证"],
        SpecialProcedure.Tendering => t["招标"],
        SpecialProcedure.Auction => t["拍卖"],
        SpecialProcedure.Inspection => t["检验"],
        SpecialProcedure.Testing => t["检测"],
        SpecialProcedure.Quarantine => t["检疫"],
        SpecialProcedure.Appraisal => t["鉴定"],
        SpecialProcedure.ExpertReview => t["专家评审"],
        SpecialProcedure.SiteSurvey => t["现场勘察"],
    };

    public static string Of(VisitCount visits, IStringLocalizer<SharedResource> t) => visits switch
    {
        VisitCount.Zero => t["0 次"],
        VisitCount.One => t["1 次"],
        VisitCount.TwoOrMore => t["2 次及以上"],
    };

    public static string Of(OnlineDepth depth, IStringLocalizer<SharedResource> t) => depth switch
    {
        OnlineDepth.Disclosure => t["一级（信息公开）"],
        OnlineDepth.Interaction => t["二级（在线咨询、表格下载）"],
        OnlineDepth.PreReview => t["三级（网上预审）"],
        OnlineDepth.FullyOnline => t["四级（全程网办）"],
    };

    public static string Of(ServiceScope scope, IStringLocalizer<SharedResource> t) => scope switch
    {
        ServiceScope.Local => t["本级办理"],
        ServiceScope.CityWide => t["全市通办"],
        ServiceScope.ProvinceWide => t["全省通办"],
        ServiceScope.CrossProvince => t["跨省通办"],
    };

    public static string Of(MaterialNecessity necessity, IStringLocalizer<SharedResource> t) => necessity switch
    {
        MaterialNecessity.Required => t["必要"],
        MaterialNecessity.Optional => t["非必要"],
    };

    public static string Of(MaterialForm form, IStringLocalizer<SharedResource> t) => form switch
    {
        MaterialForm.Original => t["原件"],
        MaterialForm.Copy => t["复印件"],
        MaterialForm.Electronic => t["电子"],
    };

    public static string Of(MaterialSource source, IStringLocalizer<SharedResource> t) => source switch
    {
        MaterialSource.Applicant => t["申请人自备"],
        MaterialSource.Government => t["政府部门核发"],
        MaterialSource.Intermediary => t["中介机构"],
        MaterialSource.Other => t["其他"],
    };

    public static string Of(ExemptionRoute route, IStringLocalizer<SharedResource> t) => route switch
    {
        ExemptionRoute.HeldLicence => t["电子证照"],
        ExemptionRoute.SharedData => t["数据共享"],
        ExemptionRoute.Commitment => t["告知承诺"],
    };

    /// <summary>
    /// How a material can be handed in without the paper (each exemption route, then 容缺), in the
    /// guide's words; empty when it must be submitted.
    /// </summary>
    public static IReadOnlyList<string> ExemptionsAndDeficiencyOf(MaterialRequirement material, IStringLocalizer<SharedResource> t) =>
    [
        .. material.Exemptions.Select(e => e.Route switch
        {
            ExemptionRoute.HeldLicence => string.IsNullOrWhiteSpace(e.Reference) ? t["可通过电子证照免提交"] : t["可通过电子证照免提交（证照类型：{0}）", e.Reference],
            ExemptionRoute.SharedData => string.IsNullOrWhiteSpace(e.Reference) ? t["可通过数据共享免提交"] : t["可通过数据共享免提交（数据来源：{0}）", e.Reference],
            ExemptionRoute.Commitment => t["可告知承诺：签署书面承诺即可，无需提交"],
        }).Select(text => text.Value),
        .. material.DeficiencyAllowed ? [t["可容缺受理：可先受理，承诺期限内补交"].Value] : Array.Empty<string>(),
    ];

    public static string Of(FormFieldType type, IStringLocalizer<SharedResource> t) => type switch
    {
        FormFieldType.Text => t["文本"],
        FormFieldType.LongText => t["长文本"],
        FormFieldType.Number => t["数字"],
        FormFieldType.Date => t["日期"],
        FormFieldType.Choice => t["选项"],
        FormFieldType.IdNumber => t["公民身份号码"],
        FormFieldType.Uscc => t["统一社会信用代码"],
        FormFieldType.Phone => t["电话"],
        FormFieldType.Address => t["地址"],
        FormFieldType.RegionCode => t["行政区划"],
    };

    public static string Of(ImplementationStatus status, IStringLocalizer<SharedResource> t) => status switch
    {
        ImplementationStatus.Draft => t["编辑中"],
        ImplementationStatus.Submitted => t["待审核"],
        ImplementationStatus.Returned => t["已退回"],
        ImplementationStatus.Published => t["已发布"],
    };

    /// <summary>"20 个工作日" — a time limit as a person says it.</summary>
    public static string Of(TimeLimit limit, IStringLocalizer<SharedResource> t) => t["{0} 个{1}", limit.Amount, Of(limit.Unit, t)];
}
