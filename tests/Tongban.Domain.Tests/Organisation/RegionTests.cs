using Tongban.Domain.Organisation;
using Tongban.Domain.Primitives;
using static Tongban.Domain.Tests.Identifiers.IdentifierAssert;

namespace Tongban.Domain.Tests.Organisation;

public class RegionTests
{
    private static readonly RegionCode Chicheng = RegionCode.FromTrusted("510921100000");

    [Fact]
    public void Create_TrimsTheNameAndTakesTheParentFromTheCode()
    {
        var region = Succeeds(Region.Create(Chicheng, "  赤城镇 "));
        Assert.Equal("赤城镇", region.Name);
        Assert.Equal(RegionLevel.Township, region.Level);
        Assert.Equal(RegionCode.FromTrusted("510921000000"), region.ParentCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_WithoutAName_IsRefused(string name) =>
        Assert.Equal(nameof(Region.Name), FailsInvalid(Region.Create(Chicheng, name), "region.name-required").Field);

    [Fact]
    public void Create_WithANameLongerThanTheRegisterHolds_IsRefused() =>
        FailsInvalid(Region.Create(Chicheng, new string('镇', Region.MaxNameLength + 1)), "region.name-too-long");

    [Fact]
    public void Create_WithANameOfExactlyTheLimit_IsAccepted() =>
        Succeeds(Region.Create(Chicheng, new string('镇', Region.MaxNameLength)));

    [Fact]
    public void Rename_ToATooLongName_KeepsTheOldName()
    {
        var region = Succeeds(Region.Create(Chicheng, "赤城镇"));
        var result = region.Rename(new string('镇', Region.MaxNameLength + 1));
        Assert.False(result.IsSuccess);
        Assert.Equal("region.name-too-long", result.Error.Code);
        AssertChineseMessage(result.Error);
        Assert.Equal("赤城镇", region.Name);
    }
}
