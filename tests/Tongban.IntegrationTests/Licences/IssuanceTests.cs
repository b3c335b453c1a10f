using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Domain.Licences;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Modules.Licences.Seals;
using Tongban.Platform.Demo;
using Tongban.Platform.Persistence;

namespace Tongban.IntegrationTests.Licences;

/// <summary>Issuance stores a licence whose identifier, serial and signature hold, and a re-issue supersedes.</summary>
public abstract class IssuanceTests(TongbanApp app)
{
    [Fact]
    public async Task Issue_GivesConsecutiveSerials_AndAPayloadTheSealVerifies()
    {
        var type = await app.DefineTestTypeAsync();
        var first = await app.IssueToCitizenAsync(type, 0);
        var second = await app.IssueToCitizenAsync(type, 1);

        Assert.Equal(type, first.Type);
        Assert.Equal(DemoCity.UsccFor("11", "510900000000", "MB1A0003"), first.Issuer);
        Assert.Equal(long.Parse(first.Serial, System.Globalization.CultureInfo.InvariantCulture) + 1, long.Parse(second.Serial, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, first.Version);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TongbanDbContext>();
        var stored = await db.Set<Licence>().AsNoTracking().SingleAsync(l => l.Identifier == first);
        Assert.Equal("张伟", stored.Holder.Name);
        var payload = SignedPayload.Parse(stored.Payload).Value;
        Assert.Equal(first.Value, payload.Claims.Id);
        Assert.Equal("张*", payload.Claims.Holder);
        Assert.Equal("遂宁市船山区张伟小吃店", payload.Claims.Fields["名称"]);
        Assert.Equal(SignatureCheck.Valid, await scope.ServiceProvider.GetRequiredService<SealBook>().CheckAsync(payload, CancellationToken.None));
    }

    [Fact]
    public async Task Issue_ForAOnePerHolderType_ReissuesAsTheNextVersion_AndSupersedesTheOld()
    {
        var type = await app.DefineTestTypeAsync(onePerHolder: true);
        var first = await app.IssueToCitizenAsync(type, 2, "射洪市李强五金店");
        var second = await app.IssueToCitizenAsync(type, 2, "射洪市李强五金建材店");

        Assert.Equal(first.Serial, second.Serial);
        Assert.Equal(2, second.Version);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TongbanDbContext>();
        var old = await db.Set<Licence>().AsNoTracking().SingleAsync(l => l.Identifier == first);
        Assert.Equal(LicenceStatus.Superseded, old.Status);
        Assert.Equal(second, old.SupersededBy);
    }
}

public sealed class IssuanceTestsOnSqlite(SqliteApp app) : IssuanceTests(app), IClassFixture<SqliteApp>;

public sealed class IssuanceTestsOnPostgres(PostgresApp app) : IssuanceTests(app), IClassFixture<PostgresApp>;
