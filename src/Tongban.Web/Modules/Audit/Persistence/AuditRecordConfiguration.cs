using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongban.Domain.Audit;

namespace Tongban.Modules.Audit.Persistence;

internal sealed class AuditRecordConfiguration : IEntityTypeConfiguration<AuditRecord>
{
    public void Configure(EntityTypeBuilder<AuditRecord> builder)
    {
        builder.ToTable("audit_records");
        builder.HasKey(r => r.Sequence);
        builder.Property(r => r.Sequence).ValueGeneratedNever();
        builder.Property(r => r.ActorId).HasMaxLength(64).IsRequired();
        builder.Property(r => r.ActorName).HasMaxLength(100).IsRequired();
        builder.Property(r => r.ActorRole).HasMaxLength(200).IsRequired();
        builder.Property(r => r.Action).HasMaxLength(100).IsRequired();
        builder.Property(r => r.EntityType).HasMaxLength(100).IsRequired();
        builder.Property(r => r.EntityId).HasMaxLength(100).IsRequired();
        builder.Property(r => r.RequestId).HasMaxLength(100).IsRequired();
        builder.Property(r => r.PreviousHash).HasMaxLength(64).IsRequired();
        builder.Property(r => r.Hash).HasMaxLength(64).IsRequired();
        builder.HasIndex(r => new { r.EntityType, r.EntityId });
        builder.HasIndex(r => r.ActorId);
    }
}
