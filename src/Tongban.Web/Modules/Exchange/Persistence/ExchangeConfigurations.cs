using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongban.Domain.Primitives;
using Tongban.Modules.Exchange.Features.ExportRecords;

namespace Tongban.Modules.Exchange.Persistence;

/// <summary>One export (批次): its number is {region}{yyyyMMdd}{sequence:0000}, the sequence counted per region and city date.</summary>
internal sealed class ExchangeBatch
{
    public Guid Id { get; init; }
    public string Number { get; init; } = "";
    public RegionCode Region { get; init; }
    public DateOnly Day { get; init; }
    public int Sequence { get; init; }
    public ExchangeKind Kind { get; init; }
    public DateOnly PeriodFrom { get; init; }
    public DateOnly PeriodTo { get; init; }
    public bool Resend { get; init; }
    public int RowCount { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public Guid CreatedBy { get; init; }
}

/// <summary>What was last sent of one record (a case's 受理 or 结果, a step, a 特别程序): the hash of its content and the batch.</summary>
internal sealed class ExchangeSentRecord
{
    public ExchangeKind Kind { get; init; }
    public string RecordKey { get; init; } = "";
    public string ContentHash { get; set; } = "";
    public string BatchNumber { get; set; } = "";
    public DateTimeOffset SentAt { get; set; }
}

internal sealed class ExchangeBatchConfiguration : IEntityTypeConfiguration<ExchangeBatch>
{
    public void Configure(EntityTypeBuilder<ExchangeBatch> builder)
    {
        builder.ToTable("exchange_batches");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Number).HasMaxLength(24);
        builder.HasIndex(b => b.Number).IsUnique();
        // Two exports at once take the same next sequence: the second save fails on this key instead of reusing a number.
        builder.HasIndex(b => new { b.Region, b.Day, b.Sequence }).IsUnique();
    }
}

internal sealed class ExchangeSentRecordConfiguration : IEntityTypeConfiguration<ExchangeSentRecord>
{
    public void Configure(EntityTypeBuilder<ExchangeSentRecord> builder)
    {
        builder.ToTable("exchange_sent_records");
        builder.HasKey(r => new { r.Kind, r.RecordKey });
        builder.Property(r => r.RecordKey).HasMaxLength(120);
        builder.Property(r => r.ContentHash).HasMaxLength(64);
        builder.Property(r => r.BatchNumber).HasMaxLength(24);
    }
}
