using Tongban.Modules.Organisation;

namespace Tongban.Modules.Licences.Pages.Admin;

/// <summary>What the licence type form shows.</summary>
public sealed record LicenceTypeFormModel(
    bool IsNew, int Version, string? Code, string? Name, string? FieldLines, int? ValidityYears, string? Title, string? Subtitle, string? Footer, string? FieldOrder,
    IReadOnlyList<Guid> Issuers, bool OnePerHolder, bool MayChangeIssuers, IReadOnlyList<DepartmentSummary> IssuerChoices);
