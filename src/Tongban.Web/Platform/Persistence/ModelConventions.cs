using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Tongban.Domain.Primitives;

namespace Tongban.Platform.Persistence;

/// <summary>
/// Conventions shared by every module's mapping: snake_case names (readable hand-written SQL),
/// enums as strings, identifiers as their canonical text, instants stored as UTC (SQLite keeps them
/// as UTC ticks so they sort and compare in SQL), and <see cref="IVersioned.Version"/> as the
/// optimistic-concurrency token.
/// </summary>
internal static class ModelConventions
{
    public static void Configure(ModelConfigurationBuilder builder, DatabaseProvider provider)
    {
        builder.Properties<IdNumber>().HaveConversion<IdNumberConverter>().HaveMaxLength(18);
        builder.Properties<Uscc>().HaveConversion<UsccConverter>().HaveMaxLength(18);
        builder.Properties<RegionCode>().HaveConversion<RegionCodeConverter>().HaveMaxLength(12);
        builder.Properties<BasicItemCode>().HaveConversion<BasicItemCodeConverter>().HaveMaxLength(12);
        builder.Properties<ImplementationCode>().HaveConversion<ImplementationCodeConverter>().HaveMaxLength(31);
        builder.Properties<HandlingVariantCode>().HaveConversion<HandlingVariantCodeConverter>().HaveMaxLength(33);
        builder.Properties<CaseNumber>().HaveConversion<CaseNumberConverter>().HaveMaxLength(43);
        builder.Properties<LicenceTypeCode>().HaveConversion<LicenceTypeCodeConverter>().HaveMaxLength(LicenceTypeCode.Length);
        builder.Properties<LicenceIdentifier>().HaveConversion<LicenceIdentifierConverter>().HaveMaxLength(LicenceIdentifier.MaxLength);
        builder.Properties<BundleCode>().HaveConversion<BundleCodeConverter>().HaveMaxLength(BundleCode.MaxLength);
        builder.Properties<BundleCaseNumber>().HaveConversion<BundleCaseNumberConverter>().HaveMaxLength(BundleCaseNumber.Length);
        builder.Properties<ProjectNumber>().HaveConversion<ProjectNumberConverter>().HaveMaxLength(ProjectNumber.Length);
        if (provider == DatabaseProvider.Sqlite)
        {
            builder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        }
        else
        {
            builder.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();
        }
    }

    public static void Apply(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            if (!entity.IsOwned() && entity.GetTableName() is { } table)
            {
                entity.SetTableName(SnakeCase(table));
            }

            foreach (var property in entity.GetProperties())
            {
                var storeObject = StoreObjectIdentifier.Create(entity, StoreObjectType.Table);
                if (storeObject is { } store && property.GetColumnName(store) is { } column)
                {
                    property.SetColumnName(SnakeCase(column));
                }

                var clrType = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
                // An enum mapped to a chosen provider type (HasConversion<int>() for a flags column) keeps it.
                if (clrType.IsEnum && property.GetValueConverter() is null && property.GetProviderClrType() is null)
                {
                    property.SetValueConverter(typeof(EnumToStringConverter<>).MakeGenericType(clrType));
                    property.SetMaxLength(40);
                }

                if (property.Name == nameof(IVersioned.Version) && typeof(IVersioned).IsAssignableFrom(entity.ClrType))
                {
                    property.IsConcurrencyToken = true;
                }
            }

            foreach (var key in entity.GetKeys())
            {
                key.SetName(SnakeCase(key.GetName() ?? ""));
            }

            foreach (var foreignKey in entity.GetForeignKeys())
            {
                foreignKey.SetConstraintName(SnakeCase(foreignKey.GetConstraintName() ?? ""));
            }

            foreach (var index in entity.GetIndexes())
            {
                index.SetDatabaseName(SnakeCase(index.GetDatabaseName() ?? ""));
            }
        }

    }

    internal static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previousIsLowerOrDigit = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]) && i > 0 && char.IsUpper(name[i - 1]);
                if (previousIsLowerOrDigit || nextIsLower)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private sealed class IdNumberConverter() : ValueConverter<IdNumber, string>(v => v.Value, v => IdNumber.FromTrusted(v));

    private sealed class UsccConverter() : ValueConverter<Uscc, string>(v => v.Value, v => Uscc.FromTrusted(v));

    private sealed class RegionCodeConverter() : ValueConverter<RegionCode, string>(v => v.Value, v => RegionCode.FromTrusted(v));

    private sealed class BasicItemCodeConverter() : ValueConverter<BasicItemCode, string>(v => v.Value, v => BasicItemCode.FromTrusted(v));

    private sealed class ImplementationCodeConverter() : ValueConverter<ImplementationCode, string>(v => v.Value, v => ImplementationCode.FromTrusted(v));

    private sealed class HandlingVariantCodeConverter() : ValueConverter<HandlingVariantCode, string>(v => v.Value, v => HandlingVariantCode.FromTrusted(v));

    private sealed class CaseNumberConverter() : ValueConverter<CaseNumber, string>(v => v.Value, v => CaseNumber.FromTrusted(v));

    private sealed class LicenceTypeCodeConverter() : ValueConverter<LicenceTypeCode, string>(v => v.Value, v => LicenceTypeCode.FromTrusted(v));

    private sealed class LicenceIdentifierConverter() : ValueConverter<LicenceIdentifier, string>(v => v.Value, v => LicenceIdentifier.FromTrusted(v));

    private sealed class BundleCodeConverter() : ValueConverter<BundleCode, string>(v => v.Value, v => BundleCode.FromTrusted(v));

    private sealed class BundleCaseNumberConverter() : ValueConverter<BundleCaseNumber, string>(v => v.Value, v => BundleCaseNumber.FromTrusted(v));

    private sealed class ProjectNumberConverter() : ValueConverter<ProjectNumber, string>(v => v.Value, v => ProjectNumber.FromTrusted(v));

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));

    private sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v.ToUniversalTime());
}
