using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Domain.Licences;
using Tongban.Domain.Primitives;
using Tongban.Modules.Licences.Features.VerifyLicence;
using Tongban.Modules.Licences.Features.Wallet;
using Tongban.Platform;
using Tongban.Platform.Persistence;
using NotFound = Tongban.Domain.Primitives.NotFound;

namespace Tongban.Modules.Licences.Features.Grants;

/// <summary>A code just made: shown to the holder once (only its hash is stored).</summary>
public sealed record IssuedCode(Guid GrantId, string Code, string Link, DateTimeOffset ExpiresAt);

/// <summary>A grant as its holder lists it: whom, what for, until when, its state and its uses.</summary>
public sealed record GrantRow(Guid Id, string Grantee, string Purpose, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, LicenceGrantState State, int Uses, DateTimeOffset? LastUsedAt)
{
    /// <summary>有效 / 已过期 / 已撤销.</summary>
    public string StateName => State switch
    {
        LicenceGrantState.Active => "有效",
        LicenceGrantState.Expired => "已过期",
        LicenceGrantState.Revoked => "已撤销",
    };
}

/// <summary>What a code's bearer is let to see: the grant and the licence as it stands now (its data only while it is valid).</summary>
public sealed record GrantedLicence(LicenceGrant Grant, LicenceCard Card);

/// <summary>
/// 亮证 and 用证授权 for the signed-in holder, and the anonymous use of their codes. One mechanism for
/// both (<see cref="GrantCodes"/>, one table with a kind); every code made, revoked and used is audited,
/// and every use is also logged in <c>licence_grant_uses</c> (when, through which channel).
/// </summary>
public sealed class LicenceGrants(TongbanDbContext db, LicenceCards cards, AuditTrail audit, VerificationLog verifications, TimeProvider time, IOptions<LicenceOptions> options, LicenceLinks links)
{
    private LicenceOptions Settings => options.Value;

    /// <summary>亮证: a fresh short-lived code for one of the holder's licences.</summary>
    public async Task<Result<IssuedCode>> ShowAsync(LicenceIdentifier identifier, CancellationToken cancellationToken)
    {
        if (await cards.MineAsync(identifier, cancellationToken) is not { } card)
        {
            return new NotFound("licences.not-found", identifier.Value);
        }

        var code = GrantCodes.New(LicenceGrantKind.Show);
        var grant = LicenceGrant.Show(card.Licence, GrantCodes.Hash(LicenceGrantKind.Show, code), Settings.ShowLifetime, time.GetUtcNow());
        db.Add(grant);
        audit.Record("licences.show", nameof(LicenceGrant), grant.Id.ToString(), after: new { licence = identifier.Value, grant.ExpiresAt });
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedCode(grant.Id, code, links.Shown(code), grant.ExpiresAt);
    }

    /// <summary>用证授权: lets a named third party read one of the holder's (valid) licences for <paramref name="hours"/>.</summary>
    public async Task<Result<IssuedCode>> ShareAsync(LicenceIdentifier identifier, string? grantee, string? purpose, int hours, CancellationToken cancellationToken)
    {
        if (await cards.MineAsync(identifier, cancellationToken) is not { } card)
        {
            return new NotFound("licences.not-found", identifier.Value);
        }

        var code = GrantCodes.New(LicenceGrantKind.Share);
        if (!LicenceGrant.Share(card.Licence, card.State, grantee, purpose, TimeSpan.FromHours(hours), Settings.LongestGrant, GrantCodes.Hash(LicenceGrantKind.Share, code), time.GetUtcNow())
                .TryGet(out var grant, out var error))
        {
            return error;
        }

        db.Add(grant);
        audit.Record("licences.grant", nameof(LicenceGrant), grant.Id.ToString(), after: new { licence = identifier.Value, grant.Grantee, grant.Purpose, grant.ExpiresAt });
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedCode(grant.Id, code, links.Shared(code), grant.ExpiresAt);
    }

    /// <summary>The holder's 用证授权 of one licence, newest first, with their uses.</summary>
    public async Task<Result<IReadOnlyList<GrantRow>>> ListAsync(LicenceIdentifier identifier, CancellationToken cancellationToken)
    {
        if (await cards.MineAsync(identifier, cancellationToken) is not { } card)
        {
            return new NotFound("licences.not-found", identifier.Value);
        }

        var grants = await db.Set<LicenceGrant>().AsNoTracking()
            .Where(g => g.LicenceId == card.Licence.Id && g.Kind == LicenceGrantKind.Share)
            .OrderByDescending(g => g.CreatedAt).ToListAsync(cancellationToken);
        var ids = grants.Select(g => g.Id).ToList();
        var uses = (await db.Set<LicenceGrantUse>().AsNoTracking().Where(u => ids.Contains(u.GrantId))
                .GroupBy(u => u.GrantId).Select(g => new { GrantId = g.Key, Count = g.Count(), Last = g.Max(u => u.UsedAt) }).ToListAsync(cancellationToken))
            .ToDictionary(u => u.GrantId);
        var now = time.GetUtcNow();
        return Result<IReadOnlyList<GrantRow>>.Success([.. grants.Select(g => new GrantRow(
            g.Id, g.Grantee ?? "", g.Purpose ?? "", g.CreatedAt, g.ExpiresAt, g.RevokedAt, g.StateAt(now),
            uses.TryGetValue(g.Id, out var u) ? u.Count : 0, uses.TryGetValue(g.Id, out var last) ? last.Last : null))]);
    }

    /// <summary>The holder ends one of their grants now.</summary>
    public async Task<Result<LicenceIdentifier>> RevokeAsync(Guid grantId, CancellationToken cancellationToken)
    {
        var grant = cards.HolderCode is { } holder
            ? await db.Set<LicenceGrant>().FirstOrDefaultAsync(g => g.Id == grantId && g.HolderCode == holder && g.Kind == LicenceGrantKind.Share, cancellationToken)
            : null;
        var card = grant is null ? null : await cards.FindAsync(grant.LicenceId, cancellationToken);
        if (grant is null || card is null)
        {
            return new NotFound("licences.grant-not-found");
        }

        if (grant.Revoke(time.GetUtcNow()) is { IsSuccess: false } failed)
        {
            return failed.Error!;
        }

        audit.Record("licences.grant-revoke", nameof(LicenceGrant), grant.Id.ToString(), after: new { licence = card.Licence.Identifier.Value, grant.RevokedAt });
        var saved = await db.SaveUnlessStaleAsync(cancellationToken);
        return saved.IsSuccess ? card.Licence.Identifier : saved.Error!;
    }

    /// <summary>
    /// A bearer opens a code (anonymously): unknown, expired and revoked codes show nothing; a usable one
    /// is logged and audited and answers the licence as it stands now.
    /// </summary>
    public async Task<Result<GrantedLicence>> UseAsync(LicenceGrantKind kind, string? code, LicenceGrantChannel channel, CancellationToken cancellationToken)
    {
        var hash = GrantCodes.LooksLike(kind, code) ? GrantCodes.Hash(kind, code!) : null;
        var grant = hash is null ? null : await db.Set<LicenceGrant>().AsNoTracking().FirstOrDefaultAsync(g => g.CodeHash == hash && g.Kind == kind, cancellationToken);
        var card = grant is null ? null : await cards.FindAsync(grant.LicenceId, cancellationToken);
        if (grant is null || card is null)
        {
            return new NotFound("licences.grant-not-found");
        }

        var now = time.GetUtcNow();
        if (grant.CheckUsable(now) is { IsSuccess: false } refused)
        {
            return refused.Error!;
        }

        db.Add(LicenceGrantUse.Of(grant, channel, now));
        verifications.Record(kind == LicenceGrantKind.Show ? "show" : "grant", card.Licence.Identifier.Value, card.WireState);
        audit.Record(kind == LicenceGrantKind.Show ? "licences.show-use" : "licences.grant-use", nameof(LicenceGrant), grant.Id.ToString(),
            after: new { licence = card.Licence.Identifier.Value, channel = channel.ToString().ToLowerInvariant(), state = card.WireState });
        await db.SaveChangesAsync(cancellationToken);
        return new GrantedLicence(grant, card);
    }
}
