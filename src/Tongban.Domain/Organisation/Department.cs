using Tongban.Domain.Primitives;

namespace Tongban.Domain.Organisation;

/// <summary>A government department (部门), identified by its 统一社会信用代码, serving one region.</summary>
public sealed class Department : IVersioned
{
    private Department() { }

    public Guid Id { get; private set; }
    public Uscc Uscc { get; private set; }
    public string Name { get; private set; } = "";
    public RegionCode RegionCode { get; private set; }
    public Guid? ParentId { get; private set; }
    public int Version { get; set; }

    public static Result<Department> Create(Guid id, Uscc uscc, string name, RegionCode region, Guid? parentId)
    {
        var department = new Department { Id = id, Uscc = uscc };
        var result = department.Update(name, region, parentId);
        return result.IsSuccess ? department : result.Error;
    }

    public Result Update(string name, RegionCode region, Guid? parentId)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return new Invalid("department.name-required") { Field = nameof(Name) };
        }

        if (parentId == Id)
        {
            return new Invalid("department.parent-self") { Field = nameof(ParentId) };
        }

        Name = name.Trim();
        RegionCode = region;
        ParentId = parentId;
        return Result.Success;
    }
}
