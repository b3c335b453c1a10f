using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongban.Domain.Cases;

namespace Tongban.Modules.Cases.Persistence;

/// <summary>
/// 工程建设项目: the columns the enterprise's list filters on (number, applicant, opened) with their indexes;
/// the stages (items with their cases, joint inspections), the 特别程序 pauses and the 报装 requests as JSON
/// documents, read and written with the project and never queried on their own.
/// </summary>
internal sealed class ConstructionProjectConfiguration : IEntityTypeConfiguration<ConstructionProject>
{
    public void Configure(EntityTypeBuilder<ConstructionProject> builder)
    {
        builder.ToTable("construction_projects");
        builder.HasKey(p => p.Id);
        builder.HasIndex(p => p.Number).IsUnique();
        builder.Property(p => p.Code).HasMaxLength(ConstructionProject.MaxCodeLength).IsRequired();
        builder.Property(p => p.Name).HasMaxLength(ConstructionProject.MaxNameLength).IsRequired();
        builder.OwnsOne(p => p.Applicant, applicant => ApplicantColumns.Map(applicant, "construction_projects"));
        builder.Navigation(p => p.Applicant).IsRequired();
        Document(builder.Property(p => p.Stages));
        Document(builder.Property(p => p.Pauses));
        Document(builder.Property(p => p.Connections));
        builder.Ignore(p => p.Completed);
        builder.Ignore(p => p.CurrentStage);
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
