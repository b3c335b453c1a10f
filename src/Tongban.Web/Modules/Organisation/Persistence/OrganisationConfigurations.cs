using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongban.Domain.Organisation;

namespace Tongban.Modules.Organisation.Persistence;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.ToTable("regions");
        builder.HasKey(r => r.Code);
        builder.Property(r => r.Name).HasMaxLength(100).IsRequired();
        builder.Ignore(r => r.Level);
        builder.HasIndex(r => r.ParentCode);
    }
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.ToTable("departments");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Name).HasMaxLength(100).IsRequired();
        builder.HasIndex(d => d.Uscc).IsUnique();
        builder.HasIndex(d => d.RegionCode);
        builder.HasOne<Region>().WithMany().HasForeignKey(d => d.RegionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Department>().WithMany().HasForeignKey(d => d.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ServiceHallConfiguration : IEntityTypeConfiguration<ServiceHall>
{
    public void Configure(EntityTypeBuilder<ServiceHall> builder)
    {
        builder.ToTable("service_halls");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Name).HasMaxLength(100).IsRequired();
        builder.Property(h => h.Address).HasMaxLength(300).IsRequired();
        builder.Property(h => h.OpeningHours).HasMaxLength(200).IsRequired();
        builder.Property(h => h.Latitude).HasPrecision(9, 6);
        builder.Property(h => h.Longitude).HasPrecision(9, 6);
        builder.HasIndex(h => h.RegionCode);
        builder.HasOne<Region>().WithMany().HasForeignKey(h => h.RegionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(h => h.Windows).WithOne().HasForeignKey(w => w.HallId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(h => h.Windows).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_windows");
    }
}

internal sealed class ServiceWindowConfiguration : IEntityTypeConfiguration<ServiceWindow>
{
    public void Configure(EntityTypeBuilder<ServiceWindow> builder)
    {
        builder.ToTable("service_windows");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Number).HasMaxLength(20).IsRequired();
        builder.Property(w => w.Name).HasMaxLength(100).IsRequired();
        builder.HasIndex(w => new { w.HallId, w.Number }).IsUnique();
        builder.HasOne<Department>().WithMany().HasForeignKey(w => w.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
