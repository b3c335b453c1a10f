using Tongban.Domain.Primitives;

namespace Tongban.Domain.Licences;

/// <summary>What a holder's code lets its bearer do.</summary>
public enum LicenceGrantKind
{
    /// <summary>亮证: the short-lived QR on the holder's screen, shown in person.</summary>
    Show,

    /// <summary>用证授权: a named third party may read the licence for a stated purpose until the grant ends.</summary>
    Share,
}

public enum LicenceGrantState
{
    Active,
    Expired,
    Revoked,
}

/// <summary>How a grant was used (the usage log's channel).</summary>
public enum LicenceGrantChannel
{
    /// <summary>The anonymous page opened from the link or the entered code.</summary>
    Page,

    /// <summary>GET /api/v1/licence-grants/{code}.</summary>
    Api,

    /// <summary>The licence's PDF downloaded through the grant.</summary>
    Pdf,
}

/// <summary>
/// A holder's code for one licence (亮证 or 用证授权). Only the code's hash is kept; the code itself is
/// shown to the holder once. A grant ends when it expires or the holder revokes it; uses are logged
/// in <see cref="LicenceGrantUse"/>, not counted here, so concurrent readers never conflict.
/// </summary>
public sealed class LicenceGrant : IVersioned
{
    public const int MaxGranteeLength = 100;
    public const int MaxPurposeLength = 200;

    private LicenceGrant() { }

    public Guid Id { get; private set; }
    public LicenceGrantKind Kind { get; private set; }
    public Guid LicenceId { get; private set; }

    /// <summary>The holder's code (ID number or USCC): whose grant it is.</summary>
    public string HolderCode { get; private set; } = "";

    /// <summary>被授权方 and 用途 (用证授权 only).</summary>
    public string? Grantee { get; private set; }
    public string? Purpose { get; private set; }

    /// <summary>SHA-256 of the code, hex.</summary>
    public string CodeHash { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public int Version { get; set; }

    /// <summary>亮证: a code valid for <paramref name="lifetime"/> from now.</summary>
    public static LicenceGrant Show(Licence licence, string codeHash, TimeSpan lifetime, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(licence);
        return new LicenceGrant
        {
            Id = Guid.NewGuid(),
            Kind = LicenceGrantKind.Show,
            LicenceId = licence.Id,
            HolderCode = licence.Holder.Code,
            CodeHash = codeHash,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
    }

    /// <summary>
    /// 用证授权: the third party is named, the purpose stated, the time between an hour and
    /// <paramref name="longest"/>, and only a licence valid today is shared.
    /// </summary>
    public static Result<LicenceGrant> Share(Licence licence, LicenceState state, string? grantee, string? purpose, TimeSpan lifetime, TimeSpan longest, string codeHash, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(licence);
        if (state != LicenceState.Valid)
        {
            return OnlyAValidLicenceIsShared();
        }

        if (string.IsNullOrWhiteSpace(grantee) || grantee.Trim().Length > MaxGranteeLength)
        {
            return new Invalid("licences.grantee-required", MaxGranteeLength) { Field = "grantee" };
        }

        if (string.IsNullOrWhiteSpace(purpose) || purpose.Trim().Length > MaxPurposeLength)
        {
            return new Invalid("licences.grant-purpose-required", MaxPurposeLength) { Field = "purpose" };
        }

        if (lifetime < TimeSpan.FromHours(1) || lifetime > longest)
        {
            return new Invalid("licences.grant-duration", (int)longest.TotalDays) { Field = "duration" };
        }

        return new LicenceGrant
        {
            Id = Guid.NewGuid(),
            Kind = LicenceGrantKind.Share,
            LicenceId = licence.Id,
            HolderCode = licence.Holder.Code,
            Grantee = grantee.Trim(),
            Purpose = purpose.Trim(),
            CodeHash = codeHash,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
    }

    public LicenceGrantState StateAt(DateTimeOffset now) =>
        RevokedAt is not null ? LicenceGrantState.Revoked
        : now >= ExpiresAt ? LicenceGrantState.Expired
        : LicenceGrantState.Active;

    /// <summary>May the bearer read the licence now? Expired and revoked codes show nothing.</summary>
    public Result CheckUsable(DateTimeOffset now) => StateAt(now) switch
    {
        LicenceGrantState.Active => Result.Success,
        LicenceGrantState.Expired => new Conflict(Kind == LicenceGrantKind.Show ? "licences.show-expired" : "licences.grant-expired"),
        LicenceGrantState.Revoked => new Conflict("licences.grant-revoked"),
    };

    public Result Revoke(DateTimeOffset now)
    {
        if (StateAt(now) != LicenceGrantState.Active)
        {
            return new Conflict("licences.grant-not-active");
        }

        RevokedAt = now;
        return Result.Success;
    }

    private static Conflict OnlyAValidLicenceIsShared() => new("licences.grant-licence-not-valid");
}

/// <summary>One use of a grant: when and through which channel (no personal data of the reader).</summary>
public sealed class LicenceGrantUse
{
    private LicenceGrantUse() { }

    public Guid Id { get; private set; }
    public Guid GrantId { get; private set; }
    public DateTimeOffset UsedAt { get; private set; }
    public LicenceGrantChannel Channel { get; private set; }

    public static LicenceGrantUse Of(LicenceGrant grant, LicenceGrantChannel channel, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(grant);
        return new LicenceGrantUse { Id = Guid.NewGuid(), GrantId = grant.Id, UsedAt = now, Channel = channel };
    }
}
