using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Domain.Licences;
using Tongban.Domain.Primitives;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Modules.Licences;
using Tongban.Modules.Licences.Features.IssueLicence;
using Tongban.Platform;
using Tongban.Platform.Demo;
using Tongban.Platform.Persistence;

namespace Tongban.IntegrationTests.Licences;

/// <summary>
/// Licence set-up for tests that are about what comes after issuance (verification, the wallet, 免提交):
/// a licence type of their own and licences issued as the platform issues them, through
/// <see cref="LicenceIssuer"/> and the issuing department's seal.
/// </summary>
public static class LicenceActions
{
    /// <summary>A test type issued by 市市场监督管理局: 名称 (in the QR), 经营范围, 发证日期 (a date, optional).</summary>
    public static async Task<LicenceTypeCode> DefineTestTypeAsync(this TongbanApp app, string name = "测试许可证", int validityYears = 5, bool onePerHolder = false, Guid? issuer = null)
    {
        var body = DemoCity.UsccFor("11", "510900000000", "MB1A0003");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TongbanDbContext>();

        // A serial no type of this body has yet (100-999; the demo types use the low ones), picked at random
        // so tests sharing a database rarely race for one, and tried again when one does.
        for (var attempt = 1; ; attempt++)
        {
            var taken = (await db.Set<LicenceType>().AsNoTracking().Select(t => t.Code).ToListAsync()).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
            var free = Enumerable.Range(100, 900).Select(n => body.Value + n.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)).Where(c => !taken.Contains(c)).ToList();
            var code = LicenceTypeCode.FromTrusted(free[RandomNumberGenerator.GetInt32(free.Count)]);
            var type = LicenceType.Define(code, name,
                [
                    new LicenceField("name", "名称", InPayload: true),
                    new LicenceField("scope", "经营范围"),
                    new LicenceField("approvedOn", "核准日期", LicenceFieldKind.Date, Required: false),
                ],
                validityYears > 0 ? LicenceValidity.ForYears(validityYears) : LicenceValidity.OpenEnded,
                new LicenceTemplate(name, Footer: "遂宁市市场监督管理局监制"),
                [issuer ?? DemoCity.MarketRegulation], onePerHolder, app.Clock.GetUtcNow()).Value;
            db.Add(type);
            try
            {
                await db.SaveChangesAsync();
                return code;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Issues a licence to the demo citizen <paramref name="citizenIndex"/> and answers its identifier.</summary>
    public static Task<LicenceIdentifier> IssueToCitizenAsync(this TongbanApp app, LicenceTypeCode type, int citizenIndex = 0, string name = "遂宁市船山区张伟小吃店", Guid? issuer = null)
    {
        var citizen = DemoCity.Citizens[citizenIndex];
        return app.IssueAsync(type, LicenceHolder.Person(DemoCity.IdNumberFor(citizen), citizen.Name), name, issuer);
    }

    public static async Task<LicenceIdentifier> IssueAsync(this TongbanApp app, LicenceTypeCode type, LicenceHolder holder, string name = "遂宁市船山区张伟小吃店", Guid? issuer = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var issued = await scope.ServiceProvider.GetRequiredService<LicenceIssuer>().IssueAsync(
            new LicenceToIssue(type, issuer ?? DemoCity.MarketRegulation, holder, new Dictionary<string, string?> { ["name"] = name, ["scope"] = "餐饮服务（小型餐馆）" }),
            CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<TongbanDbContext>().SaveChangesAsync();
        return issued.Value.Identifier;
    }
}
