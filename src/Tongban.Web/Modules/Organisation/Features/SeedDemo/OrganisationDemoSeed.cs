using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Organisation;
using Tongban.Domain.Primitives;
using Tongban.Platform.Demo;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Organisation.Features.SeedDemo;

/// <summary>遂宁市's regions, departments, the municipal hall and the halls of 蓬溪县 and 射洪市, with windows.</summary>
internal sealed class OrganisationDemoSeed(TongbanDbContext db) : IDemoSeed
{
    public int Order => 10;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Set<Region>().AnyAsync(cancellationToken))
        {
            return;
        }

        foreach (var seed in DemoCity.Regions)
        {
            db.Add(Region.Create(RegionCode.FromTrusted(seed.Code), seed.Name).Value);
        }

        foreach (var seed in DemoCity.Departments)
        {
            var uscc = DemoCity.UsccFor("11", seed.RegionCode, seed.OrganisationCodeBody);
            db.Add(Department.Create(seed.Id, uscc, seed.Name, RegionCode.FromTrusted(seed.RegionCode), null).Value);
        }

        var cityHall = ServiceHall.Create(DemoCity.CityHall, "遂宁市政务服务中心", RegionCode.FromTrusted("510900000000"),
            "遂宁市船山区开发区明月路 333 号", "周一至周五 9:00-12:00，13:30-17:00；周六 9:00-12:00（延时服务）", 30.532847m, 105.592898m).Value;
        cityHall.OpenWindow(Guid.CreateVersion7(), "A01", "综合受理窗口 1", WindowKind.Comprehensive, null);
        cityHall.OpenWindow(Guid.CreateVersion7(), "A02", "综合受理窗口 2", WindowKind.Comprehensive, null);
        cityHall.OpenWindow(Guid.CreateVersion7(), "A03", "帮办代办窗口", WindowKind.Comprehensive, null);
        cityHall.OpenWindow(Guid.CreateVersion7(), "B01", "公安专窗", WindowKind.Dedicated, DemoCity.PublicSecurity);
        cityHall.OpenWindow(Guid.CreateVersion7(), "C01", "不动产登记专窗", WindowKind.Dedicated, DemoCity.RealEstateCentre);
        cityHall.OpenWindow(Guid.CreateVersion7(), "D01", "统一出件窗口", WindowKind.Comprehensive, null);
        db.Add(cityHall);

        var pengxiHall = ServiceHall.Create(DemoCity.PengxiHall, "蓬溪县政务服务中心", RegionCode.FromTrusted("510921000000"),
            "遂宁市蓬溪县赤城镇建设街 20 号", "周一至周五 9:00-12:00，14:00-17:30", 30.757560m, 105.707210m).Value;
        pengxiHall.OpenWindow(Guid.CreateVersion7(), "1", "综合受理窗口", WindowKind.Comprehensive, null);
        pengxiHall.OpenWindow(Guid.CreateVersion7(), "2", "市场监管专窗", WindowKind.Dedicated, DemoCity.PengxiMarketRegulation);
        db.Add(pengxiHall);

        var shehongHall = ServiceHall.Create(DemoCity.ShehongHall, "射洪市政务服务中心", RegionCode.FromTrusted("510981000000"),
            "遂宁市射洪市太和街道美丰南路 1 号", "周一至周五 9:00-12:00，14:00-17:30", 30.871120m, 105.388410m).Value;
        shehongHall.OpenWindow(Guid.CreateVersion7(), "1", "综合受理窗口（含通办代收）", WindowKind.Comprehensive, null);
        shehongHall.OpenWindow(Guid.CreateVersion7(), "2", "统一出件窗口", WindowKind.Comprehensive, null);
        db.Add(shehongHall);
        await db.SaveChangesAsync(cancellationToken);
    }
}
