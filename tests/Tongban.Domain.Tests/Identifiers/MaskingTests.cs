using Tongban.Domain.Primitives;

namespace Tongban.Domain.Tests.Identifiers;

public class MaskingTests
{
    [Theory]
    [InlineData("510903199001192446", "510903********2446")]
    [InlineData("11010519491231002x", "110105********002X")]
    [InlineData(" 11010519491231002X ", "110105********002X")]
    public void MaskIdNumber_ValidNumber_MatchesIdNumberMasked(string input, string expected) =>
        Assert.Equal(expected, Masking.MaskIdNumber(input));

    [Fact]
    public void MaskIdNumber_ValidNumberWithFutureBirthDate_IsStillMaskedAsIdNumber() =>
        Assert.Equal("510903********0018", Masking.MaskIdNumber(TestIds.IdNumber("510903", "20990101", "001")));

    [Theory]
    [InlineData("510903199001192447", "5****************7")] // wrong check character
    [InlineData("12345", "1***5")]
    [InlineData("ab", "**")]
    [InlineData("a", "*")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void MaskIdNumber_OtherStrings_KeepFirstAndLast(string? input, string expected) =>
        Assert.Equal(expected, Masking.MaskIdNumber(input));

    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("欧阳娜娜", "欧***")]
    [InlineData("李小龙", "李**")]
    [InlineData("张", "*")]
    [InlineData("𠇔三", "𠇔*")] // surname outside the BMP stays one character
    [InlineData("", "")]
    [InlineData(null, "")]
    public void MaskName_KeepsFirstCharacterOnly(string? input, string expected) =>
        Assert.Equal(expected, Masking.MaskName(input));

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData(" 13812345678 ", "138****5678")]
    [InlineData("028-12345678", "028*****5678")]
    [InlineData("12345", "1***5")]
    [InlineData(null, "")]
    public void MaskPhone_KeepsFirstThreeAndLastFourOfMobileNumbers(string? input, string expected) =>
        Assert.Equal(expected, Masking.MaskPhone(input));
}
