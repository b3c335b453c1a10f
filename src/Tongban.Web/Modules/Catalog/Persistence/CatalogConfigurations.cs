using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongban.Domain.Catalog;
using Tongban.Domain.Catalog.Bundles;
using Tongban.Domain.Primitives;

namespace Tongban.Modules.Catalog.Persistence;

internal sealed class CatalogItemConfiguration : IEntityTypeConfiguration<CatalogItem>
{
    public void Configure(EntityTypeBuilder<CatalogItem> builder)
    {
        builder.ToTable("catalog_items");
        builder.HasKey(i => i.Code);
        builder.Property(i => i.Name).HasMaxLength(200).IsRequired();
        builder.Property(i => i.CompetentDepartment).HasMaxLength(200).IsRequired();
        builder.Property(i => i.LegalBasis).IsRequired();
        builder.Property(i => i.Levels)
            .HasConversion(
                levels => string.Join(',', levels.Select(l => (int)l)),
                text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(t => (ExerciseLevel)int.Parse(t, System.Globalization.CultureInfo.InvariantCulture)).ToList(),
                new ValueComparer<IReadOnlyList<ExerciseLevel>>((a, b) => a!.SequenceEqual(b!), l => l.Aggregate(0, (h, x) => HashCode.Combine(h, x)), l => l.ToList()))
            .HasMaxLength(20)
            .IsRequired();
        builder.HasIndex(i => i.Name);
    }
}

internal sealed class ClaimExemptionConfiguration : IEntityTypeConfiguration<ClaimExemption>
{
    public void Configure(EntityTypeBuilder<ClaimExemption> builder)
    {
        builder.ToTable("claim_exemptions");
        builder.HasKey(e => new { e.BasicCode, e.RegionCode });
        builder.Property(e => e.Reason).HasMaxLength(1000).IsRequired();
        builder.Property(e => e.FiledBy).HasMaxLength(100).IsRequired();
    }
}

internal sealed class ImplementationConfiguration : IEntityTypeConfiguration<Implementation>
{
    public void Configure(EntityTypeBuilder<Implementation> builder)
    {
        builder.ToTable("implementations");
        builder.HasKey(i => i.Id);
        builder.HasIndex(i => i.Code).IsUnique();
        builder.HasIndex(i => i.BasicCode);
        builder.HasIndex(i => new { i.RegionCode, i.Status });
        builder.HasIndex(i => i.DepartmentId);
        builder.Property(i => i.DraftJson).IsRequired();
        builder.Property(i => i.DraftName).HasMaxLength(200).IsRequired();
        builder.Property(i => i.ClaimedBy).HasMaxLength(100).IsRequired();
        builder.Property(i => i.SubmittedBy).HasMaxLength(100);
        builder.Property(i => i.ReturnReason).HasMaxLength(2000);
        builder.HasOne<CatalogItem>().WithMany().HasForeignKey(i => i.BasicCode).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(i => i.Draft);
        builder.Ignore(i => i.IsPublished);
    }
}

internal sealed class ImplementationVersionConfiguration : IEntityTypeConfiguration<ImplementationVersion>
{
    /// <summary>
    /// The publisher's display name when they published, for the version history: the domain keeps
    /// only the account id (the reviewer-is-not-the-submitter rule), and names belong to Identity.
    /// </summary>
    public const string PublishedByName = nameof(PublishedByName);

    public void Configure(EntityTypeBuilder<ImplementationVersion> builder)
    {
        builder.ToTable("implementation_versions");
        builder.HasKey(v => new { v.ImplementationId, v.Number });
        builder.HasIndex(v => new { v.Code, v.Number });
        builder.Property(v => v.ContentJson).IsRequired();
        builder.Property(v => v.PublishedBy).HasMaxLength(100).IsRequired();
        builder.Property<string?>(PublishedByName).HasMaxLength(200);
        builder.HasOne<Implementation>().WithMany().HasForeignKey(v => v.ImplementationId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(v => v.Content);
    }
}

/// <summary>一件事: the columns the portal lists by; the members (with their waits and data flows) and the limit as JSON in the catalog's shape.</summary>
internal sealed class BundleConfiguration : IEntityTypeConfiguration<Bundle>
{
    public void Configure(EntityTypeBuilder<Bundle> builder)
    {
        builder.ToTable("bundles");
        builder.HasKey(b => b.Id);
        builder.HasIndex(b => b.Code).IsUnique();
        builder.Property(b => b.Name).HasMaxLength(200).IsRequired();
        builder.Property(b => b.Description).HasMaxLength(2000).IsRequired();
        builder.Property(b => b.LifeEvent).HasMaxLength(50).IsRequired();
        builder.Property(b => b.PromisedLimit).HasConversion(
                limit => BundleJson.WriteLimit(limit),
                json => BundleJson.ReadLimit(json))
            .HasMaxLength(1000).IsRequired();
        builder.Property(b => b.Members).HasConversion(
                members => BundleJson.WriteMembers(members),
                json => BundleJson.ReadMembers(json),
                new ValueComparer<IReadOnlyList<BundleMember>>(
                    (a, b) => BundleJson.WriteMembers(a!) == BundleJson.WriteMembers(b!),
                    m => BundleJson.WriteMembers(m).GetHashCode(StringComparison.Ordinal),
                    m => m.ToList()))
            .IsRequired();
        builder.Ignore(b => b.Starting);
        builder.Ignore(b => b.WaitGraph);
    }
}
