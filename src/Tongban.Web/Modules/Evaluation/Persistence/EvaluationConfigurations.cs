using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongban.Domain.Evaluation;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Evaluation.Persistence;

/// <summary>
/// A rating's or invitation's scope as plain columns (region, responsible department, item, hall, clerk):
/// disclosure, indicators and work orders filter and count on them.
/// </summary>
internal static class ScopeColumns
{
    public static void Map<TOwner>(OwnedNavigationBuilder<TOwner, RatingScope> scope)
        where TOwner : class
    {
        scope.Property(s => s.Region).HasColumnName("region_code").IsRequired();
        scope.Property(s => s.ResponsibleDepartmentId).HasColumnName("responsible_department_id");
        scope.Property(s => s.ImplementationCode).HasColumnName("implementation_code").HasMaxLength(31);
        scope.Property(s => s.HallId).HasColumnName("hall_id");
        scope.Property(s => s.ClerkId).HasColumnName("clerk_id");
    }
}

/// <summary>
/// 好差评: one row per rating. The level is a number (counts compare it). A case stage is rated once, which
/// the unique index <c>ux_ratings_subject_stage</c> on (subject_kind, subject_ref, stage) holds under
/// concurrency; it is declared in the migrations only, as EF cannot index an owned and an owner column
/// together (other subjects have no stage, and nulls never collide). The appeal is a small document with
/// its state beside it as a column.
/// </summary>
internal sealed class RatingConfiguration : IEntityTypeConfiguration<Rating>
{
    public void Configure(EntityTypeBuilder<Rating> builder)
    {
        builder.ToTable("ratings");
        builder.HasKey(r => r.Id);
        builder.OwnsOne(r => r.Subject, subject =>
        {
            subject.Property(s => s.Kind).HasColumnName("subject_kind");
            subject.Property(s => s.Reference).HasColumnName("subject_ref").HasMaxLength(64).IsRequired();
        });
        builder.Navigation(r => r.Subject).IsRequired();
        builder.OwnsOne(r => r.Scope, scope =>
        {
            ScopeColumns.Map(scope);
            scope.HasIndex(s => new { s.ResponsibleDepartmentId, s.ImplementationCode }).HasDatabaseName("ix_ratings_responsible_department_id_implementation_code");
            scope.HasIndex(s => s.Region).HasDatabaseName("ix_ratings_region_code");
        });
        builder.Navigation(r => r.Scope).IsRequired();
        builder.Property(r => r.Level).HasConversion<int>();
        builder.Property(r => r.Tags).AsJson(1000);
        builder.Property(r => r.Comment).HasMaxLength(Rating.MaxCommentLength);
        builder.OwnsOne(r => r.Rater, rater =>
        {
            rater.Property(p => p.AccountId).HasColumnName("rater_account_id");
            rater.Property(p => p.Name).HasColumnName("rater_name").HasMaxLength(100);
            rater.Property(p => p.Phone).HasColumnName("rater_phone").HasMaxLength(20);
            rater.Ignore(p => p.RealName);
        });
        builder.Navigation(r => r.Rater).IsRequired();
        builder.Property(r => r.Appeal).AsNullableJson(2000);
        builder.Property(r => r.AppealStatus).HasColumnName("appeal_state");
        builder.HasIndex(r => r.RatedAt);
        builder.HasIndex(r => r.AppealStatus);
        builder.Ignore(r => r.IsBad);
        builder.Ignore(r => r.IsGood);
        builder.Ignore(r => r.Excluded);
        builder.Ignore(r => r.CountsAsActive);
    }
}

/// <summary>
/// 评价邀请: one per case stage. The sweep finds open invitations whose reminder or default is due by
/// (state, remind_at) and (state, default_at).
/// </summary>
internal sealed class RatingInvitationConfiguration : IEntityTypeConfiguration<RatingInvitation>
{
    public void Configure(EntityTypeBuilder<RatingInvitation> builder)
    {
        builder.ToTable("rating_invitations");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.CaseNumber).HasMaxLength(43).IsRequired();
        builder.HasIndex(i => new { i.CaseNumber, i.Stage }).IsUnique();
        builder.OwnsOne(i => i.Scope, scope =>
        {
            ScopeColumns.Map(scope);
            scope.HasIndex(s => s.Region).HasDatabaseName("ix_rating_invitations_region_code");
        });
        builder.Navigation(i => i.Scope).IsRequired();
        builder.Property(i => i.DefaultLevel).HasConversion<int?>();
        builder.HasIndex(i => i.RecipientAccountId);
        builder.HasIndex(i => new { i.State, i.RemindAt });
        builder.HasIndex(i => new { i.State, i.DefaultAt });
        builder.HasIndex(i => i.SentAt);
        builder.Ignore(i => i.RatedInTime);
    }
}

/// <summary>差评整改: one work order per 差评, listed per department and state, its history as a document.</summary>
internal sealed class RectificationConfiguration : IEntityTypeConfiguration<Rectification>
{
    public void Configure(EntityTypeBuilder<Rectification> builder)
    {
        builder.ToTable("rectifications");
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => r.RatingId).IsUnique();
        builder.HasIndex(r => new { r.DepartmentId, r.State });
        builder.HasIndex(r => new { r.Region, r.OpenedAt });
        builder.Property(r => r.Region).HasColumnName("region_code");
        builder.Property<List<RectificationEvent>>("_history").HasColumnName("history").AsJson(16000);
        builder.Ignore(r => r.History);
    }
}
