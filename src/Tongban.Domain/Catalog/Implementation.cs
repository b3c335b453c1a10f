using Tongban.Domain.Primitives;

namespace Tongban.Domain.Catalog;

/// <summary>
/// 实施清单: one department's implementation of a catalog item in one region. The draft moves
/// 编辑 → 提交 → 审核 (退回 or 发布); every publish freezes a new immutable
/// <see cref="ImplementationVersion"/>. Running cases keep the version they started with.
/// </summary>
public sealed class Implementation : IVersioned
{
    private Implementation() { }

    public Guid Id { get; private set; }
    public ImplementationCode Code { get; private set; }
    public BasicItemCode BasicCode { get; private set; }
    public Guid DepartmentId { get; private set; }
    public RegionCode RegionCode { get; private set; }
    public ImplementationStatus Status { get; private set; }

    /// <summary>The working copy as catalog JSON.</summary>
    public string DraftJson { get; private set; } = "";

    /// <summary>Name of the draft, kept as a column for lists.</summary>
    public string DraftName { get; private set; } = "";
    public int? PublishedVersion { get; private set; }
    public DateTimeOffset ClaimedAt { get; private set; }
    public string ClaimedBy { get; private set; } = "";
    public DateTimeOffset? SubmittedAt { get; private set; }
    public string? SubmittedBy { get; private set; }
    public string? ReturnReason { get; private set; }
    public int Version { get; set; }

    public ImplementationContent Draft => CatalogJson.Deserialize(DraftJson);

    public bool IsPublished => PublishedVersion is not null;

    /// <summary>认领: the department takes the item on in its region, starting from the item's standard elements.</summary>
    public static Implementation Claim(Guid id, CatalogItem item, Uscc departmentUscc, Guid departmentId, RegionCode region, ExerciseLevel level, string claimedBy, DateTimeOffset now, ImplementationContent? start = null)
    {
        var content = (start ?? new ImplementationContent()) with { Name = start?.Name is { Length: > 0 } name ? name : item.Name };
        return new Implementation
        {
            Id = id,
            Code = ImplementationCode.Create(departmentUscc, level, item.Code),
            BasicCode = item.Code,
            DepartmentId = departmentId,
            RegionCode = region,
            Status = ImplementationStatus.Draft,
            DraftJson = CatalogJson.Serialize(content),
            DraftName = content.Name,
            ClaimedAt = now,
            ClaimedBy = claimedBy,
        };
    }

    /// <summary>Rule: a draft under review is locked; editing a published item starts a new draft.</summary>
    public Result Edit(ImplementationContent content)
    {
        if (Status == ImplementationStatus.Submitted)
        {
            return new Conflict("catalog.locked-in-review");
        }

        if (string.IsNullOrWhiteSpace(content.Name))
        {
            return new Invalid("catalog.element-required", ElementNames.Of(nameof(content.Name))) { Field = nameof(content.Name) };
        }

        DraftJson = CatalogJson.Serialize(content);
        DraftName = content.Name.Trim();
        Status = ImplementationStatus.Draft;
        return Result.Success;
    }

    /// <summary>Submits the draft for review once every rule holds; otherwise returns all the broken rules.</summary>
    public Result<IReadOnlyList<Error>> Submit(CatalogPolicy policy, string submittedBy, DateTimeOffset now)
    {
        if (Status is not (ImplementationStatus.Draft or ImplementationStatus.Returned))
        {
            return new Conflict("catalog.not-editable-state", Status.ToString());
        }

        IReadOnlyList<Error> broken = [.. CatalogRules.ForSubmission(Draft, policy), .. CatalogRules.StepRegionsWithinTheScope(Draft, RegionCode)];
        if (broken.Count > 0)
        {
            return Result<IReadOnlyList<Error>>.Success(broken);
        }

        Status = ImplementationStatus.Submitted;
        SubmittedAt = now;
        SubmittedBy = submittedBy;
        ReturnReason = null;
        return Result<IReadOnlyList<Error>>.Success([]);
    }

    /// <summary>退回: a reviewer sends the draft back with the reasons.</summary>
    public Result Return(string reason, string reviewer)
    {
        if (Status != ImplementationStatus.Submitted)
        {
            return new Conflict("catalog.not-submitted");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return new Invalid("catalog.return-reason-required") { Field = nameof(ReturnReason) };
        }

        if (string.Equals(reviewer, SubmittedBy, StringComparison.Ordinal))
        {
            return new Forbidden("catalog.reviewer-is-submitter");
        }

        Status = ImplementationStatus.Returned;
        ReturnReason = reason.Trim();
        return Result.Success;
    }

    /// <summary>审核通过并发布: freezes the draft as the next version. The reviewer may not be the submitter.</summary>
    public Result<ImplementationVersion> Publish(string reviewer, DateTimeOffset now)
    {
        if (Status != ImplementationStatus.Submitted)
        {
            return new Conflict("catalog.not-submitted");
        }

        if (string.Equals(reviewer, SubmittedBy, StringComparison.Ordinal))
        {
            return new Forbidden("catalog.reviewer-is-submitter");
        }

        var number = (PublishedVersion ?? 0) + 1;
        PublishedVersion = number;
        Status = ImplementationStatus.Published;
        return new ImplementationVersion(Id, number, Code, DraftJson, now, reviewer);
    }
}

/// <summary>A published, immutable version of an implementation.</summary>
public sealed class ImplementationVersion
{
    private ImplementationVersion() { }

    internal ImplementationVersion(Guid implementationId, int number, ImplementationCode code, string contentJson, DateTimeOffset publishedAt, string publishedBy)
    {
        ImplementationId = implementationId;
        Number = number;
        Code = code;
        ContentJson = contentJson;
        PublishedAt = publishedAt;
        PublishedBy = publishedBy;
    }

    public Guid ImplementationId { get; private set; }
    public int Number { get; private set; }
    public ImplementationCode Code { get; private set; }
    public string ContentJson { get; private set; } = "";
    public DateTimeOffset PublishedAt { get; private set; }
    public string PublishedBy { get; private set; } = "";

    public ImplementationContent Content => CatalogJson.Deserialize(ContentJson);
}
