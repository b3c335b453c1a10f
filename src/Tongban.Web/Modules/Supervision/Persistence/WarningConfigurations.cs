using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongban.Domain.Cases;

namespace Tongban.Modules.Supervision.Persistence;

/// <summary>预警推送: one row per case and level pushed; its key makes a second node's push of the same warning fail.</summary>
internal sealed class WarningPush
{
    public Guid CaseId { get; init; }
    public TimeWarning Level { get; init; }
    public string CaseNumber { get; init; } = "";
    public Guid DepartmentId { get; init; }
    public DateTimeOffset PushedAt { get; init; }
}

/// <summary>An in-app notice for one staff account: a case of theirs turned yellow or red. Read once the staff member dismisses it.</summary>
internal sealed class StaffNotice
{
    public Guid Id { get; init; }
    public Guid AccountId { get; init; }
    public Guid CaseId { get; init; }
    public string CaseNumber { get; init; } = "";
    public TimeWarning Level { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ReadAt { get; set; }
}

internal sealed class WarningPushConfiguration : IEntityTypeConfiguration<WarningPush>
{
    public void Configure(EntityTypeBuilder<WarningPush> builder)
    {
        builder.ToTable("supervision_warning_pushes");
        builder.HasKey(p => new { p.CaseId, p.Level });
        builder.Property(p => p.CaseNumber).HasMaxLength(43);
    }
}

internal sealed class StaffNoticeConfiguration : IEntityTypeConfiguration<StaffNotice>
{
    public void Configure(EntityTypeBuilder<StaffNotice> builder)
    {
        builder.ToTable("supervision_notices");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.CaseNumber).HasMaxLength(43);
        builder.HasIndex(n => new { n.AccountId, n.ReadAt });
    }
}
