using System.Text.Json;
using Tongban.Domain.Primitives;

namespace Tongban.Domain.Catalog.Transfer;

/// <summary>
/// A place in an imported file: a JSON path (<c>implementations[7].content.promisedLimit</c>) or, for
/// CSV, a line and column with the column's header as <see cref="Path"/>.
/// </summary>
public sealed record TransferLocation(string Path, int? Line = null, int? Column = null)
{
    public override string ToString() => (Line, Column) switch
    {
        (null, _) => Path,
        (_, null) => $"line {Line}",
        _ => $"line {Line}, column {Column} ({Path})",
    };
}

/// <summary>One thing wrong with an imported file, where it is and which rule it breaks.</summary>
public sealed record TransferProblem(TransferLocation Location, Error Error);

/// <summary>Where a record came from, so that an error about one of its members names its place in the file.</summary>
public abstract record RecordOrigin
{
    /// <param name="member">A member path in document terms ("code", "regionCode", "content.promisedLimit"), or "" for the whole record.</param>
    public abstract TransferLocation At(string member);

    /// <summary>The problem located at the member the error names (its <see cref="Error.Field"/>), under <paramref name="prefix"/>.</summary>
    public TransferProblem Problem(Error error, string prefix = "") =>
        new(At(Join(prefix, error.Field is { Length: > 0 } field ? JsonNamingPolicy.CamelCase.ConvertName(field) : "")), error);

    internal static string Join(string path, string member) =>
        path.Length == 0 ? member : member.Length == 0 ? path : member.StartsWith('[') ? path + member : $"{path}.{member}";
}

/// <summary>A record of a JSON document, at a path such as <c>items[3]</c>.</summary>
public sealed record JsonOrigin(string Path) : RecordOrigin
{
    public override TransferLocation At(string member) => new(Join(Path, member));
}

/// <summary>A basic item read from a file, its identifiers parsed.</summary>
public sealed record ImportedItem(BasicItemCode Code, BasicItemCode? Parent, DocumentItem Source, RecordOrigin Origin);

/// <summary>An implementation read from a file, its identifiers parsed.</summary>
public sealed record ImportedImplementation(ImplementationCode Code, RegionCode Region, DocumentStatus Status, ImplementationContent Content, RecordOrigin Origin);

/// <summary>What a file asks the catalog to become, and everything wrong with it that the file alone shows.</summary>
public sealed record ImportSet(IReadOnlyList<ImportedItem> Items, IReadOnlyList<ImportedImplementation> Implementations, IReadOnlyList<TransferProblem> Problems)
{
    public static ImportSet Rejected(params TransferProblem[] problems) => new([], [], problems);
}
