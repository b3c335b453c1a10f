using Tongban.Domain.Primitives;
using static Tongban.Domain.Tests.Identifiers.IdentifierAssert;

namespace Tongban.Domain.Tests.Identifiers;

public class ItemCodeTests
{
    internal const string Body = "91350100M000100Y43";
    internal const string Basic = "000173002000";
    internal const string Implementation = Body + "3" + Basic;

    [Theory]
    [InlineData("000173002000")]
    [InlineData("11510900MB1Q")]
    [InlineData("ZZZZZZZZZZZZ")]
    public void BasicItemCode_Parse_TwelveAlphanumerics_Succeeds(string input) =>
        Assert.Equal(input, Succeeds(BasicItemCode.Parse(input)).Value);

    [Fact]
    public void BasicItemCode_Parse_UpperCasesAndTrims() =>
        Assert.Equal("11510900MB1Q", Succeeds(BasicItemCode.Parse(" 11510900mb1q ")).ToString());

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void BasicItemCode_Parse_WhenMissing_FailsWithRequiredRule(string? input) =>
        FailsInvalid(BasicItemCode.Parse(input), "basic-item-code.required");

    [Theory]
    [InlineData("00017300200")]
    [InlineData("0001730020001")]
    public void BasicItemCode_Parse_WhenLengthWrong_FailsWithLengthRule(string input) =>
        FailsInvalid(BasicItemCode.Parse(input), "basic-item-code.length");

    [Theory]
    [InlineData("00017300200-", '-')]
    [InlineData("0001730020中0", '中')]
    [InlineData("000173 02000", ' ')]
    public void BasicItemCode_Parse_WhenNotAlphanumeric_FailsWithCharsetRule(string input, char bad)
    {
        var error = FailsInvalid(BasicItemCode.Parse(input), "basic-item-code.charset");
        Assert.Equal([bad], error.Args);
    }

    [Fact]
    public void ImplementationCode_Parse_SplitsIntoParts()
    {
        var code = Succeeds(ImplementationCode.Parse(Implementation));

        Assert.Equal(31, code.Value.Length);
        Assert.Equal(Implementation, code.ToString());
        Assert.Equal(Body, code.ImplementingBody.Value);
        Assert.Equal(ExerciseLevel.Municipal, code.ExerciseLevel);
        Assert.Equal("市级", code.ExerciseLevelName);
        Assert.Equal(Basic, code.BasicCode.Value);
    }

    [Theory]
    [InlineData('1', ExerciseLevel.National, "国家级")]
    [InlineData('2', ExerciseLevel.Provincial, "省级")]
    [InlineData('3', ExerciseLevel.Municipal, "市级")]
    [InlineData('4', ExerciseLevel.County, "县级")]
    [InlineData('5', ExerciseLevel.Township, "乡级")]
    [InlineData('6', ExerciseLevel.Village, "村级")]
    public void ImplementationCode_Parse_ReadsEachExerciseLevel(char digit, ExerciseLevel level, string name)
    {
        var code = Succeeds(ImplementationCode.Parse(Body + digit + Basic));
        Assert.Equal(level, code.ExerciseLevel);
        Assert.Equal(name, code.ExerciseLevelName);
    }

    [Theory]
    [InlineData('0')]
    [InlineData('7')]
    [InlineData('9')]
    [InlineData('A')]
    public void ImplementationCode_Parse_WhenExerciseLevelOutOfRange_FailsWithExerciseLevelRule(char digit) =>
        FailsInvalid(ImplementationCode.Parse(Body + digit + Basic), "implementation-code.exercise-level");

    [Fact]
    public void ImplementationCode_Create_EqualsParsedCode()
    {
        var created = ImplementationCode.Create(
            Succeeds(Uscc.Parse(Body)), ExerciseLevel.Municipal, Succeeds(BasicItemCode.Parse(Basic)));

        Assert.Equal(Implementation, created.Value);
        Assert.Equal(Succeeds(ImplementationCode.Parse(Implementation)), created);
    }

    [Fact]
    public void ImplementationCode_Create_WhenLevelUndefined_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ImplementationCode.Create(
            Succeeds(Uscc.Parse(Body)), (ExerciseLevel)7, Succeeds(BasicItemCode.Parse(Basic))));

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void ImplementationCode_Parse_WhenMissing_FailsWithRequiredRule(string? input) =>
        FailsInvalid(ImplementationCode.Parse(input), "implementation-code.required");

    [Theory]
    [InlineData(Implementation + "0")]
    [InlineData(Body + "3" + "00017300200")]
    [InlineData(Basic)]
    public void ImplementationCode_Parse_WhenLengthWrong_FailsWithLengthRule(string input) =>
        FailsInvalid(ImplementationCode.Parse(input), "implementation-code.length");

    [Theory]
    [InlineData(Body + "3" + "000173 02000")]
    [InlineData("91350100M000100Y4 3" + Basic)]
    [InlineData(Body + "-" + Basic)]
    public void ImplementationCode_Parse_WhenNotAlphanumeric_FailsWithCharsetRule(string input) =>
        FailsInvalid(ImplementationCode.Parse(input), "implementation-code.charset");

    [Theory]
    [InlineData("91350100M000100Y44" + "3" + Basic, "uscc.check")]
    [InlineData("91350100M000I00Y43" + "3" + Basic, "uscc.charset")]
    [InlineData("B1350100M000100Y43" + "3" + Basic, "uscc.department")]
    public void ImplementationCode_Parse_WhenBodyInvalid_FailsWithUsccRule(string input, string code) =>
        FailsInvalid(ImplementationCode.Parse(input), code);

    [Theory]
    [InlineData("01", 1)]
    [InlineData("12", 12)]
    [InlineData("99", 99)]
    public void HandlingVariantCode_Parse_SplitsIntoImplementationAndVariant(string suffix, int variant)
    {
        var code = Succeeds(HandlingVariantCode.Parse(Implementation + suffix));

        Assert.Equal(33, code.Value.Length);
        Assert.Equal(Implementation + suffix, code.ToString());
        Assert.Equal(Implementation, code.Implementation.Value);
        Assert.Equal(variant, code.Variant);
    }

    [Theory]
    [InlineData("00")]
    [InlineData("1A")]
    [InlineData("AB")]
    public void HandlingVariantCode_Parse_WhenVariantNotOneToNinetyNine_FailsWithVariantRule(string suffix)
    {
        var error = FailsInvalid(HandlingVariantCode.Parse(Implementation + suffix), "handling-variant-code.variant");
        Assert.Equal([suffix], error.Args);
    }

    [Theory]
    [InlineData(Implementation + "1")]
    [InlineData(Implementation + "001")]
    [InlineData(Implementation)]
    public void HandlingVariantCode_Parse_WhenLengthWrong_FailsWithLengthRule(string input) =>
        FailsInvalid(HandlingVariantCode.Parse(input), "handling-variant-code.length");

    [Fact]
    public void HandlingVariantCode_Parse_WhenMissing_FailsWithRequiredRule() =>
        FailsInvalid(HandlingVariantCode.Parse(null), "handling-variant-code.required");

    [Theory]
    [InlineData(Body + "7" + Basic + "01", "implementation-code.exercise-level")]
    [InlineData("91350100M000100Y44" + "3" + Basic + "01", "uscc.check")]
    public void HandlingVariantCode_Parse_WhenImplementationInvalid_KeepsInnerRule(string input, string code) =>
        FailsInvalid(HandlingVariantCode.Parse(input), code);
}
