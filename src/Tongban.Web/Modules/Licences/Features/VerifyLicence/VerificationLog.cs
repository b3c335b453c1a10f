using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongban.Platform.Persistence;
using Tongban.Platform.Security;

namespace Tongban.Modules.Licences.Features.VerifyLicence;

/// <summary>
/// One verification as logged: when, through which channel, what was asked (the licence identifier,
/// or a decision's 办件编号 — never the payload), the status answered and the caller's account when
/// signed in. Nothing else about the caller (no address, no name) is kept.
/// </summary>
public sealed class LicenceVerification
{
    public const int MaxSubjectLength = 100;
    public const int MaxChannelLength = 20;

    public Guid Id { get; init; }
    public DateTimeOffset At { get; init; }
    public required string Channel { get; init; }
    public required string Subject { get; init; }
    public required string Status { get; init; }
    public Guid? AccountId { get; init; }
}

/// <summary>
/// The verification log (<c>licence_verifications</c>). <see cref="Record"/> adds one row to the
/// caller's unit of work; the caller saves. Channels: <c>api</c>, <c>page</c>, <c>link</c> (a QR code
/// opened at <c>/v/…</c>), and whatever other parts name (<c>grant</c>, <c>show</c>).
/// </summary>
public sealed class VerificationLog(TongbanDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public void Record(string channel, string subject, string status)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentException.ThrowIfNullOrWhiteSpace(status);
        var asked = subject.Trim();
        db.Add(new LicenceVerification
        {
            Id = Guid.NewGuid(),
            At = clock.GetUtcNow(),
            Channel = channel.Length > LicenceVerification.MaxChannelLength ? channel[..LicenceVerification.MaxChannelLength] : channel,
            Subject = asked.Length > LicenceVerification.MaxSubjectLength ? asked[..LicenceVerification.MaxSubjectLength] : asked,
            Status = status,
            AccountId = currentUser.AccountId,
        });
    }

    /// <summary>The verifications of one licence (or decision), newest first.</summary>
    public async Task<IReadOnlyList<LicenceVerification>> OfAsync(string subject, int limit, CancellationToken cancellationToken) =>
        await db.Set<LicenceVerification>().AsNoTracking()
            .Where(v => v.Subject == subject)
            .OrderByDescending(v => v.At)
            .Take(limit)
            .ToListAsync(cancellationToken);
}

internal sealed class LicenceVerificationConfiguration : IEntityTypeConfiguration<LicenceVerification>
{
    public void Configure(EntityTypeBuilder<LicenceVerification> builder)
    {
        builder.ToTable("licence_verifications");
        builder.HasKey(v => v.Id);
        // The issuer's view: one licence's verifications, newest first.
        builder.HasIndex(v => new { v.Subject, v.At });
        builder.Property(v => v.Channel).HasMaxLength(LicenceVerification.MaxChannelLength).IsRequired();
        builder.Property(v => v.Subject).HasMaxLength(LicenceVerification.MaxSubjectLength).IsRequired();
        builder.Property(v => v.Status).HasMaxLength(20).IsRequired();
    }
}
