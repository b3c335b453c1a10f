using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongban.Domain.Supervision;

namespace Tongban.Modules.Supervision.Persistence;

internal sealed class SupervisionOrderConfiguration : IEntityTypeConfiguration<SupervisionOrder>
{
    public void Configure(EntityTypeBuilder<SupervisionOrder> builder)
    {
        builder.ToTable("supervision_orders");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.CaseNumber).HasMaxLength(43);
        builder.Property(o => o.Message).HasMaxLength(SupervisionOrder.MaxTextLength);
        builder.Property(o => o.Answer).HasMaxLength(SupervisionOrder.MaxTextLength);
        builder.Property(o => o.ClosingNote).HasMaxLength(SupervisionOrder.MaxTextLength);
        // The department's open orders, and the supervisor's region list newest first.
        builder.HasIndex(o => new { o.DepartmentId, o.State });
        builder.HasIndex(o => new { o.Region, o.IssuedAt });
        builder.HasIndex(o => o.CaseNumber);
    }
}
