using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives;
using Tongban.Domain.Primitives.Calendar;

namespace Tongban.Modules.Catalog.Persistence;

/// <summary>
/// One row per published implementation, shaped for search: the current version's searchable text
/// with its pinyin and initials precomputed at publish time, so a query is one indexed scan.
/// </summary>
internal sealed class CatalogSearchEntry
{
    public Guid ImplementationId { get; set; }
    public ImplementationCode Code { get; set; }
    public BasicItemCode BasicCode { get; set; }
    public int VersionNumber { get; set; }
    public string Name { get; set; } = "";
    public Guid DepartmentId { get; set; }
    public string DepartmentName { get; set; } = "";
    public RegionCode RegionCode { get; set; }
    public Audience Audience { get; set; }
    public ItemType ItemType { get; set; }
    public OnlineDepth OnlineDepth { get; set; }
    public ServiceScope ServiceScope { get; set; }

    /// <summary>Keywords, life events, department and result name, space-separated.</summary>
    public string Terms { get; set; } = "";

    /// <summary>Pinyin of the name without tones or spaces (jidongchedengji).</summary>
    public string Pinyin { get; set; } = "";

    /// <summary>Initials of the name's pinyin (jdcdj).</summary>
    public string Initials { get; set; } = "";
    public string LifeEvents { get; set; } = "";
    public DateTimeOffset PublishedAt { get; set; }

    /// <summary>承诺时限 and 法定时限 of the published version, so the item indicators need not parse its content.</summary>
    public int PromisedLimitAmount { get; set; }
    public TimeLimitUnit PromisedLimitUnit { get; set; }
    public int StatutoryLimitAmount { get; set; }
    public TimeLimitUnit StatutoryLimitUnit { get; set; }
}

/// <summary>Cases started per implementation per month: a pre-aggregated counter for frequency classes.</summary>
internal sealed class ImplementationUsage
{
    public Guid ImplementationId { get; set; }

    /// <summary>First day of the month (city time).</summary>
    public DateOnly Month { get; set; }
    public int Cases { get; set; }
}

internal sealed class CatalogSearchEntryConfiguration : IEntityTypeConfiguration<CatalogSearchEntry>
{
    public void Configure(EntityTypeBuilder<CatalogSearchEntry> builder)
    {
        builder.ToTable("catalog_search_entries");
        builder.HasKey(e => e.ImplementationId);
        builder.HasIndex(e => e.Code).IsUnique();
        builder.HasIndex(e => e.RegionCode);
        builder.Property(e => e.Name).HasMaxLength(200).IsRequired();
        builder.Property(e => e.DepartmentName).HasMaxLength(200).IsRequired();
        builder.Property(e => e.Terms).HasMaxLength(4000).IsRequired();
        builder.Property(e => e.Pinyin).HasMaxLength(1000).IsRequired();
        builder.Property(e => e.Initials).HasMaxLength(200).IsRequired();
        builder.Property(e => e.LifeEvents).HasMaxLength(1000).IsRequired();
        builder.Property(e => e.Audience).HasConversion<int>();
        builder.HasOne<Implementation>().WithOne().HasForeignKey<CatalogSearchEntry>(e => e.ImplementationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ImplementationUsageConfiguration : IEntityTypeConfiguration<ImplementationUsage>
{
    public void Configure(EntityTypeBuilder<ImplementationUsage> builder)
    {
        builder.ToTable("implementation_usage");
        builder.HasKey(u => new { u.ImplementationId, u.Month });
        builder.HasOne<Implementation>().WithMany().HasForeignKey(u => u.ImplementationId).OnDelete(DeleteBehavior.Cascade);
    }
}
