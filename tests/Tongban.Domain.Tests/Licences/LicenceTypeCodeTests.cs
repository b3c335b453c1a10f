using Tongban.Domain.Primitives;
using Tongban.Domain.Tests.Identifiers;
using static Tongban.Domain.Tests.Identifiers.IdentifierAssert;

namespace Tongban.Domain.Tests.Licences;

/// <summary>证照类型代码: the defining body's USCC followed by a 3-digit serial, 001-999.</summary>
public sealed class LicenceTypeCodeTests
{
    [Theory]
    [InlineData("11510900MB1A00036T116", "11510900MB1A00036T")]
    [InlineData("91350100M000100Y43001", "91350100M000100Y43")]
    [InlineData("12100000400000624D999", "12100000400000624D")]
    public void Parse_ValidCodes_Succeed_AndNameTheDefiningBody(string input, string body)
    {
        var code = Succeeds(LicenceTypeCode.Parse(input));

        Assert.Equal(input, code.Value);
        Assert.Equal(input, code.ToString());
        Assert.Equal(body, code.DefiningBody.Value);
    }

    [Fact]
    public void Parse_BuiltFromAFreshUscc_Succeeds()
    {
        var body = TestIds.Uscc("91", "510903", "MA6XY312");
        Assert.Equal(body, Succeeds(LicenceTypeCode.Parse(body + "042")).DefiningBody.Value);
    }

    [Fact]
    public void Parse_LowerCaseAndSpaces_AreNormalised() =>
        Assert.Equal("11510900MB1A00036T116", Succeeds(LicenceTypeCode.Parse(" 11510900mb1a00036t116 ")).Value);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Parse_Missing_FailsWithTheRequiredRule(string? input) => FailsInvalid(LicenceTypeCode.Parse(input), "licence-type-code.required");

    [Theory]
    [InlineData("11510900MB1A00036T", 18)]
    [InlineData("11510900MB1A00036T11", 20)]
    [InlineData("11510900MB1A00036T1160", 22)]
    [InlineData("116", 3)]
    public void Parse_WrongLength_FailsWithTheLengthRule_NamingTheLength(string input, int length)
    {
        var error = FailsInvalid(LicenceTypeCode.Parse(input), "licence-type-code.length");
        Assert.Equal(length, error.Args[0]);
    }

    [Theory]
    [InlineData("11510900MB1A00036U116", "uscc.check")]
    [InlineData("11510900MB1A0O036T116", "uscc.charset")]
    [InlineData("X1510900MB1A00036T116", "uscc.department")]
    public void Parse_BadUscc_FailsWithTheUsccRule(string input, string code) => FailsInvalid(LicenceTypeCode.Parse(input), code);

    [Theory]
    [InlineData("000")]
    [InlineData("0A1")]
    [InlineData("AB1")]
    [InlineData("1-1")]
    public void Parse_SerialZeroOrNotDigits_FailsWithTheSerialRule(string serial)
    {
        var error = FailsInvalid(LicenceTypeCode.Parse("11510900MB1A00036T" + serial), "licence-type-code.serial");
        Assert.Equal(serial, error.Args[0]);
    }

    [Fact]
    public void FromTrusted_OfABadValue_Throws() => Assert.Throws<FormatException>(() => LicenceTypeCode.FromTrusted("11510900MB1A00036T000"));
}
