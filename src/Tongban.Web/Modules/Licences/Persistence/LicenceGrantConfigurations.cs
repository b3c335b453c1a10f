using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongban.Domain.Licences;

namespace Tongban.Modules.Licences.Persistence;

internal sealed class LicenceGrantConfiguration : IEntityTypeConfiguration<LicenceGrant>
{
    public void Configure(EntityTypeBuilder<LicenceGrant> builder)
    {
        builder.ToTable("licence_grants");
        builder.HasKey(g => g.Id);
        // Opening a link or an entered code: one lookup by the code's hash.
        builder.HasIndex(g => g.CodeHash).IsUnique();
        // The holder's grants of one licence on the licence's page.
        builder.HasIndex(g => new { g.LicenceId, g.Kind, g.CreatedAt });
        builder.Property(g => g.HolderCode).HasMaxLength(18).IsRequired();
        builder.Property(g => g.Grantee).HasMaxLength(LicenceGrant.MaxGranteeLength);
        builder.Property(g => g.Purpose).HasMaxLength(LicenceGrant.MaxPurposeLength);
        builder.Property(g => g.CodeHash).HasMaxLength(64).IsRequired();
    }
}

internal sealed class LicenceGrantUseConfiguration : IEntityTypeConfiguration<LicenceGrantUse>
{
    public void Configure(EntityTypeBuilder<LicenceGrantUse> builder)
    {
        builder.ToTable("licence_grant_uses");
        builder.HasKey(u => u.Id);
        builder.HasIndex(u => new { u.GrantId, u.UsedAt });
    }
}
