using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongban.Domain.Licences;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Licences.Persistence;

internal sealed class LicenceTypeConfiguration : IEntityTypeConfiguration<LicenceType>
{
    public void Configure(EntityTypeBuilder<LicenceType> builder)
    {
        builder.ToTable("licence_types");
        builder.HasKey(t => t.Id);
        builder.HasIndex(t => t.Code).IsUnique();
        builder.Property(t => t.Name).HasMaxLength(LicenceType.MaxNameLength).IsRequired();
        builder.Property<List<LicenceField>>("_fields").HasColumnName("fields").AsJson(8000);
        builder.Property<List<Guid>>("_issuers").HasColumnName("issuer_department_ids").AsJson(4000);
        builder.Property(t => t.Validity).AsJson(200);
        builder.Property(t => t.Template).AsJson(4000);
        builder.Ignore(t => t.Fields);
        builder.Ignore(t => t.IssuerDepartmentIds);
    }
}

internal sealed class LicenceConfiguration : IEntityTypeConfiguration<Licence>
{
    public void Configure(EntityTypeBuilder<Licence> builder)
    {
        builder.ToTable("licences");
        builder.HasKey(l => l.Id);
        builder.HasIndex(l => l.Identifier).IsUnique();
        builder.HasIndex(l => new { l.IssuerDepartmentId, l.IssuedOn });
        builder.HasIndex(l => l.CaseNumber);
        builder.Property(l => l.TypeName).HasMaxLength(LicenceType.MaxNameLength).IsRequired();
        builder.Property(l => l.IssuerName).HasMaxLength(100).IsRequired();
        builder.OwnsOne(l => l.Holder, holder =>
        {
            holder.Property(h => h.CodeType).HasColumnName("holder_code_type");
            holder.Property(h => h.Code).HasColumnName("holder_code").HasMaxLength(18).IsRequired();
            holder.Property(h => h.Name).HasColumnName("holder_name").HasMaxLength(LicenceHolder.MaxNameLength).IsRequired();
            holder.Ignore(h => h.CodeTypeNumber);
            holder.Ignore(h => h.PublicName);
            holder.Ignore(h => h.PublicCode);
            // The wallet and 免提交: a holder's licences, by type.
            holder.HasIndex(h => h.Code).HasDatabaseName("ix_licences_holder_code");
        });
        builder.Navigation(l => l.Holder).IsRequired();
        builder.Property<Dictionary<string, string>>("_data").HasColumnName("data").AsJson(8000);
        builder.Ignore(l => l.Data);
        builder.Property(l => l.CaseNumber).HasMaxLength(43);
        builder.Property(l => l.Payload).HasMaxLength(SignedPayload.MaxLength).IsRequired();
        builder.Property(l => l.KeyId).HasMaxLength(40).IsRequired();
        builder.Property(l => l.StatusReason).HasMaxLength(Licence.MaxReasonLength);
    }
}

internal sealed class SealConfiguration : IEntityTypeConfiguration<Seal>
{
    public void Configure(EntityTypeBuilder<Seal> builder)
    {
        builder.ToTable("seals");
        builder.HasKey(s => s.Id);
        // Two nodes starting a department's first seal (or rotating it) at once: one generation wins.
        builder.HasIndex(s => new { s.DepartmentId, s.Generation }).IsUnique();
        builder.HasIndex(s => s.KeyId).IsUnique();
        builder.Property(s => s.DepartmentName).HasMaxLength(100).IsRequired();
        builder.Property(s => s.KeyId).HasMaxLength(40).IsRequired();
        builder.Property(s => s.PublicKey).HasMaxLength(500).IsRequired();
    }
}

/// <summary>The last 证照流水号 handed out per licence type and issuer.</summary>
internal sealed class LicenceSerialCounter
{
    public required string TypeCode { get; init; }
    public required string IssuerUscc { get; init; }
    public long LastSerial { get; set; }
}

internal sealed class LicenceSerialCounterConfiguration : IEntityTypeConfiguration<LicenceSerialCounter>
{
    public void Configure(EntityTypeBuilder<LicenceSerialCounter> builder)
    {
        builder.ToTable("licence_serial_counters");
        builder.HasKey(c => new { c.TypeCode, c.IssuerUscc });
        builder.Property(c => c.TypeCode).HasMaxLength(21);
        builder.Property(c => c.IssuerUscc).HasMaxLength(18);
    }
}
