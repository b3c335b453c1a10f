namespace Tongban.Domain.Catalog;

/// <summary>事项类型 (GB/T 39554 / 国办 item types).</summary>
public enum ItemType
{
    AdministrativeLicensing,     // 行政许可
    AdministrativePayment,       // 行政给付
    AdministrativeConfirmation,  // 行政确认
    AdministrativeAdjudication,  // 行政裁决
    AdministrativeReward,        // 行政奖励
    AdministrativeFiling,        // 行政备案
    AdministrativeLevy,          // 行政征收
    OtherAdministrativePower,    // 其他行政权力
    PublicService,               // 公共服务
}

/// <summary>服务对象: who may apply.</summary>
[Flags]
public enum Audience
{
    None = 0,
    NaturalPerson = 1,  // 自然人
    LegalPerson = 2,    // 法人
    Both = NaturalPerson | LegalPerson,
}

/// <summary>办件类型.</summary>
public enum HandlingKind
{
    Instant,   // 即办件: decided on the spot
    Promised,  // 承诺件: decided within the promised limit
}

/// <summary>网上办理深度, 1 (information only) to 4 (全程网办).</summary>
public enum OnlineDepth
{
    Disclosure = 1,     // 一级 信息公开
    Interaction = 2,    // 二级 表格下载、在线咨询
    PreReview = 3,      // 三级 网上预审
    FullyOnline = 4,    // 四级 全程网办
}

/// <summary>通办范围.</summary>
public enum ServiceScope
{
    Local,          // 本级办理
    CityWide,       // 全市通办
    ProvinceWide,   // 全省通办
    CrossProvince,  // 跨省通办
}

/// <summary>到办事现场次数.</summary>
public enum VisitCount
{
    Zero,
    One,
    TwoOrMore,
}

/// <summary>材料必要性.</summary>
public enum MaterialNecessity
{
    Required,     // 必要
    Optional,     // 非必要
}

/// <summary>材料形式.</summary>
public enum MaterialForm
{
    Original,    // 原件
    Copy,        // 复印件
    Electronic,  // 电子
}

/// <summary>来源渠道.</summary>
public enum MaterialSource
{
    Applicant,     // 申请人自备
    Government,    // 政府部门核发
    Intermediary,  // 中介机构
    Other,         // 其他
}

/// <summary>How a material can be satisfied without paper (免提交).</summary>
public enum ExemptionRoute
{
    HeldLicence,  // 电子证照
    SharedData,   // 数据共享
    Commitment,   // 告知承诺
}

/// <summary>The draft workflow of an implementation; what the public sees is the latest published version.</summary>
public enum ImplementationStatus
{
    Draft,      // 编辑中
    Submitted,  // 待审核
    Returned,   // 已退回
    Published,  // 已发布 (the draft is the published version)
}

/// <summary>Form field types for the applicant's e-form.</summary>
public enum FormFieldType
{
    Text,
    LongText,
    Number,
    Date,
    Choice,
    IdNumber,
    Uscc,
    Phone,
    Address,
    RegionCode,
}
