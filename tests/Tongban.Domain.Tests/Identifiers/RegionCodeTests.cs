using Tongban.Domain.Primitives;
using static Tongban.Domain.Tests.Identifiers.IdentifierAssert;

namespace Tongban.Domain.Tests.Identifiers;

public class RegionCodeTests
{
    private static RegionCode Region(string code) => Succeeds(RegionCode.Parse(code));

    [Theory]
    [InlineData("510000000000", RegionLevel.Province)]
    [InlineData("510900000000", RegionLevel.City)]
    [InlineData("510903000000", RegionLevel.County)]
    [InlineData("510903001000", RegionLevel.Township)]
    [InlineData("510903001002", RegionLevel.Village)]
    [InlineData("110101000000", RegionLevel.County)]
    public void Parse_DerivesLevelFromLastNonZeroPart(string code, RegionLevel level)
    {
        var region = Region(code);
        Assert.Equal(level, region.Level);
        Assert.Equal(code, region.Value);
        Assert.Equal(code, region.ToString());
    }

    [Theory]
    [InlineData("510000", "510000000000", RegionLevel.Province)]
    [InlineData("510900", "510900000000", RegionLevel.City)]
    [InlineData("510903", "510903000000", RegionLevel.County)]
    public void Parse_SixDigitCode_IsPaddedToTwelve(string input, string canonical, RegionLevel level)
    {
        var region = Region(input);
        Assert.Equal(canonical, region.Value);
        Assert.Equal(level, region.Level);
        Assert.Equal(Region(canonical), region);
    }

    [Fact]
    public void Parse_ExposesParts()
    {
        var region = Region(" 510903001002 ");
        Assert.Equal("51", region.Province);
        Assert.Equal("09", region.City);
        Assert.Equal("03", region.County);
        Assert.Equal("001", region.Township);
        Assert.Equal("002", region.Village);
    }

    [Theory]
    [InlineData("510000000000", "51")]
    [InlineData("510900000000", "5109")]
    [InlineData("510903000000", "510903")]
    [InlineData("510903001000", "510903001")]
    [InlineData("510903001002", "510903001002")]
    [InlineData("510903010000", "510903010")]
    public void SignificantPrefix_DropsTheZeroPartsBelowTheLevel(string code, string prefix) =>
        Assert.Equal(prefix, Region(code).SignificantPrefix);

    [Fact]
    public void SignificantPrefix_StartsExactlyTheCodesWithin()
    {
        var county = Region("510903000000");
        foreach (var code in new[] { "510903000000", "510903001000", "510903001002", "510904000000", "510900000000" })
        {
            Assert.Equal(county.Contains(Region(code)), code.StartsWith(county.SignificantPrefix, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Parse_WhenMissing_FailsWithRequiredRule(string? input) => FailsInvalid(RegionCode.Parse(input), "region.required");

    [Theory]
    [InlineData("51")]
    [InlineData("5109")]
    [InlineData("5109030")]
    [InlineData("510903001")]
    [InlineData("51090300100")]
    [InlineData("5109030010021")]
    public void Parse_WhenLengthNotSixOrTwelve_FailsWithLengthRule(string input) => FailsInvalid(RegionCode.Parse(input), "region.length");

    [Theory]
    [InlineData("51090A")]
    [InlineData("51 903")]
    [InlineData("51090300100X")]
    [InlineData("-51090")]
    public void Parse_WhenNotDigits_FailsWithCharsetRule(string input) => FailsInvalid(RegionCode.Parse(input), "region.charset");

    [Theory]
    [InlineData("000000")]
    [InlineData("100000")]
    [InlineData("160000")]
    [InlineData("910000")] // 91 starts some ID numbers but is no GB/T 2260 province
    [InlineData("990000000000")]
    public void Parse_WhenProvinceInvalid_FailsWithProvinceRule(string input) => FailsInvalid(RegionCode.Parse(input), "region.province");

    [Theory]
    [InlineData("510003000000")] // county under no city
    [InlineData("510900001000")] // township under no county
    [InlineData("510903000001")] // village under no township
    [InlineData("510000000001")]
    [InlineData("510000001000")]
    [InlineData("510003")]
    public void Parse_WhenNonZeroPartUnderZeroPart_FailsWithHierarchyRule(string input)
    {
        var error = FailsInvalid(RegionCode.Parse(input), "region.hierarchy");
        Assert.Equal([input.PadRight(12, '0')], error.Args);
    }

    [Fact]
    public void Parent_WalksUpOneLevelAtATime()
    {
        var village = Region("510903001002");

        var township = Assert.NotNull(village.Parent);
        Assert.Equal("510903001000", township.Value);
        Assert.Equal(RegionLevel.Township, township.Level);

        var county = Assert.NotNull(township.Parent);
        Assert.Equal("510903000000", county.Value);
        Assert.Equal(RegionLevel.County, county.Level);

        var city = Assert.NotNull(county.Parent);
        Assert.Equal("510900000000", city.Value);
        Assert.Equal(RegionLevel.City, city.Level);

        var province = Assert.NotNull(city.Parent);
        Assert.Equal("510000000000", province.Value);
        Assert.Equal(RegionLevel.Province, province.Level);

        Assert.Null(province.Parent);
    }

    [Fact]
    public void Parent_EqualsTheParsedParentCode() =>
        Assert.Equal(Region("510903"), Region("510903001000").Parent);

    [Theory]
    [InlineData("510000", "510903001002", true)]
    [InlineData("510900", "510903001002", true)]
    [InlineData("510903", "510903001002", true)]
    [InlineData("510903001000", "510903001002", true)]
    [InlineData("510903001002", "510903001002", true)]
    [InlineData("510900", "510900", true)]
    [InlineData("510903", "510904", false)] // sibling county
    [InlineData("510903001000", "510903002001", false)] // village of another township
    [InlineData("510903001002", "510903001000", false)] // child does not contain parent
    [InlineData("510903", "510900", false)]
    [InlineData("510000", "520000", false)]
    [InlineData("510000", "520100", false)]
    public void Contains_IsTrueForSelfAndDescendantsOnly(string container, string other, bool expected) =>
        Assert.Equal(expected, Region(container).Contains(Region(other)));
}
