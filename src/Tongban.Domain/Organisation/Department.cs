using Tongban.Domain.Primitives;

namespace Tongban.Domain.Organisation;

/// <summary>A government department (部门), identified by its 统一社会信用代码, serving one region.</summary>
public sealed class Department : IVersioned
{
    /// <summary>The longest name the register holds.</summary>
    public const int MaxNameLength = 100;

    private Department() { }

    public Guid Id { get; private set; }
    public Uscc Uscc { get; private set; }
    public string Name { get; private set; } = "";
    public RegionCode RegionCode { get; private set; }
    public Guid? ParentId { get; private set; }
    public int Version { get; set; }

    public static Result<Department> Create(Guid id, Uscc uscc, string name, RegionCode region, DepartmentParent? parent)
    {
        var department = new Department { Id = id, Uscc = uscc };
        var result = department.Update(name, region, parent, []);
        return result.IsSuccess ? department : result.Error;
    }

    /// <summary>
    /// Renames and places the department. The parent (上级部门) must serve the same region or one that
    /// contains it, must not be the department itself or one of its own subordinates, and the
    /// department's subordinates (<paramref name="childRegions"/>) must stay inside its new region.
    /// </summary>
    public Result Update(string name, RegionCode region, DepartmentParent? parent, IReadOnlyCollection<RegionCode> childRegions)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return new Invalid("department.name-required") { Field = nameof(Name) };
        }

        if (name.Trim().Length > MaxNameLength)
        {
            return new Invalid("department.name-too-long", MaxNameLength) { Field = nameof(Name) };
        }

        if (parent is not null)
        {
            if (parent.Id == Id)
            {
                return new Invalid("department.parent-self") { Field = nameof(ParentId) };
            }

            if (parent.AncestorIds.Contains(Id))
            {
                return new Invalid("department.parent-cycle") { Field = nameof(ParentId) };
            }

            if (!parent.Region.Contains(region))
            {
                return new Invalid("department.parent-region") { Field = nameof(ParentId) };
            }
        }

        if (childRegions.Any(child => !region.Contains(child)))
        {
            return new Invalid("department.children-outside-region") { Field = nameof(RegionCode) };
        }

        Name = name.Trim();
        RegionCode = region;
        ParentId = parent?.Id;
        return Result.Success;
    }
}

/// <summary>
/// The department proposed as 上级部门: its id, the region it serves and the ids above it, nearest
/// first, so the rules can refuse a parent that would close a loop.
/// </summary>
public sealed record DepartmentParent(Guid Id, RegionCode Region, IReadOnlyList<Guid> AncestorIds);
