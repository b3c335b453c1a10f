using Tongban.Domain.Primitives;

namespace Tongban.Domain.Cases;

/// <summary>
/// A stored file, as the file store describes it. The bytes live in the store; the case keeps the
/// key, the SHA-256 (lower-case hex) for integrity checks, and what the uploader was told.
/// </summary>
public sealed record FileReference
{
    private FileReference() { }

    public string StorageKey { get; private init; } = "";
    public string Sha256 { get; private init; } = "";
    public long Size { get; private init; }
    public string ContentType { get; private init; } = "";
    public string FileName { get; private init; } = "";

    public static Result<FileReference> Create(string storageKey, string sha256, long size, string contentType, string fileName)
    {
        if (string.IsNullOrWhiteSpace(storageKey))
        {
            return CaseErrors.FileNeedsAStorageKey();
        }

        var hash = (sha256 ?? "").Trim().ToLowerInvariant();
        if (hash.Length != 64 || !hash.All(char.IsAsciiHexDigit))
        {
            return CaseErrors.FileHashMustBeSha256();
        }

        if (size <= 0)
        {
            return CaseErrors.FileMustNotBeEmpty();
        }

        if (string.IsNullOrWhiteSpace(contentType))
        {
            return CaseErrors.FileNeedsAContentType();
        }

        if (string.IsNullOrWhiteSpace(fileName))
        {
            return CaseErrors.FileNeedsAName();
        }

        return new FileReference
        {
            StorageKey = storageKey.Trim(),
            Sha256 = hash,
            Size = size,
            ContentType = contentType.Trim(),
            FileName = fileName.Trim(),
        };
    }
}

/// <summary>
/// One material of a case, keyed by the implementation's material key, with the route that satisfied
/// it. Immutable: the case replaces it when something changes. Built only through the factories, so a
/// material always carries the reference its route needs. At submission the case copies the
/// material list's terms for the key onto it (<see cref="Name"/>, <see cref="Required"/>,
/// <see cref="DeficiencyAllowed"/>, <see cref="CommitmentAccepted"/>), so later decisions do not
/// depend on the catalog.
/// </summary>
public sealed record CaseMaterial
{
    private CaseMaterial() { }

    public string Key { get; private init; } = "";
    public MaterialRoute Route { get; private init; }

    /// <summary><see cref="MaterialRoute.Uploaded"/>: the stored file.</summary>
    public FileReference? File { get; private init; }

    /// <summary><see cref="MaterialRoute.HeldLicence"/>: the held licence's identifier.</summary>
    public string? LicenceId { get; private init; }

    /// <summary><see cref="MaterialRoute.SharedData"/>: the shared resource and record reference.</summary>
    public string? ResourceReference { get; private init; }

    /// <summary><see cref="MaterialRoute.Commitment"/>: the commitment text the applicant accepted.</summary>
    public string? CommitmentText { get; private init; }

    /// <summary>When the case last received it (submission, correction or 容缺 supplement); null while missing.</summary>
    public DateTimeOffset? ProvidedAt { get; private init; }

    public string Name { get; private init; } = "";
    public bool Required { get; private init; }
    public bool DeficiencyAllowed { get; private init; }
    public bool CommitmentAccepted { get; private init; }

    public bool IsMissing => Route == MaterialRoute.Missing;

    public static Result<CaseMaterial> Uploaded(string key, FileReference file) =>
        Build(key, MaterialRoute.Uploaded, null, m => m with { File = file ?? throw new ArgumentNullException(nameof(file)) });

    public static Result<CaseMaterial> HeldLicence(string key, string licenceId) =>
        Build(key, MaterialRoute.HeldLicence, licenceId, m => m with { LicenceId = licenceId.Trim() });

    public static Result<CaseMaterial> SharedData(string key, string resourceReference) =>
        Build(key, MaterialRoute.SharedData, resourceReference, m => m with { ResourceReference = resourceReference.Trim() });

    public static Result<CaseMaterial> Commitment(string key, string commitmentText) =>
        Build(key, MaterialRoute.Commitment, commitmentText, m => m with { CommitmentText = commitmentText.Trim() });

    /// <summary>Marks a required material as not provided, for the window to decide (补正 / 容缺).</summary>
    public static Result<CaseMaterial> Missing(string key) =>
        Build(key, MaterialRoute.Missing, null, m => m);

    internal CaseMaterial ReceivedAt(DateTimeOffset now) => IsMissing ? this with { ProvidedAt = null } : this with { ProvidedAt = now };

    internal CaseMaterial WithTerms(MaterialSpec spec) => this with
    {
        Name = spec.Name,
        Required = spec.Required,
        DeficiencyAllowed = spec.DeficiencyAllowed,
        CommitmentAccepted = spec.CommitmentAccepted,
    };

    /// <summary>A replacement for this material keeps the terms copied at submission.</summary>
    internal CaseMaterial Replacing(CaseMaterial previous, DateTimeOffset now) => this with
    {
        Name = previous.Name,
        Required = previous.Required,
        DeficiencyAllowed = previous.DeficiencyAllowed,
        CommitmentAccepted = previous.CommitmentAccepted,
        ProvidedAt = IsMissing ? null : now,
    };

    /// <param name="reference">The text the route needs (licence id, resource, commitment); null when the route needs none.</param>
    private static Result<CaseMaterial> Build(string key, MaterialRoute route, string? reference, Func<CaseMaterial, CaseMaterial> fill)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return CaseErrors.MaterialNeedsAKey();
        }

        var needsReference = route is MaterialRoute.HeldLicence or MaterialRoute.SharedData or MaterialRoute.Commitment;
        if (needsReference && string.IsNullOrWhiteSpace(reference))
        {
            return route == MaterialRoute.Commitment
                ? CaseErrors.CommitmentNeedsItsText()
                : CaseErrors.MaterialNeedsAReference(key.Trim());
        }

        return fill(new CaseMaterial { Key = key.Trim(), Route = route, Name = key.Trim() });
    }
}

/// <summary>
/// One entry of the material list the caller computed for the applicant's situation answers
/// (the catalog's MaterialList for the case's implementation version), reduced to what case
/// handling needs.
/// </summary>
/// <param name="Required">必要: must be satisfied, or marked missing for the window to decide.</param>
/// <param name="DeficiencyAllowed">容缺: a non-key material that may be supplemented after acceptance.</param>
/// <param name="CommitmentAccepted">A commitment may replace it (the material lists the commitment exemption route).</param>
public sealed record MaterialSpec(string Key, string Name, bool Required = true, bool DeficiencyAllowed = false, bool CommitmentAccepted = false);

/// <summary>One line of a correction notice (补正告知): which material and what is wrong with it.</summary>
public sealed record CorrectionItem(string MaterialKey, string Reason);
