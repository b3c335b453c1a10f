using Tongban.Domain.Primitives;
using static Tongban.Domain.Tests.Identifiers.IdentifierAssert;

namespace Tongban.Domain.Tests.Identifiers;

public class IdNumberTests
{
    private static readonly DateOnly Today = TestIds.Today;

    [Fact]
    public void Parse_PublishedValidNumber_SucceedsWithParts()
    {
        var id = Succeeds(IdNumber.Parse("11010519491231002X", Today));

        Assert.Equal("11010519491231002X", id.Value);
        Assert.Equal("11010519491231002X", id.ToString());
        Assert.Equal("110105", id.AreaCode);
        Assert.Equal(new DateOnly(1949, 12, 31), id.BirthDate);
        Assert.Equal(2, id.Sequence);
        Assert.Equal(Sex.Female, id.Sex);
    }

    [Fact]
    public void ComputeCheck_PublishedNumber_IsX() => Assert.Equal('X', IdNumber.ComputeCheck("11010519491231002"));

    // Check characters worked out by hand with the MOD 11-2 weights, independent of the code under test.
    [Theory]
    [InlineData("510903199003070012")]
    [InlineData("510903199003070020")]
    [InlineData("510903199003070039")]
    [InlineData("510903199001192446")]
    [InlineData("11010519000101001X")]
    public void Parse_ComputedValidNumbers_Succeed(string input) => Assert.Equal(input, Succeeds(IdNumber.Parse(input, Today)).Value);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_WhenMissing_FailsWithRequiredRule(string? input) => FailsInvalid(IdNumber.Parse(input, Today), "id-number.required");

    [Fact]
    public void Parse_TrimsSurroundingWhitespace() =>
        Assert.Equal("510903199003070012", Succeeds(IdNumber.Parse("  510903199003070012\t", Today)).Value);

    [Theory]
    [InlineData("51090319900307001", 17)]
    [InlineData("5109031990030700120", 19)]
    [InlineData("510903900307001", 15)] // the retired 15-digit format
    public void Parse_WhenLengthWrong_FailsWithLengthRule(string input, int length)
    {
        var error = FailsInvalid(IdNumber.Parse(input, Today), "id-number.length");
        Assert.Equal([length], error.Args);
    }

    [Theory]
    [InlineData("51090319900307A012")]
    [InlineData("5109031990-307001X")]
    [InlineData("51090319900307 012")]
    [InlineData("51090319900307001Y")]
    [InlineData("５10903199003070012")] // full-width digit
    public void Parse_WhenNonDigitPresent_FailsWithCharsetRule(string input) => FailsInvalid(IdNumber.Parse(input, Today), "id-number.charset");

    [Fact]
    public void Parse_LowercaseX_IsNormalisedToUppercase()
    {
        var id = Succeeds(IdNumber.Parse("11010519491231002x", Today));
        Assert.Equal("11010519491231002X", id.Value);
        Assert.Equal(Succeeds(IdNumber.Parse("11010519491231002X", Today)), id);
    }

    [Theory]
    [InlineData("11")]
    [InlineData("15")]
    [InlineData("21")]
    [InlineData("23")]
    [InlineData("31")]
    [InlineData("37")]
    [InlineData("41")]
    [InlineData("46")]
    [InlineData("50")]
    [InlineData("54")]
    [InlineData("61")]
    [InlineData("65")]
    [InlineData("71")]
    [InlineData("81")]
    [InlineData("82")]
    [InlineData("91")]
    public void Parse_WhenProvinceValid_Succeeds(string province) =>
        Succeeds(IdNumber.Parse(TestIds.IdNumber(province + "0101", "19900101", "001"), Today));

    [Theory]
    [InlineData("00")]
    [InlineData("10")]
    [InlineData("16")]
    [InlineData("20")]
    [InlineData("24")]
    [InlineData("30")]
    [InlineData("38")]
    [InlineData("40")]
    [InlineData("47")]
    [InlineData("49")]
    [InlineData("55")]
    [InlineData("60")]
    [InlineData("66")]
    [InlineData("70")]
    [InlineData("72")]
    [InlineData("80")]
    [InlineData("83")]
    [InlineData("90")]
    [InlineData("92")]
    [InlineData("99")]
    public void Parse_WhenProvinceInvalid_FailsWithAreaRule(string province)
    {
        var error = FailsInvalid(IdNumber.Parse(TestIds.IdNumber(province + "0101", "19900101", "001"), Today), "id-number.area");
        Assert.Equal([province + "0101"], error.Args);
    }

    [Theory]
    [InlineData("19900230")] // 30 February
    [InlineData("19900231")]
    [InlineData("19900431")] // April has 30 days
    [InlineData("19901301")] // month 13
    [InlineData("19900001")] // month 0
    [InlineData("19900100")] // day 0
    [InlineData("20230229")] // 2023 is not a leap year
    [InlineData("19000229")] // 1900 is not a leap year: divisible by 100 but not 400
    [InlineData("00000101")]
    public void Parse_WhenBirthDateNotARealDate_FailsWithBirthDateRule(string birthDate)
    {
        var error = FailsInvalid(IdNumber.Parse(TestIds.IdNumber("510903", birthDate, "001"), Today), "id-number.birth-date");
        Assert.Equal([birthDate], error.Args);
    }

    [Theory]
    [InlineData("20000229")] // divisible by 400: leap
    [InlineData("20240229")]
    [InlineData("19960229")]
    public void Parse_WhenBirthDateIs29FebruaryInLeapYear_Succeeds(string birthDate)
    {
        var id = Succeeds(IdNumber.Parse(TestIds.IdNumber("510903", birthDate, "001"), Today));
        Assert.Equal(2, id.BirthDate.Month);
        Assert.Equal(29, id.BirthDate.Day);
    }

    [Fact]
    public void Parse_WhenBirthDateAfterToday_FailsWithFutureRule()
    {
        var error = FailsInvalid(IdNumber.Parse(TestIds.IdNumber("510903", "20250602", "001"), Today), "id-number.birth-date-in-future");
        Assert.Equal(["2025-06-02"], error.Args);
    }

    [Fact]
    public void Parse_FutureRule_UsesTheTodayPassedIn()
    {
        var input = TestIds.IdNumber("510903", "20250602", "001");
        Succeeds(IdNumber.Parse(input, new DateOnly(2025, 6, 2)));
        FailsInvalid(IdNumber.Parse(input, new DateOnly(2025, 6, 1)), "id-number.birth-date-in-future");
    }

    [Fact]
    public void Parse_WhenBornToday_Succeeds() =>
        Assert.Equal(Today, Succeeds(IdNumber.Parse(TestIds.IdNumber("510903", "20250601", "001"), Today)).BirthDate);

    [Fact]
    public void Parse_WhenBornBefore1900_FailsWithTooEarlyRule()
    {
        var error = FailsInvalid(IdNumber.Parse(TestIds.IdNumber("510903", "18991231", "001"), Today), "id-number.birth-date-too-early");
        Assert.Equal(["1899-12-31"], error.Args);
    }

    [Fact]
    public void Parse_WhenBornOn1January1900_Succeeds() =>
        Assert.Equal(new DateOnly(1900, 1, 1), Succeeds(IdNumber.Parse(TestIds.IdNumber("510903", "19000101", "001"), Today)).BirthDate);

    [Theory]
    [InlineData("510903199003070013", '2')]
    [InlineData("510903199003070010", '2')]
    [InlineData("51090319900307001X", '2')]
    [InlineData("110105194912310020", 'X')]
    public void Parse_WhenCheckCharacterWrong_FailsWithCheckRule(string input, char expected)
    {
        var error = FailsInvalid(IdNumber.Parse(input, Today), "id-number.check");
        Assert.Equal([expected], error.Args);
        Assert.Contains(expected.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WhenOneDigitMistyped_FailsWithCheckRule() =>
        FailsInvalid(IdNumber.Parse("510903199003070112", Today), "id-number.check");

    [Theory]
    [InlineData("001", Sex.Male)]
    [InlineData("002", Sex.Female)]
    [InlineData("003", Sex.Male)]
    [InlineData("244", Sex.Female)]
    [InlineData("999", Sex.Male)]
    [InlineData("000", Sex.Female)]
    public void Sex_FollowsSequenceParity(string sequence, Sex expected)
    {
        var id = Succeeds(IdNumber.Parse(TestIds.IdNumber("510903", "19900307", sequence), Today));
        Assert.Equal(int.Parse(sequence, System.Globalization.CultureInfo.InvariantCulture), id.Sequence);
        Assert.Equal(expected, id.Sex);
    }

    [Fact]
    public void Masked_KeepsAreaCodeAndLastFour() =>
        Assert.Equal("510903********2446", Succeeds(IdNumber.Parse("510903199001192446", Today)).Masked);

    [Fact]
    public void Parse_SameNumber_IsEqual() =>
        Assert.Equal(Succeeds(IdNumber.Parse("510903199003070012", Today)), Succeeds(IdNumber.Parse(" 510903199003070012 ", Today)));

    [Theory]
    [InlineData("5109031990030700")]
    [InlineData("510903199003070012")]
    [InlineData("5109031990030700A")]
    public void ComputeCheck_WhenNotSeventeenDigits_Throws(string input) =>
        Assert.Throws<ArgumentException>(() => IdNumber.ComputeCheck(input));

    [Fact]
    public void ComputeCheck_GeneratedNumbersAllParse()
    {
        for (var sequence = 1; sequence <= 30; sequence++)
        {
            var input = TestIds.IdNumber("510903", "19900307", sequence.ToString("D3", System.Globalization.CultureInfo.InvariantCulture));
            Succeeds(IdNumber.Parse(input, Today));
        }
    }
}
