using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongban.Domain.Identity;

namespace Tongban.Modules.Identity.Persistence;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.ToTable("accounts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.LoginName).HasMaxLength(64).IsRequired();
        builder.HasIndex(a => a.LoginName).IsUnique();
        builder.Property(a => a.DisplayName).HasMaxLength(100).IsRequired();
        builder.Property(a => a.PasswordHash).HasMaxLength(200).IsRequired();
        builder.Property(a => a.SecurityStamp).HasMaxLength(64).IsRequired();
        builder.Property(a => a.DisabledReason).HasMaxLength(500);
        builder.Property(a => a.EmployeeId).HasMaxLength(32);
        builder.Property(a => a.Roles)
            .HasConversion(
                roles => string.Join(',', roles),
                text => text.Length == 0 ? new List<Role>() : text.Split(',', StringSplitOptions.None).Select(Enum.Parse<Role>).ToList(),
                new ValueComparer<IReadOnlyList<Role>>((a, b) => a!.SequenceEqual(b!), r => r.Aggregate(0, (h, x) => HashCode.Combine(h, x)), r => r.ToList()))
            .HasMaxLength(200)
            .IsRequired();
        builder.HasIndex(a => new { a.ScopeRegion, a.Kind });
        builder.Ignore(a => a.Scope);
        builder.Ignore(a => a.IsActive);
    }
}

internal sealed class AccessTokenConfiguration : IEntityTypeConfiguration<AccessToken>
{
    public void Configure(EntityTypeBuilder<AccessToken> builder)
    {
        builder.ToTable("access_tokens");
        builder.HasKey(t => t.TokenHash);
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.Property(t => t.SecurityStamp).HasMaxLength(64).IsRequired();
        builder.HasIndex(t => t.AccountId);
        builder.HasOne<Account>().WithMany().HasForeignKey(t => t.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("persons");
        builder.HasKey(p => p.IdNumber);
        builder.Property(p => p.Name).HasMaxLength(100).IsRequired();
        builder.Property(p => p.Phone).HasMaxLength(20);
        builder.Property(p => p.Address).HasMaxLength(300);
    }
}

internal sealed class LegalPersonConfiguration : IEntityTypeConfiguration<LegalPerson>
{
    public void Configure(EntityTypeBuilder<LegalPerson> builder)
    {
        builder.ToTable("legal_persons");
        builder.HasKey(p => p.Uscc);
        builder.Property(p => p.Name).HasMaxLength(200).IsRequired();
        builder.Property(p => p.Address).HasMaxLength(300).IsRequired();
        builder.Property(p => p.LegalRepresentativeName).HasMaxLength(100).IsRequired();
        builder.HasIndex(p => p.RegionCode);
    }
}
