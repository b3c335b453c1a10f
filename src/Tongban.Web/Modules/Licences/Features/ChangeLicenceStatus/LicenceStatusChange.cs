using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongban.Domain.Licences;

namespace Tongban.Modules.Licences.Features.ChangeLicenceStatus;

/// <summary>
/// One line of a licence's status history as its issuer sees it: 暂停, 恢复, 撤销 or 变更换发 (superseded),
/// who did it and why. The licence keeps only its current status; this is the record behind the
/// detail page's history (the audit trail holds the same facts, chained, for supervision).
/// </summary>
public sealed class LicenceStatusChange
{
    private LicenceStatusChange() { }

    public Guid Id { get; private set; }
    public Guid LicenceId { get; private set; }
    public LicenceStatus FromStatus { get; private set; }
    public LicenceStatus ToStatus { get; private set; }
    public string Reason { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public DateTimeOffset At { get; private set; }

    public static LicenceStatusChange Of(Licence licence, LicenceStatus from, string actorName, DateTimeOffset at) => new()
    {
        Id = Guid.NewGuid(),
        LicenceId = licence.Id,
        FromStatus = from,
        ToStatus = licence.Status,
        Reason = licence.StatusReason ?? "",
        ActorName = actorName.Length > 100 ? actorName[..100] : actorName,
        At = at,
    };
}

internal sealed class LicenceStatusChangeConfiguration : IEntityTypeConfiguration<LicenceStatusChange>
{
    public void Configure(EntityTypeBuilder<LicenceStatusChange> builder)
    {
        builder.ToTable("licence_status_changes");
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => new { c.LicenceId, c.At });
        builder.Property(c => c.Reason).HasMaxLength(Licence.MaxReasonLength).IsRequired();
        builder.Property(c => c.ActorName).HasMaxLength(100).IsRequired();
    }
}
