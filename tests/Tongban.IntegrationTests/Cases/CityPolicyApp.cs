using Microsoft.AspNetCore.Hosting;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Platform;

namespace Tongban.IntegrationTests.Cases;

/// <summary>
/// The platform with the city's case policy set away from the defaults: 李强 flagged by the credit
/// system (严重失信), and the yellow warning at half of a limit.
/// </summary>
public class CityPolicyApp(DatabaseProvider provider) : TongbanApp(provider)
{
    public const double WarningShare = 0.5;

    public static string FlaggedCitizen => Actors.CitizenLogin(2);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Tongban:Credit:SeriousBadCredit:0", FlaggedCitizen);
        builder.UseSetting("Tongban:Cases:WarningShare", WarningShare.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

public sealed class CityPolicySqliteApp() : CityPolicyApp(DatabaseProvider.Sqlite);

public sealed class CityPolicyPostgresApp() : CityPolicyApp(DatabaseProvider.Postgres);
