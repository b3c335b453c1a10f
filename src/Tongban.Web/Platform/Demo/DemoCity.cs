using Tongban.Domain.Primitives;

namespace Tongban.Platform.Demo;

/// <summary>
/// The demo city, 遂宁市, as plain data that each module seeds its own part of. Codes are valid in
/// format (check characters computed), not real registrations. Seeded only when Tongban:Demo=true.
/// </summary>
public static class DemoCity
{
    /// <summary>Every demo account's password (printed in the README).</summary>
    public const string Password = "Tongban@2026";

    public sealed record RegionSeed(string Code, string Name);

    public sealed record DepartmentSeed(Guid Id, string Name, string RegionCode, string OrganisationCodeBody);

    public sealed record StaffSeed(string EmployeeId, string Name, string[] Roles, string RegionCode, Guid? DepartmentId);

    public sealed record CitizenSeed(string AreaCode, string BirthDate, string Sequence, string Name, string Phone, string Address);

    public sealed record EnterpriseSeed(string Name, string RegionCode, string OrganisationCodeBody, string Address, int RepresentativeIndex, int AgentIndex);

    public static readonly RegionSeed[] Regions =
    [
        new("510900000000", "遂宁市"),
        new("510903000000", "船山区"),
        new("510903001000", "南津路街道"),
        new("510903001001", "南津路社区"),
        new("510903100000", "永兴镇"),
        new("510904000000", "安居区"),
        new("510904001000", "柔刚街道"),
        new("510904100000", "白马镇"),
        new("510921000000", "蓬溪县"),
        new("510921100000", "赤城镇"),
        new("510921100201", "赤城镇新胜村"),
        new("510923000000", "大英县"),
        new("510923100000", "蓬莱镇"),
        new("510981000000", "射洪市"),
        new("510981001000", "太和街道"),
        new("510981100000", "沱牌镇"),
    ];

    public static readonly Guid BigData = new("a1000000-0000-0000-0000-000000000001");
    public static readonly Guid PublicSecurity = new("a1000000-0000-0000-0000-000000000002");
    public static readonly Guid MarketRegulation = new("a1000000-0000-0000-0000-000000000003");
    public static readonly Guid NaturalResources = new("a1000000-0000-0000-0000-000000000004");
    public static readonly Guid RealEstateCentre = new("a1000000-0000-0000-0000-000000000005");
    public static readonly Guid Housing = new("a1000000-0000-0000-0000-000000000006");
    public static readonly Guid Tax = new("a1000000-0000-0000-0000-000000000007");
    public static readonly Guid HumanResources = new("a1000000-0000-0000-0000-000000000008");
    public static readonly Guid MedicalSecurity = new("a1000000-0000-0000-0000-000000000009");
    public static readonly Guid CivilAffairs = new("a1000000-0000-0000-0000-000000000010");
    public static readonly Guid Health = new("a1000000-0000-0000-0000-000000000011");
    public static readonly Guid Transport = new("a1000000-0000-0000-0000-000000000012");
    public static readonly Guid WaterResources = new("a1000000-0000-0000-0000-000000000013");
    public static readonly Guid Environment = new("a1000000-0000-0000-0000-000000000014");
    public static readonly Guid PengxiMarketRegulation = new("a1000000-0000-0000-0000-000000000021");
    public static readonly Guid ShehongMarketRegulation = new("a1000000-0000-0000-0000-000000000022");
    public static readonly Guid ChuanshanBigData = new("a1000000-0000-0000-0000-000000000023");
    public static readonly Guid PengxiPublicSecurity = new("a1000000-0000-0000-0000-000000000024");
    public static readonly Guid ShehongPublicSecurity = new("a1000000-0000-0000-0000-000000000025");
    public static readonly Guid PengxiCivilAffairs = new("a1000000-0000-0000-0000-000000000026");
    public static readonly Guid ShehongCivilAffairs = new("a1000000-0000-0000-0000-000000000027");
    public static readonly Guid PengxiTobacco = new("a1000000-0000-0000-0000-000000000028");
    public static readonly Guid ShehongDisabledPersons = new("a1000000-0000-0000-0000-000000000029");
    public static readonly Guid ChuanshanHumanResources = new("a1000000-0000-0000-0000-000000000030");
    public static readonly Guid AnjuMarketRegulation = new("a1000000-0000-0000-0000-000000000031");
    public static readonly Guid DayingMarketRegulation = new("a1000000-0000-0000-0000-000000000032");

    public static readonly DepartmentSeed[] Departments =
    [
        new(BigData, "市政务服务和大数据局", "510900000000", "MB1A0001"),
        new(PublicSecurity, "市公安局", "510900000000", "MB1A0002"),
        new(MarketRegulation, "市市场监督管理局", "510900000000", "MB1A0003"),
        new(NaturalResources, "市自然资源和规划局", "510900000000", "MB1A0004"),
        new(RealEstateCentre, "市不动产登记中心", "510900000000", "MB1A0005"),
        new(Housing, "市住房和城乡建设局", "510900000000", "MB1A0006"),
        new(Tax, "国家税务总局遂宁市税务局", "510900000000", "MB1A0007"),
        new(HumanResources, "市人力资源和社会保障局", "510900000000", "MB1A0008"),
        new(MedicalSecurity, "市医疗保障局", "510900000000", "MB1A0009"),
        new(CivilAffairs, "市民政局", "510900000000", "MB1A0010"),
        new(Health, "市卫生健康委员会", "510900000000", "MB1A0011"),
        new(Transport, "市交通运输局", "510900000000", "MB1A0012"),
        new(WaterResources, "市水利局", "510900000000", "MB1A0013"),
        new(Environment, "市生态环境局", "510900000000", "MB1A0014"),
        new(ChuanshanBigData, "船山区政务服务和大数据局", "510903000000", "MB1B0001"),
        new(PengxiMarketRegulation, "蓬溪县市场监督管理局", "510921000000", "MB1C0001"),
        new(ShehongMarketRegulation, "射洪市市场监督管理局", "510981000000", "MB1D0001"),
        new(PengxiPublicSecurity, "蓬溪县公安局", "510921000000", "MB1C0002"),
        new(ShehongPublicSecurity, "射洪市公安局", "510981000000", "MB1D0002"),
        new(PengxiCivilAffairs, "蓬溪县民政局", "510921000000", "MB1C0003"),
        new(ShehongCivilAffairs, "射洪市民政局", "510981000000", "MB1D0003"),
        new(PengxiTobacco, "蓬溪县烟草专卖局", "510921000000", "MB1C0004"),
        new(ShehongDisabledPersons, "射洪市残疾人联合会", "510981000000", "MB1D0004"),
        new(ChuanshanHumanResources, "船山区人力资源和社会保障局", "510903000000", "MB1B0002"),
        new(AnjuMarketRegulation, "安居区市场监督管理局", "510904000000", "MB1E0001"),
        new(DayingMarketRegulation, "大英县市场监督管理局", "510923000000", "MB1F0001"),
    ];

    public static readonly Guid CityHall = new("b1000000-0000-0000-0000-000000000001");
    public static readonly Guid PengxiHall = new("b1000000-0000-0000-0000-000000000002");
    public static readonly Guid ShehongHall = new("b1000000-0000-0000-0000-000000000003");

    /// <summary>船山区人社局's 就业登记 (全市通办): the demo's 收受分离 item, received in 射洪市 and decided in 船山区.</summary>
    public const string ChuanshanEmploymentRegistration = "11510903MB1B0002914002008001000";

    /// <summary>蓬溪县公安局's 户口迁移（省内迁入）: the demo's 多地联办 item, its 迁出核验 step performed by 射洪市公安局.</summary>
    public const string PengxiHouseholdMigration = "11510921MB1C0002XK4000717003000";

    public static readonly StaffSeed[] Staff =
    [
        new("ADMIN", "平台管理员", ["PlatformAdmin"], "510900000000", null),
        new("SN-REGION", "刘芳（市级区域管理员）", ["RegionAdmin"], "510900000000", BigData),
        new("PX-REGION", "陈静（蓬溪县区域管理员）", ["RegionAdmin"], "510921000000", null),
        new("SN-SCJ-ADMIN", "王强（市市场监管局部门管理员）", ["DepartmentAdmin"], "510900000000", MarketRegulation),
        new("SN-CLERK", "李娜（市政务服务中心综合窗口）", ["WindowClerk"], "510900000000", BigData),
        new("SN-CLERK-2", "张丽（市政务服务中心综合窗口）", ["WindowClerk"], "510900000000", BigData),
        new("PX-CLERK", "赵敏（蓬溪县综合窗口）", ["WindowClerk"], "510921000000", null),
        new("SN-APPROVER", "周伟（市市场监管局审批科）", ["Approver"], "510900000000", MarketRegulation),
        new("SN-APPROVER-2", "陈晨（市市场监管局审批科）", ["Approver"], "510900000000", MarketRegulation),
        new("SN-SCJ-SYSTEM", "市市场监管局审批业务系统", ["DepartmentSystem"], "510900000000", MarketRegulation),
        new("PX-APPROVER", "孙磊（蓬溪县市场监管局）", ["Approver"], "510921000000", PengxiMarketRegulation),
        new("SN-SUPERVISOR", "吴刚（市效能监管）", ["Supervisor"], "510900000000", null),
        new("SN-DATA", "郑洁（市数据共享专员）", ["DataOfficer"], "510900000000", BigData),
        new("SH-CLERK", "周静（射洪市综合窗口）", ["WindowClerk"], "510981000000", null),
        new("CS-CLERK", "何平（船山区综合窗口）", ["WindowClerk"], "510903000000", null),
        new("CS-APPROVER", "马超（船山区人社局）", ["Approver"], "510903000000", ChuanshanHumanResources),
        new("PX-GA-APPROVER", "邓军（蓬溪县公安局户政大队）", ["Approver"], "510921000000", PengxiPublicSecurity),
        new("SH-GA-APPROVER", "罗敏（射洪市公安局户政大队）", ["Approver"], "510981000000", ShehongPublicSecurity),
        new("SN-WJW-APPROVER", "冯洁（市卫生健康委员会审批科）", ["Approver"], "510900000000", Health),
        new("SN-GA-APPROVER", "蒋涛（市公安局户政科）", ["Approver"], "510900000000", PublicSecurity),
        new("SN-YB-APPROVER", "韩梅（市医疗保障局经办科）", ["Approver"], "510900000000", MedicalSecurity),
        new("SN-RS-APPROVER", "曹勇（市人力资源和社会保障局经办科）", ["Approver"], "510900000000", HumanResources),
        new("SN-BDC-CLERK", "罗婷（市不动产登记中心一窗受理专窗）", ["WindowClerk"], "510900000000", RealEstateCentre),
        new("SN-BDC-APPROVER", "唐亮（市不动产登记中心登记科）", ["Approver"], "510900000000", RealEstateCentre),
        new("SN-ZJ-APPROVER", "邓华（市住房和城乡建设局审批科）", ["Approver"], "510900000000", Housing),
        new("SN-SW-APPROVER", "谢敏（遂宁市税务局不动产税收科）", ["Approver"], "510900000000", Tax),
        new("SN-ZRGH-APPROVER", "杨帆（市自然资源和规划局审批科）", ["Approver"], "510900000000", NaturalResources),
    ];

    public static readonly CitizenSeed[] Citizens =
    [
        new("510903", "19900307", "123", "张伟", "13800000001", "遂宁市船山区南津路 1 号"),
        new("510921", "19560818", "244", "王秀英", "13800000002", "遂宁市蓬溪县赤城镇新胜村 3 组"),
        new("510981", "19881120", "355", "李强", "13800000003", "遂宁市射洪市太和街道美丰路 8 号"),
        new("510904", "19950612", "466", "刘洋", "13800000004", "遂宁市安居区柔刚街道 12 号"),
    ];

    public static readonly EnterpriseSeed[] Enterprises =
    [
        new("遂宁市南津科技有限公司", "510903000000", "MA6DEM01", "遂宁市船山区河东新区 88 号", 0, 3),
        new("蓬溪县赤城食品有限公司", "510921000000", "MA6DEM02", "遂宁市蓬溪县赤城镇工业园 6 号", 1, 1),
    ];

    /// <summary>A department or enterprise USCC with both check characters computed.</summary>
    public static Uscc UsccFor(string departmentAndCategory, string regionCode, string organisationCodeBody)
    {
        var organisationCode = organisationCodeBody + Uscc.ComputeOrganisationCodeCheck(organisationCodeBody);
        var first17 = departmentAndCategory + regionCode[..6] + organisationCode;
        return Uscc.FromTrusted(first17 + Uscc.ComputeCheck(first17));
    }

    public static IdNumber IdNumberFor(CitizenSeed citizen)
    {
        var first17 = citizen.AreaCode + citizen.BirthDate + citizen.Sequence;
        return IdNumber.FromTrusted(first17 + IdNumber.ComputeCheck(first17));
    }
}
