using Tongban.Domain.Primitives;
using static Tongban.Domain.Tests.Identifiers.IdentifierAssert;

namespace Tongban.Domain.Tests.Identifiers;

public class CaseNumberTests
{
    private const string Implementation = ItemCodeTests.Implementation;

    private static ImplementationCode ImplementationCode() => Succeeds(Primitives.ImplementationCode.Parse(Implementation));

    [Fact]
    public void Parse_SplitsIntoImplementationDateAndSerial()
    {
        var number = Succeeds(CaseNumber.Parse(Implementation + "20250301" + "0001"));

        Assert.Equal(43, number.Value.Length);
        Assert.Equal(Implementation + "202503010001", number.ToString());
        Assert.Equal(Implementation, number.Implementation.Value);
        Assert.Equal(new DateOnly(2025, 3, 1), number.Date);
        Assert.Equal(1, number.Serial);
    }

    [Fact]
    public void Create_EqualsParsedNumber()
    {
        var created = Succeeds(CaseNumber.Create(ImplementationCode(), new DateOnly(2025, 3, 1), 42));

        Assert.Equal(Implementation + "202503010042", created.Value);
        Assert.Equal(Succeeds(CaseNumber.Parse(created.Value)), created);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(9999)]
    public void Create_SerialAtBounds_Succeeds(int serial) =>
        Assert.Equal(serial, Succeeds(CaseNumber.Create(ImplementationCode(), new DateOnly(2025, 3, 1), serial)).Serial);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(10000)]
    public void Create_SerialOutOfRange_FailsWithSerialRule(int serial) =>
        FailsInvalid(CaseNumber.Create(ImplementationCode(), new DateOnly(2025, 3, 1), serial), "case-number.serial");

    [Theory]
    [InlineData("0000")]
    [InlineData("00A1")]
    [InlineData("-001")]
    public void Parse_WhenSerialZeroOrNotDigits_FailsWithSerialRule(string serial) =>
        FailsInvalid(CaseNumber.Parse(Implementation + "20250301" + serial), "case-number.serial");

    [Fact]
    public void Parse_Serial9999_Succeeds() =>
        Assert.Equal(9999, Succeeds(CaseNumber.Parse(Implementation + "20250301" + "9999")).Serial);

    [Theory]
    [InlineData("20250230")] // 30 February
    [InlineData("20230229")] // not a leap year
    [InlineData("20251301")]
    [InlineData("20250100")]
    [InlineData("2025030A")]
    [InlineData("00000000")]
    public void Parse_WhenDateNotReal_FailsWithDateRule(string date)
    {
        var error = FailsInvalid(CaseNumber.Parse(Implementation + date + "0001"), "case-number.date");
        Assert.Equal([date], error.Args);
    }

    [Fact]
    public void Parse_29FebruaryInLeapYear_Succeeds() =>
        Assert.Equal(new DateOnly(2024, 2, 29), Succeeds(CaseNumber.Parse(Implementation + "20240229" + "0001")).Date);

    [Theory]
    [InlineData(Implementation + "202503010001" + "1")]
    [InlineData(Implementation + "20250301001")]
    [InlineData(Implementation)]
    public void Parse_WhenLengthWrong_FailsWithLengthRule(string input) =>
        FailsInvalid(CaseNumber.Parse(input), "case-number.length");

    [Fact]
    public void Parse_WhenMissing_FailsWithRequiredRule() =>
        FailsInvalid(CaseNumber.Parse(""), "case-number.required");

    [Fact]
    public void Parse_WhenImplementationInvalid_KeepsInnerRule() =>
        FailsInvalid(CaseNumber.Parse("91350100M000100Y44" + "3" + ItemCodeTests.Basic + "202503010001"), "uscc.check");
}
