using System.Globalization;
using Tongban.Domain.Licences;
using Tongban.Domain.Primitives;
using Tongban.Platform.Demo;

namespace Tongban.Modules.Licences.Features.SeedDemo;

/// <summary>One demo licence type as data: defined by a demo department (its USCC + <paramref name="Serial"/> is the type code).</summary>
public sealed record DemoLicenceType(
    string DefiningBody, int Serial, string Name, LicenceField[] Fields, LicenceValidity Validity, LicenceTemplate Template, Guid[] Issuers, bool OnePerHolder = false)
{
    public LicenceTypeCode Code => DemoLicenceTypes.CodeFor(DefiningBody, Serial);
}

/// <summary>
/// The demo city's ten licence types. The defining bodies are demo departments standing in for the national
/// ones (the 监制 body on the footer is the real one). Field keys equal the e-form keys of the demo items whose
/// result the licence is, so approval issues it from the form; fields no form asks for are optional. A person's
/// names and ID numbers are not public (a verifier sees the holder masked); the issuers are the departments that
/// have an implementation of the item.
/// </summary>
public static class DemoLicenceTypes
{
    public static readonly LicenceTypeCode BusinessLicence = CodeFor("MB1A0003", 1);
    public static readonly LicenceTypeCode FoodLicence = CodeFor("MB1A0003", 2);
    public static readonly LicenceTypeCode RealEstate = CodeFor("MB1A0005", 1);
    public static readonly LicenceTypeCode Marriage = CodeFor("MB1A0010", 1);
    public static readonly LicenceTypeCode BirthCertificate = CodeFor("MB1A0011", 1);
    public static readonly LicenceTypeCode Physician = CodeFor("MB1A0011", 2);
    public static readonly LicenceTypeCode RoadTransport = CodeFor("MB1A0012", 1);
    public static readonly LicenceTypeCode WaterAbstraction = CodeFor("MB1A0013", 1);
    public static readonly LicenceTypeCode Disability = CodeFor("MB1D0004", 1);
    public static readonly LicenceTypeCode ConstructionPermit = CodeFor("MB1A0006", 1);

    public static IReadOnlyList<DemoLicenceType> All { get; } =
    [
        new("MB1A0003", 1, "营业执照",
            [
                new("enterpriseName", "名称", InPayload: true),
                new("enterpriseType", "类型"),
                new("legalRepresentative", "法定代表人"),
                new("registeredCapital", "注册资本（万元）", LicenceFieldKind.Number),
                new("establishedOn", "成立日期", LicenceFieldKind.Date, Required: false),
                new("residence", "住所"),
                new("businessScope", "经营范围"),
            ],
            LicenceValidity.OpenEnded,
            new("营业执照", "（电子营业执照）", "国家市场监督管理总局监制"),
            [DemoCity.MarketRegulation, DemoCity.PengxiMarketRegulation], OnePerHolder: true),
        new("MB1A0003", 2, "食品经营许可证",
            [
                new("enterpriseName", "经营者名称", InPayload: true),
                new("enterpriseUscc", "社会信用代码"),
                new("legalRepresentative", "法定代表人（负责人）"),
                new("premisesAddress", "经营场所"),
                new("businessType", "主体业态"),
                new("operatingItems", "经营项目"),
                new("supervisionAuthority", "日常监督管理机构", Required: false),
            ],
            LicenceValidity.ForYears(5),
            new("食品经营许可证", null, "国家市场监督管理总局监制"),
            [DemoCity.MarketRegulation, DemoCity.PengxiMarketRegulation, DemoCity.ShehongMarketRegulation]),
        new("MB1A0005", 1, "不动产权证书",
            [
                new("applicantName", "权利人", Public: false),
                new("propertyAddress", "坐落"),
                new("unitNumber", "不动产单元号", Required: false, InPayload: true),
                new("rightType", "权利类型", Required: false),
                new("use", "用途", Required: false),
                new("area", "面积（平方米）", LicenceFieldKind.Number, Required: false),
                new("coOwnership", "共有情况", Required: false),
            ],
            LicenceValidity.OpenEnded,
            new("不动产权证书", "中华人民共和国不动产权证书", "中华人民共和国自然资源部监制"),
            [DemoCity.RealEstateCentre]),
        new("MB1A0010", 1, "结婚证",
            [
                new("applicantName", "持证人", Public: false),
                new("applicantIdNumber", "持证人身份证件号", Public: false),
                new("partnerName", "配偶姓名", Public: false),
                new("partnerIdNumber", "配偶身份证件号", Public: false),
                new("appointmentDate", "登记日期", LicenceFieldKind.Date, InPayload: true),
            ],
            LicenceValidity.OpenEnded,
            new("结婚证", "中华人民共和国", "中华人民共和国民政部监制"),
            [DemoCity.CivilAffairs, DemoCity.PengxiCivilAffairs, DemoCity.ShehongCivilAffairs]),
        new("MB1A0011", 1, "出生医学证明",
            [
                new("babyName", "新生儿姓名", Public: false),
                new("sex", "性别", Required: false, Public: false),
                new("birthDate", "出生日期", LicenceFieldKind.Date, InPayload: true),
                new("hospital", "接生机构"),
                new("applicantName", "申领人（父亲或母亲）", Public: false),
            ],
            LicenceValidity.OpenEnded,
            new("出生医学证明", "Medical Certificate of Birth", "中华人民共和国国家卫生健康委员会监制"),
            [DemoCity.Health]),
        new("MB1A0011", 2, "医师执业证书",
            [
                new("applicantName", "姓名", Public: false),
                new("applicantIdNumber", "身份证件号", Public: false),
                new("category", "执业类别", Required: false),
                new("scope", "执业范围", InPayload: true),
                new("institution", "执业地点（执业机构）"),
                new("practisingCode", "医师资格证书编码", Required: false, Public: false),
            ],
            LicenceValidity.OpenEnded,
            new("医师执业证书", null, "中华人民共和国国家卫生健康委员会监制"),
            [DemoCity.Health], OnePerHolder: true),
        new("MB1A0012", 1, "道路运输经营许可证",
            [
                new("enterpriseName", "业户名称", InPayload: true),
                new("enterpriseUscc", "统一社会信用代码"),
                new("legalRepresentative", "负责人"),
                new("businessScope", "经营范围", Required: false),
                new("vehicleCount", "车辆数", LicenceFieldKind.Number),
                new("address", "地址", Required: false),
            ],
            LicenceValidity.ForYears(4),
            new("道路运输经营许可证", "交运管许可", "中华人民共和国交通运输部监制"),
            [DemoCity.Transport]),
        new("MB1A0013", 1, "取水许可证",
            [
                new("enterpriseName", "取水权人名称", InPayload: true),
                new("enterpriseUscc", "统一社会信用代码"),
                new("legalRepresentative", "法定代表人"),
                new("waterSource", "水源类型"),
                new("annualVolume", "取水量（万立方米/年）", LicenceFieldKind.Number),
                new("intakeLocation", "取水地点", Required: false),
                new("waterUse", "取水用途", Required: false),
            ],
            LicenceValidity.ForYears(5),
            new("取水许可证", null, "中华人民共和国水利部监制"),
            [DemoCity.WaterResources]),
        new("MB1D0004", 1, "残疾人证",
            [
                new("applicantName", "姓名", Public: false),
                new("applicantIdNumber", "公民身份号码", Public: false),
                new("applicantAddress", "户籍地址", Public: false),
                new("disabilityType", "残疾类别", Public: false),
                new("disabilityGrade", "残疾等级", Required: false, Public: false),
            ],
            LicenceValidity.ForYears(10),
            new("中华人民共和国残疾人证", null, "中国残疾人联合会监制"),
            [DemoCity.ShehongDisabledPersons], OnePerHolder: true),
        new("MB1A0006", 1, "建筑工程施工许可证",
            [
                new("enterpriseName", "建设单位", InPayload: true),
                new("enterpriseUscc", "建设单位统一社会信用代码"),
                new("projectName", "工程名称", InPayload: true),
                new("projectCode", "项目代码"),
                new("constructionAddress", "建设地址", Required: false),
                new("contractPrice", "合同价格（万元）", LicenceFieldKind.Number),
                new("constructionUnit", "施工单位", Required: false),
            ],
            LicenceValidity.OpenEnded,
            new("建筑工程施工许可证", "中华人民共和国", "中华人民共和国住房和城乡建设部监制"),
            [DemoCity.Housing]),
    ];

    /// <summary>The code of a type defined by the demo department with <paramref name="organisationCodeBody"/>: its USCC and a 3-digit serial.</summary>
    public static LicenceTypeCode CodeFor(string organisationCodeBody, int serial)
    {
        var department = DemoCity.Departments.Single(d => d.OrganisationCodeBody == organisationCodeBody);
        var uscc = DemoCity.UsccFor("11", department.RegionCode, organisationCodeBody);
        return LicenceTypeCode.FromTrusted(uscc.Value + serial.ToString("D3", CultureInfo.InvariantCulture));
    }
}
