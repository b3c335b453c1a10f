using Tongban.Domain.Primitives;
using static Tongban.Domain.Tests.Identifiers.IdentifierAssert;

namespace Tongban.Domain.Tests.Identifiers;

public class UsccTests
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    // Published codes, each also checked by hand against both GB 32100 and GB 11714 check rules.
    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("91110000100006194G")]
    [InlineData("91440300708461136T")]
    [InlineData("12100000400000624D")]
    public void Parse_PublishedValidCodes_Succeed(string input) => Assert.Equal(input, Succeeds(Uscc.Parse(input)).Value);

    [Fact]
    public void Parse_ExposesParts()
    {
        var uscc = Succeeds(Uscc.Parse("91350100M000100Y43"));

        Assert.Equal('9', uscc.RegistrationDepartment);
        Assert.Equal("工商", uscc.RegistrationDepartmentName);
        Assert.Equal('1', uscc.Category);
        Assert.Equal("企业", uscc.CategoryName);
        Assert.Equal("350100", uscc.RegionCode);
        Assert.Equal("M000100Y4", uscc.OrganisationCode);
        Assert.Equal("91350100M000100Y43", uscc.ToString());
    }

    [Fact]
    public void Parse_PublicInstitution_NamesDepartmentAndCategory()
    {
        var uscc = Succeeds(Uscc.Parse("12100000400000624D"));
        Assert.Equal("机构编制", uscc.RegistrationDepartmentName);
        Assert.Equal("事业单位", uscc.CategoryName);
    }

    [Fact]
    public void Parse_LowercaseAndSurroundingWhitespace_AreNormalised() =>
        Assert.Equal("91350100M000100Y43", Succeeds(Uscc.Parse(" 91350100m000100y43 ")).Value);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void Parse_WhenMissing_FailsWithRequiredRule(string? input) => FailsInvalid(Uscc.Parse(input), "uscc.required");

    [Theory]
    [InlineData("91350100M000100Y4")]
    [InlineData("91350100M000100Y433")]
    [InlineData("M000100Y4")]
    public void Parse_WhenLengthWrong_FailsWithLengthRule(string input) => FailsInvalid(Uscc.Parse(input), "uscc.length");

    [Theory]
    [InlineData('I')]
    [InlineData('O')]
    [InlineData('S')]
    [InlineData('V')]
    [InlineData('Z')]
    [InlineData('i')] // upper-cased first, then still forbidden
    [InlineData('-')]
    [InlineData('中')]
    public void Parse_WhenForbiddenCharacter_FailsWithCharsetRule(char forbidden)
    {
        var input = "91350100M" + forbidden + "00100Y43";
        var error = FailsInvalid(Uscc.Parse(input), "uscc.charset");
        Assert.Equal([char.ToUpperInvariant(forbidden)], error.Args);
    }

    [Theory]
    [InlineData('0')]
    [InlineData('B')]
    [InlineData('X')]
    public void Parse_WhenDepartmentUnknown_FailsWithDepartmentRule(char department) =>
        FailsInvalid(Uscc.Parse(TestIds.Uscc(department + "1", "350100", "M000100Y")), "uscc.department");

    [Theory]
    [InlineData("14")]
    [InlineData("10")]
    [InlineData("22")]
    [InlineData("36")]
    [InlineData("42")]
    [InlineData("54")]
    [InlineData("63")]
    [InlineData("69")]
    [InlineData("73")]
    [InlineData("82")]
    [InlineData("94")]
    [InlineData("99")]
    [InlineData("A2")]
    [InlineData("N4")]
    [InlineData("Y2")]
    [InlineData("Y9")]
    public void Parse_WhenCategoryNotValidForDepartment_FailsWithCategoryRule(string pair)
    {
        var error = FailsInvalid(Uscc.Parse(TestIds.Uscc(pair, "350100", "M000100Y")), "uscc.category");
        Assert.Equal([pair[0], pair[1]], error.Args);
    }

    [Theory]
    [InlineData("11", "机构编制", "机关")]
    [InlineData("12", "机构编制", "事业单位")]
    [InlineData("13", "机构编制", "中央编办直接管理机构编制的群众团体")]
    [InlineData("19", "机构编制", "其他")]
    [InlineData("21", "外交", null)]
    [InlineData("29", "外交", "其他")]
    [InlineData("31", "司法行政", null)]
    [InlineData("32", "司法行政", null)]
    [InlineData("33", "司法行政", null)]
    [InlineData("34", "司法行政", null)]
    [InlineData("35", "司法行政", null)]
    [InlineData("39", "司法行政", "其他")]
    [InlineData("41", "文化", null)]
    [InlineData("49", "文化", "其他")]
    [InlineData("51", "民政", "社会团体")]
    [InlineData("52", "民政", "民办非企业单位")]
    [InlineData("53", "民政", "基金会")]
    [InlineData("59", "民政", "其他")]
    [InlineData("61", "旅游", null)]
    [InlineData("62", "旅游", null)]
    [InlineData("71", "宗教", null)]
    [InlineData("72", "宗教", null)]
    [InlineData("79", "宗教", "其他")]
    [InlineData("81", "工会", null)]
    [InlineData("89", "工会", "其他")]
    [InlineData("91", "工商", "企业")]
    [InlineData("92", "工商", "个体工商户")]
    [InlineData("93", "工商", "农民专业合作社")]
    [InlineData("A1", "中央军委改革和编制办公室", null)]
    [InlineData("A9", "中央军委改革和编制办公室", "其他")]
    [InlineData("N1", "农业", null)]
    [InlineData("N2", "农业", null)]
    [InlineData("N3", "农业", null)]
    [InlineData("N9", "农业", "其他")]
    [InlineData("Y1", "其他", null)]
    public void Parse_ValidDepartmentCategoryPairs_Succeed(string pair, string departmentName, string? categoryName)
    {
        var uscc = Succeeds(Uscc.Parse(TestIds.Uscc(pair, "510900", "MA1Q2W3E")));

        Assert.Equal(pair[0], uscc.RegistrationDepartment);
        Assert.Equal(pair[1], uscc.Category);
        Assert.Equal(departmentName, uscc.RegistrationDepartmentName);
        Assert.Contains(uscc.CategoryName, IsChinese);
        if (categoryName is not null)
        {
            Assert.Equal(categoryName, uscc.CategoryName);
        }
    }

    [Theory]
    [InlineData("35010A")]
    [InlineData("3501AB")]
    [InlineData("ABCDEF")]
    public void Parse_WhenRegionNotDigits_FailsWithRegionRule(string region) =>
        FailsInvalid(Uscc.Parse(TestIds.Uscc("91", region, "M000100Y")), "uscc.region");

    [Fact]
    public void Parse_WhenOrganisationCodeCheckWrong_FailsWithOrganisationCodeCheckRule()
    {
        // Wrong organisation check '5' (should be '4') but a correct overall check, so only the embedded rule fails.
        const string first17 = "91350100M000100Y5";
        var error = FailsInvalid(Uscc.Parse(first17 + Uscc.ComputeCheck(first17)), "uscc.organisation-code-check");
        Assert.Equal(['4'], error.Args);
    }

    [Theory]
    [InlineData("91350100M000100Y44", '3')]
    [InlineData("91350100M000100Y40", '3')]
    [InlineData("91110000100006194H", 'G')]
    public void Parse_WhenCheckCharacterWrong_FailsWithCheckRule(string input, char expected)
    {
        var error = FailsInvalid(Uscc.Parse(input), "uscc.check");
        Assert.Equal([expected], error.Args);
    }

    [Theory]
    [InlineData("M000100Y", '4')]
    [InlineData("10000619", '4')]
    [InlineData("MA000004", 'X')] // C = 10 is written X
    [InlineData("MA000009", '0')] // C = 11 is written 0
    public void ComputeOrganisationCodeCheck_MapsTenToXAndElevenToZero(string body, char expected) =>
        Assert.Equal(expected, Uscc.ComputeOrganisationCodeCheck(body));

    // GB 11714 uses all of A-Z, including I O S V Z, which the surrounding USCC forbids: M·3 + A·7 + I·2 = 172, 11 − 172 mod 11 = 4.
    [Fact]
    public void ComputeOrganisationCodeCheck_AcceptsLettersUsccForbids() =>
        Assert.Equal('4', Uscc.ComputeOrganisationCodeCheck("MA00000I"));

    // GB 32100: C = 31 − (Σ mod 31), so a sum divisible by 31 gives C = 31, which is written '0'.
    [Fact]
    public void ComputeCheck_WhenSumIsMultipleOf31_ReturnsZero()
    {
        const string first17 = "91510900MA000020X";
        Assert.Equal(0, WeightedSum(first17) % 31);

        Assert.Equal('0', Uscc.ComputeCheck(first17));
        Assert.Equal(first17 + "0", Succeeds(Uscc.Parse(first17 + "0")).Value);
    }

    [Fact]
    public void ComputeCheck_GeneratedCodeWithSumMultipleOf31_ParsesWithZeroCheck()
    {
        var generated = Enumerable.Range(0, 10_000)
            .Select(n => TestIds.Uscc("92", "510903", "MB" + n.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)))
            .First(code => WeightedSum(code[..17]) % 31 == 0);

        Assert.Equal('0', generated[17]);
        Succeeds(Uscc.Parse(generated));
    }

    [Fact]
    public void Parse_WhenSumIsMultipleOf31AndCheckIsNotZero_FailsWithCheckRule()
    {
        const string first17 = "91510900MA000020X";
        foreach (var wrong in Alphabet.Where(c => c != '0'))
        {
            var error = FailsInvalid(Uscc.Parse(first17 + wrong), "uscc.check");
            Assert.Equal(['0'], error.Args);
        }
    }

    [Fact]
    public void ComputeCheck_EveryRemainder_MapsIntoTheAlphabet()
    {
        // Vary the last character through all 31 values: the sums cover every remainder mod 31
        // because its weight 28 is coprime with 31, and each must map to a parseable code.
        var remainders = new HashSet<int>();
        foreach (var last in Alphabet)
        {
            var first17 = "9151090012345678" + last;
            remainders.Add(WeightedSum(first17) % 31);
            var check = Uscc.ComputeCheck(first17);
            Assert.Equal(0, (WeightedSum(first17) + Alphabet.IndexOf(check, StringComparison.Ordinal)) % 31);
        }

        Assert.Equal(31, remainders.Count);
    }

    [Theory]
    [InlineData("91350100M000100Y")]
    [InlineData("91350100M000100YI")]
    [InlineData("91350100M000100Y43")]
    public void ComputeCheck_WhenNotSeventeenAlphabetCharacters_Throws(string input) =>
        Assert.Throws<ArgumentException>(() => Uscc.ComputeCheck(input));

    [Theory]
    [InlineData("M000100")]
    [InlineData("M000100-")]
    [InlineData("m000100y")]
    public void ComputeOrganisationCodeCheck_WhenNotEightAlphanumerics_Throws(string input) =>
        Assert.Throws<ArgumentException>(() => Uscc.ComputeOrganisationCodeCheck(input));

    /// <summary>Independent of the production code: Σ vᵢ·wᵢ over the GB 32100 alphabet.</summary>
    private static int WeightedSum(string first17) =>
        first17.Select((c, i) => Alphabet.IndexOf(c, StringComparison.Ordinal) * Weights[i]).Sum();
}
