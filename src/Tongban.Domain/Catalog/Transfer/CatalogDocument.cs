using System.Text.Json;
using Tongban.Domain.Primitives;

namespace Tongban.Domain.Catalog.Transfer;

/// <summary>
/// The catalog exchange document, format <c>tongban-catalog/1</c> (docs/catalog-format.md): basic
/// items and implementations, each implementation's elements in <see cref="CatalogJson"/> form, so a
/// city can load a provincial library and an export imported into an empty catalog reproduces it.
/// </summary>
public sealed record CatalogDocument
{
    public const string FormatName = "tongban-catalog/1";

    private static readonly JsonSerializerOptions Written = new(CatalogJson.Options) { WriteIndented = true, NewLine = "\n" };

    public string Format { get; init; } = FormatName;
    public IReadOnlyList<DocumentItem> Items { get; init; } = [];
    public IReadOnlyList<DocumentImplementation> Implementations { get; init; } = [];

    /// <summary>Indented, members in declaration order: the same catalog always gives the same text.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Written);
}

/// <summary>A basic catalog item as exchanged.</summary>
public sealed record DocumentItem
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required ItemType Type { get; init; }
    public required string CompetentDepartment { get; init; }
    public required string LegalBasis { get; init; }
    public required IReadOnlyList<ExerciseLevel> Levels { get; init; }
    public string? ParentCode { get; init; }

    public static DocumentItem From(CatalogItem item) => new()
    {
        Code = item.Code.Value,
        Name = item.Name,
        Type = item.Type,
        CompetentDepartment = item.CompetentDepartment,
        LegalBasis = item.LegalBasis,
        Levels = item.Levels,
        ParentCode = item.ParentCode?.Value,
    };
}

/// <summary>Whether an exchanged implementation is live (its latest published version) or a working draft.</summary>
public enum DocumentStatus
{
    Draft,
    Published,
}

/// <summary>
/// An implementation as exchanged. The implementing department is the one whose USCC is the first 18
/// characters of <see cref="Code"/>.
/// </summary>
public sealed record DocumentImplementation
{
    public required string Code { get; init; }
    public required string RegionCode { get; init; }
    public required DocumentStatus Status { get; init; }
    public required ImplementationContent Content { get; init; }
}
