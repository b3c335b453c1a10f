namespace Tongban.Platform;

/// <summary>The "Tongban" configuration section.</summary>
public sealed class TongbanOptions
{
    public const string Section = "Tongban";

    /// <summary>Where the embedded database and stored files live.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Seed the demo city (遂宁) and demo accounts on first start.</summary>
    public bool Demo { get; set; }

    public DatabaseOptions Database { get; set; } = new();

    public SecurityOptions Security { get; set; } = new();

    /// <summary>IANA time zone of the city; deadlines end at the end of a working day there.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";
}

public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class SecurityOptions
{
    public int MaxFailedSignIns { get; set; } = 5;
    public int LockoutMinutes { get; set; } = 15;
    public int AccessTokenMinutes { get; set; } = 60;

    /// <summary>Sign-in attempts per client address per minute, on each node.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 30;
}
