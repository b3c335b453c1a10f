using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Domain.Licences;
using Tongban.Domain.Primitives;
using Tongban.Modules.Licences.Features.ChangeLicenceStatus;
using Tongban.Modules.Licences.Features.IssueLicence;
using Tongban.Platform;
using Tongban.Platform.Demo;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Licences.Features.SeedDemo;

/// <summary>Whether the demo city's people and enterprises also hold licences (on with the demo; the tests turn it off so wallets start empty).</summary>
public sealed class DemoLicencesOptions
{
    public const string Section = "Tongban:DemoLicences";

    public bool Enabled { get; set; } = true;
}

/// <summary>
/// The demo city's licence types (always with the demo, so the demo items' results resolve) and, when
/// <see cref="DemoLicencesOptions.Enabled"/>, a few licences its citizens and enterprises already hold,
/// issued through <see cref="LicenceIssuer"/> so their issuers' seals sign them: 张伟's 结婚证 and
/// 不动产权证书, 刘洋's 医师执业证书 and his child's 出生医学证明, both enterprises' 营业执照, 赤城食品's
/// 食品经营许可证 and 取水许可证 — and, to show the other states, 李强's expired 残疾人证 and 王秀英's
/// revoked 食品经营许可证. Runs before the demo cases; a type or holding already there is skipped.
/// </summary>
internal sealed class LicencesDemoSeed(TongbanDbContext db, LicenceIssuer issuer, CityClock clock, AuditTrail audit, IOptions<DemoLicencesOptions> options) : IDemoSeed
{
    public const string RevocationReason = "经营场所已不再符合食品安全条件，经责令整改逾期未改正，依法撤销许可";

    public int Order => 35;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await SeedTypesAsync(cancellationToken);
        if (options.Value.Enabled)
        {
            await SeedHoldingsAsync(cancellationToken);
        }
    }

    private async Task SeedTypesAsync(CancellationToken cancellationToken)
    {
        var codes = DemoLicenceTypes.All.Select(t => t.Code).ToList();
        var existing = await db.Set<LicenceType>().Where(t => codes.Contains(t.Code)).Select(t => t.Code).ToListAsync(cancellationToken);
        foreach (var demo in DemoLicenceTypes.All.Where(t => !existing.Contains(t.Code)))
        {
            var type = LicenceType.Define(demo.Code, demo.Name, demo.Fields, demo.Validity, demo.Template, demo.Issuers, demo.OnePerHolder, clock.UtcNow);
            db.Add(type.TryGet(out var defined, out var error) ? defined : throw new InvalidOperationException($"Demo licence type {demo.Name}: {error.Code}"));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SeedHoldingsAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var zhangWei = Citizen(0);
        var wangXiuying = Citizen(1);
        var liQiang = Citizen(2);
        var liuYang = Citizen(3);
        var nanjin = Enterprise(0);
        var chicheng = Enterprise(1);

        await HoldAsync(DemoLicenceTypes.Marriage, DemoCity.CivilAffairs, zhangWei, today.AddYears(-4).AddDays(-40), new()
        {
            ["applicantName"] = zhangWei.Name,
            ["applicantIdNumber"] = zhangWei.Code,
            ["partnerName"] = "陈丽",
            ["partnerIdNumber"] = DemoCity.IdNumberFor(new("510903", "19920415", "128", "陈丽", "", "")).Value,
            ["appointmentDate"] = Iso(today.AddYears(-4).AddDays(-40)),
        }, cancellationToken);
        await HoldAsync(DemoLicenceTypes.RealEstate, DemoCity.RealEstateCentre, zhangWei, today.AddYears(-3).AddDays(-75), new()
        {
            ["applicantName"] = zhangWei.Name,
            ["propertyAddress"] = "遂宁市船山区南津路 1 号 3 栋 2 单元 1201 室",
            ["unitNumber"] = "510903001001GB00012F00030012",
            ["rightType"] = "国有建设用地使用权/房屋所有权",
            ["use"] = "城镇住宅用地/住宅",
            ["area"] = "98.56",
            ["coOwnership"] = "共同共有（张伟、陈丽）",
        }, cancellationToken);
        await HoldAsync(DemoLicenceTypes.Physician, DemoCity.Health, liuYang, today.AddYears(-2).AddDays(-20), new()
        {
            ["applicantName"] = liuYang.Name,
            ["applicantIdNumber"] = liuYang.Code,
            ["category"] = "临床",
            ["scope"] = "内科专业",
            ["institution"] = "遂宁市中心医院",
            ["practisingCode"] = "201851110510904199506120000",
        }, cancellationToken);
        await HoldAsync(DemoLicenceTypes.BirthCertificate, DemoCity.Health, liuYang, today.AddMonths(-7), new()
        {
            ["babyName"] = "刘思源",
            ["sex"] = "女",
            ["birthDate"] = Iso(today.AddMonths(-7).AddDays(-3)),
            ["hospital"] = "遂宁市中心医院",
            ["applicantName"] = liuYang.Name,
        }, cancellationToken);
        await HoldAsync(DemoLicenceTypes.BusinessLicence, DemoCity.MarketRegulation, nanjin, today.AddYears(-3).AddDays(-12), new()
        {
            ["enterpriseName"] = nanjin.Name,
            ["enterpriseType"] = "有限责任公司",
            ["legalRepresentative"] = DemoCity.Citizens[DemoCity.Enterprises[0].RepresentativeIndex].Name,
            ["registeredCapital"] = "500",
            ["establishedOn"] = Iso(today.AddYears(-3).AddDays(-12)),
            ["residence"] = DemoCity.Enterprises[0].Address,
            ["businessScope"] = "软件开发；信息系统集成服务；信息技术咨询服务（依法须经批准的项目，经相关部门批准后方可开展经营活动）",
        }, cancellationToken);
        await HoldAsync(DemoLicenceTypes.BusinessLicence, DemoCity.PengxiMarketRegulation, chicheng, today.AddYears(-6).AddDays(-100), new()
        {
            ["enterpriseName"] = chicheng.Name,
            ["enterpriseType"] = "有限责任公司",
            ["legalRepresentative"] = DemoCity.Citizens[DemoCity.Enterprises[1].RepresentativeIndex].Name,
            ["registeredCapital"] = "200",
            ["establishedOn"] = Iso(today.AddYears(-6).AddDays(-100)),
            ["residence"] = DemoCity.Enterprises[1].Address,
            ["businessScope"] = "食品生产；食品销售；农副产品收购（依法须经批准的项目，经相关部门批准后方可开展经营活动）",
        }, cancellationToken);
        await HoldAsync(DemoLicenceTypes.FoodLicence, DemoCity.PengxiMarketRegulation, chicheng, today.AddYears(-2).AddDays(-30), new()
        {
            ["enterpriseName"] = chicheng.Name,
            ["enterpriseUscc"] = chicheng.Code,
            ["legalRepresentative"] = DemoCity.Citizens[DemoCity.Enterprises[1].RepresentativeIndex].Name,
            ["premisesAddress"] = DemoCity.Enterprises[1].Address,
            ["businessType"] = "食品销售经营者",
            ["operatingItems"] = "预包装食品销售（含冷藏冷冻食品）；散装食品销售（不含冷藏冷冻食品）",
            ["supervisionAuthority"] = "蓬溪县市场监督管理局赤城市场监督管理所",
        }, cancellationToken);
        await HoldAsync(DemoLicenceTypes.WaterAbstraction, DemoCity.WaterResources, chicheng, today.AddYears(-1).AddDays(-60), new()
        {
            ["enterpriseName"] = chicheng.Name,
            ["enterpriseUscc"] = chicheng.Code,
            ["legalRepresentative"] = DemoCity.Citizens[DemoCity.Enterprises[1].RepresentativeIndex].Name,
            ["waterSource"] = "地下水",
            ["annualVolume"] = "1.2",
            ["intakeLocation"] = "蓬溪县赤城镇工业园 6 号厂区自备井",
            ["waterUse"] = "工业用水（食品加工）",
        }, cancellationToken);

        // 李强's 残疾人证 ran out last month (10 years): the wallet and verification answer 已过期.
        await HoldAsync(DemoLicenceTypes.Disability, DemoCity.ShehongDisabledPersons, liQiang, today.AddYears(-10).AddMonths(-1), new()
        {
            ["applicantName"] = liQiang.Name,
            ["applicantIdNumber"] = liQiang.Code,
            ["applicantAddress"] = DemoCity.Citizens[2].Address,
            ["disabilityType"] = "肢体残疾",
            ["disabilityGrade"] = "四级",
        }, cancellationToken);

        // 王秀英's old 食品经营许可证 was revoked by 蓬溪县市场监督管理局 (she is applying again in the demo cases).
        await HoldAsync(DemoLicenceTypes.FoodLicence, DemoCity.PengxiMarketRegulation, wangXiuying, today.AddYears(-3).AddDays(-10), new()
        {
            ["enterpriseName"] = "蓬溪县赤城镇王记小吃店",
            ["enterpriseUscc"] = DemoCity.UsccFor("92", "510921000000", "MA6DEM03").Value,
            ["legalRepresentative"] = wangXiuying.Name,
            ["premisesAddress"] = DemoCity.Citizens[1].Address,
            ["businessType"] = "餐饮服务经营者",
            ["operatingItems"] = "热食类食品制售",
        }, cancellationToken, revokedOn: today.AddMonths(-5));
    }

    /// <summary>
    /// Issues one demo holding, dated <paramref name="issuedOn"/> (and revoked on <paramref name="revokedOn"/> in the
    /// same unit of work), unless the holder already holds a licence of the type.
    /// </summary>
    private async Task HoldAsync(
        LicenceTypeCode type, Guid issuerDepartment, LicenceHolder holder, DateOnly issuedOn, Dictionary<string, string?> data, CancellationToken cancellationToken, DateOnly? revokedOn = null)
    {
        if (await db.Set<Licence>().AnyAsync(l => l.TypeCode == type && l.Holder.Code == holder.Code, cancellationToken))
        {
            return;
        }

        // A fresh holder each time: it is an owned value and a stored licence keeps its own.
        var issued = await issuer.IssueAsync(new LicenceToIssue(type, issuerDepartment, holder with { }, data, IssuedOn: issuedOn, ValidFrom: issuedOn), cancellationToken);
        var licence = issued.TryGet(out var value, out var error) ? value : throw new InvalidOperationException($"Demo licence {type.Value} for {holder.Name}: {error.Code}");
        if (revokedOn is { } on)
        {
            Revoke(licence, on);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The issuer revoked it on <paramref name="on"/> (as its own page does: status history and audit).</summary>
    private void Revoke(Licence licence, DateOnly on)
    {
        var at = clock.InstantOf(on, new TimeOnly(10, 0));
        var before = licence.Status;
        if (licence.Revoke(RevocationReason, at).Error is { } error)
        {
            throw new InvalidOperationException($"Demo licence {licence.Identifier.Value} not revoked: {error.Code}");
        }

        ChangeLicenceStatusHandler.Record(db, audit, licence, LicenceStatusAction.Revoke, before, licence.IssuerName, at);
    }

    private static LicenceHolder Citizen(int index) =>
        LicenceHolder.Person(DemoCity.IdNumberFor(DemoCity.Citizens[index]), DemoCity.Citizens[index].Name);

    private static LicenceHolder Enterprise(int index)
    {
        var seed = DemoCity.Enterprises[index];
        return LicenceHolder.Enterprise(DemoCity.UsccFor("91", seed.RegionCode, seed.OrganisationCodeBody), seed.Name);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
