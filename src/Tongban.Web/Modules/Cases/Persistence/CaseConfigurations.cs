using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongban.Domain.Cases;

namespace Tongban.Modules.Cases.Persistence;

/// <summary>
/// 办件: the scalar columns lists and queues filter and sort on (number, status, applicant, department,
/// region, implementation, received / accepted, deadlines) with their indexes; the small records as
/// JSON text; the collections as one JSON document (<see cref="Case.Contents"/>, column <c>details</c>), read and
/// written with the case and never queried on their own.
/// </summary>
internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.ToTable("cases");
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => c.Number).IsUnique();
        builder.HasIndex(c => new { c.DepartmentId, c.Status, c.ReceivedAt });
        builder.HasIndex(c => new { c.RegionCode, c.Status, c.ReceivedAt });
        builder.HasIndex(c => new { c.ImplementationCode, c.ReceivedAt });
        builder.HasIndex(c => new { c.FiledBy, c.CreatedAt });
        builder.HasIndex(c => c.BundleCaseId);
        // The 容缺 sweep: the few cases in a 容缺 status among all, in every region.
        builder.HasIndex(c => c.Status);
        // "My cases": the applicant's cases newest first, keyset-paged on (created_at, id).
        builder.OwnsOne(c => c.Applicant, applicant => ApplicantColumns.Map(applicant, "cases"));
        builder.Navigation(c => c.Applicant).IsRequired();
        builder.Property(c => c.RefusalReason).HasMaxLength(2000);
        builder.Property(c => c.Commitment).HasMaxLength(4000);
        builder.Property(c => c.WithdrawalReason).HasMaxLength(2000);
        builder.Property(c => c.RevocationReason).HasMaxLength(2000);
        Json(builder.Property(c => c.AssistedFiling));
        Json(builder.Property(c => c.Deficiency));
        Json(builder.Property(c => c.StatutoryLimit));
        Json(builder.Property(c => c.PromisedLimit));
        Json(builder.Property(c => c.Extension));
        Json(builder.Property(c => c.Decision));
        builder.Property(c => c.DecisionSignature).HasMaxLength(Tongban.Domain.Licences.SignedPayload.MaxLength);
        Json(builder.Property(c => c.Issuance));
        Json(builder.Property(c => c.Delivery));
        // Cross-region: 收受分离's record; the receiving region (代收件 list) and the 多地联办 step region filtered on.
        Json(builder.Property(c => c.RemoteIntake));
        builder.HasIndex(c => new { c.ReceivedInRegion, c.ReceivedAt });
        builder.HasIndex(c => new { c.OpenStepRegion, c.OpenStepDepartmentId });
        builder.Ignore(c => c.InPersonVisits);
        // 效能监管's daily refresh reads the cases filed, accepted and finished on one day; its live
        // overdue count reads the open cases whose promised deadline passed.
        builder.HasIndex(c => c.SubmittedAt);
        builder.HasIndex(c => c.AcceptedAt);
        builder.HasIndex(c => c.CompletedAt);
        builder.HasIndex(c => new { c.Status, c.PromisedBaseDeadline });
        // A case changes by appending to its history, so comparing the documents' JSON finds every change.
        builder.Property(c => c.Contents).HasColumnName("details").IsRequired().HasConversion(
            contents => CaseJson.Write(contents),
            json => CaseJson.Read<CaseContents>(json),
            new ValueComparer<CaseContents>(
                (a, b) => ReferenceEquals(a, b) || (a != null && b != null && CaseJson.Write(a) == CaseJson.Write(b)),
                contents => CaseJson.Write(contents).GetHashCode(StringComparison.Ordinal),
                contents => CaseJson.Read<CaseContents>(CaseJson.Write(contents))));
        builder.Ignore(c => c.SituationAnswers);
        builder.Ignore(c => c.FormValues);
        builder.Ignore(c => c.Materials);
        builder.Ignore(c => c.CorrectionNotice);
        builder.Ignore(c => c.Steps);
        builder.Ignore(c => c.ClockStops);
        builder.Ignore(c => c.InstantApprovalRules);
        builder.Ignore(c => c.History);
        builder.Ignore(c => c.MissingMaterials);
        builder.Ignore(c => c.OwedMaterials);
        builder.Ignore(c => c.OpenClockStop);
        builder.Ignore(c => c.ReadyForDecision);
    }

    private static void Json<T>(PropertyBuilder<T?> property)
        where T : class =>
        property.HasConversion(
                value => value == null ? null : CaseJson.Write(value),
                json => json == null ? null : CaseJson.Read<T>(json),
                new ValueComparer<T?>((a, b) => Equals(a, b), v => v == null ? 0 : v.GetHashCode(), v => v))
            .HasMaxLength(4000);
}

/// <summary>The last 办件编号 serial handed out for an implementation on a city date.</summary>
internal sealed class CaseNumberCounter
{
    public required string ImplementationCode { get; init; }
    public DateOnly Day { get; init; }
    public int LastSerial { get; set; }
}

internal sealed class CaseNumberCounterConfiguration : IEntityTypeConfiguration<CaseNumberCounter>
{
    public void Configure(EntityTypeBuilder<CaseNumberCounter> builder)
    {
        builder.ToTable("case_number_counters");
        builder.HasKey(c => new { c.ImplementationCode, c.Day });
        builder.Property(c => c.ImplementationCode).HasMaxLength(31);
    }
}

/// <summary>
/// A submission answered under an <c>Idempotency-Key</c>: the caller, the key, a hash of the request
/// and the response given, so a retry gets the same answer and never a second case.
/// </summary>
internal sealed class SubmissionKey
{
    public Guid AccountId { get; init; }
    public required string Key { get; init; }
    public required string RequestHash { get; init; }
    public required string CaseNumber { get; init; }
    public required string Response { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class SubmissionKeyConfiguration : IEntityTypeConfiguration<SubmissionKey>
{
    public void Configure(EntityTypeBuilder<SubmissionKey> builder)
    {
        builder.ToTable("case_submission_keys");
        builder.HasKey(k => new { k.AccountId, k.Key });
        builder.Property(k => k.Key).HasMaxLength(200);
        builder.Property(k => k.RequestHash).HasMaxLength(64);
        builder.Property(k => k.CaseNumber).HasMaxLength(43);
        builder.Property(k => k.Response).HasMaxLength(4000);
    }
}

/// <summary>An uploaded file: who uploaded it, what its content is, where the store keeps it.</summary>
internal sealed class UploadedFile
{
    public Guid Id { get; init; }
    public Guid OwnerAccountId { get; init; }
    public required string StorageKey { get; init; }
    public required string Sha256 { get; init; }
    public long Size { get; init; }
    public required string ContentType { get; init; }
    public required string FileName { get; init; }
    public DateTimeOffset UploadedAt { get; init; }
}

internal sealed class UploadedFileConfiguration : IEntityTypeConfiguration<UploadedFile>
{
    public void Configure(EntityTypeBuilder<UploadedFile> builder)
    {
        builder.ToTable("case_files");
        builder.HasKey(f => f.Id);
        builder.HasIndex(f => f.OwnerAccountId);
        builder.Property(f => f.StorageKey).HasMaxLength(200);
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.Property(f => f.ContentType).HasMaxLength(100);
        builder.Property(f => f.FileName).HasMaxLength(255);
    }
}

/// <summary>
/// 一件事办件: the columns the applicant's list and the lead department's list filter on; the
/// submission, the members and the bundle's definition as JSON, read and written with the bundle case.
/// </summary>
internal sealed class BundleCaseConfiguration : IEntityTypeConfiguration<BundleCase>
{
    public void Configure(EntityTypeBuilder<BundleCase> builder)
    {
        builder.ToTable("bundle_cases");
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => c.Number).IsUnique();
        builder.HasIndex(c => new { c.LeadDepartmentId, c.SubmittedAt });
        builder.OwnsOne(c => c.Applicant, applicant => ApplicantColumns.Map(applicant, "bundle_cases"));
        builder.Navigation(c => c.Applicant).IsRequired();
        builder.Property(c => c.Definition).IsRequired();
        Document(builder.Property(c => c.Submission));
        Document(builder.Property(c => c.Members));
        builder.Ignore(c => c.ReadyToStart);
        builder.Ignore(c => c.Status);
    }

    private static void Document<T>(PropertyBuilder<T> property)
        where T : class =>
        property.IsRequired().HasConversion(
            value => CaseJson.Write(value),
            json => CaseJson.Read<T>(json),
            new ValueComparer<T>(
                (a, b) => ReferenceEquals(a, b) || (a != null && b != null && CaseJson.Write(a) == CaseJson.Write(b)),
                v => CaseJson.Write(v).GetHashCode(StringComparison.Ordinal),
                v => CaseJson.Read<T>(CaseJson.Write(v))));
}

/// <summary>The applicant as columns of a case or a bundle case, indexed by ID number and by USCC for the applicant's own list.</summary>
internal static class ApplicantColumns
{
    public static void Map<TOwner>(OwnedNavigationBuilder<TOwner, Applicant> applicant, string table)
        where TOwner : class
    {
        applicant.Property(a => a.Kind).HasColumnName("applicant_kind");
        applicant.Property(a => a.IdNumber).HasColumnName("applicant_id_number");
        applicant.Property(a => a.Uscc).HasColumnName("applicant_uscc");
        applicant.Property(a => a.Name).HasColumnName("applicant_name").HasMaxLength(Applicant.MaxNameLength).IsRequired();
        applicant.Ignore(a => a.Identifier);
        applicant.HasIndex(a => a.IdNumber).HasDatabaseName($"ix_{table}_applicant_id_number");
        applicant.HasIndex(a => a.Uscc).HasDatabaseName($"ix_{table}_applicant_uscc");
    }
}
