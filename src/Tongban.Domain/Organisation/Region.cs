using Tongban.Domain.Primitives;

namespace Tongban.Domain.Organisation;

/// <summary>行政区划: the city and its counties, townships and villages.</summary>
public sealed class Region
{
    private Region() { }

    public RegionCode Code { get; private set; }
    public string Name { get; private set; } = "";
    public RegionLevel Level => Code.Level;
    public RegionCode? ParentCode { get; private set; }

    public static Result<Region> Create(RegionCode code, string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return new Invalid("region.name-required") { Field = nameof(Name) };
        }

        return new Region { Code = code, Name = name.Trim(), ParentCode = code.Parent };
    }

    public Result Rename(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return new Invalid("region.name-required") { Field = nameof(Name) };
        }

        Name = name.Trim();
        return Result.Success;
    }
}
