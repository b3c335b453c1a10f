using Tongban.Domain.Primitives;

namespace Tongban.Domain.Catalog;

/// <summary>
/// 基本目录事项: the standard item, the same 基本编码 at every level (四级四同). Issued from above;
/// each region whose level exercises it must claim it within the claim period or file why not.
/// </summary>
public sealed class CatalogItem : IVersioned
{
    private CatalogItem() { }

    public BasicItemCode Code { get; private set; }
    public string Name { get; private set; } = "";
    public ItemType Type { get; private set; }
    public string CompetentDepartment { get; private set; } = "";
    public string LegalBasis { get; private set; } = "";

    /// <summary>行使层级: the levels at which the item is implemented.</summary>
    public IReadOnlyList<ExerciseLevel> Levels { get; private set; } = [];

    /// <summary>主项 of a 子项.</summary>
    public BasicItemCode? ParentCode { get; private set; }
    public DateTimeOffset IssuedAt { get; private set; }
    public int Version { get; set; }

    public static Result<CatalogItem> Issue(BasicItemCode code, string name, ItemType type, string competentDepartment, string legalBasis, IReadOnlyCollection<ExerciseLevel> levels, BasicItemCode? parent, DateTimeOffset issuedAt)
    {
        var item = new CatalogItem { Code = code, IssuedAt = issuedAt };
        var result = item.Revise(name, type, competentDepartment, legalBasis, levels, parent);
        return result.IsSuccess ? item : result.Error;
    }

    public Result Revise(string name, ItemType type, string competentDepartment, string legalBasis, IReadOnlyCollection<ExerciseLevel> levels, BasicItemCode? parent)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return new Invalid("catalog.item-name-required") { Field = nameof(Name) };
        }

        if (string.IsNullOrWhiteSpace(legalBasis))
        {
            return new Invalid("catalog.legal-basis-required") { Field = nameof(LegalBasis) };
        }

        if (levels.Count == 0)
        {
            return new Invalid("catalog.levels-required") { Field = nameof(Levels) };
        }

        if (parent is { } p && p == Code)
        {
            return new Invalid("catalog.item-parent-self") { Field = nameof(ParentCode) };
        }

        Name = name.Trim();
        Type = type;
        CompetentDepartment = competentDepartment?.Trim() ?? "";
        LegalBasis = legalBasis.Trim();
        Levels = [.. levels.Distinct().Order()];
        ParentCode = parent;
        return Result.Success;
    }

    public DateTimeOffset ClaimDeadline(CatalogPolicy policy) => IssuedAt.AddDays(policy.ClaimDays);
}

/// <summary>不需认领: an item a region does not implement, with the reason, filed with the lead department (备案).</summary>
public sealed class ClaimExemption
{
    private ClaimExemption() { }

    public BasicItemCode BasicCode { get; private set; }
    public RegionCode RegionCode { get; private set; }
    public string Reason { get; private set; } = "";
    public Guid LeadDepartmentId { get; private set; }
    public DateTimeOffset FiledAt { get; private set; }
    public string FiledBy { get; private set; } = "";

    public static Result<ClaimExemption> File(BasicItemCode code, RegionCode region, string reason, Guid leadDepartmentId, DateTimeOffset now, string filedBy)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return new Invalid("catalog.exemption-reason-required") { Field = nameof(Reason) };
        }

        return new ClaimExemption { BasicCode = code, RegionCode = region, Reason = reason.Trim(), LeadDepartmentId = leadDepartmentId, FiledAt = now, FiledBy = filedBy };
    }
}
