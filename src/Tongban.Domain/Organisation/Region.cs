using Tongban.Domain.Primitives;

namespace Tongban.Domain.Organisation;

/// <summary>行政区划: the city and its counties, townships and villages.</summary>
public sealed class Region
{
    /// <summary>The longest name the register holds.</summary>
    public const int MaxNameLength = 100;

    private Region() { }

    public RegionCode Code { get; private set; }
    public string Name { get; private set; } = "";
    public RegionLevel Level => Code.Level;
    public RegionCode? ParentCode { get; private set; }

    public static Result<Region> Create(RegionCode code, string name)
    {
        var region = new Region { Code = code, ParentCode = code.Parent };
        var result = region.Rename(name);
        return result.IsSuccess ? region : result.Error;
    }

    public Result Rename(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return new Invalid("region.name-required") { Field = nameof(Name) };
        }

        if (name.Trim().Length > MaxNameLength)
        {
            return new Invalid("region.name-too-long", MaxNameLength) { Field = nameof(Name) };
        }

        Name = name.Trim();
        return Result.Success;
    }
}
