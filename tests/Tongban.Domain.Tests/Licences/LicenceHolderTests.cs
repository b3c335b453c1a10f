using Tongban.Domain.Licences;
using static Tongban.Domain.Tests.Identifiers.IdentifierAssert;

namespace Tongban.Domain.Tests.Licences;

/// <summary>持证主体: a person by 公民身份号码 (111) or an organisation by 统一社会信用代码 (001), and what a verifier sees of them.</summary>
public sealed class LicenceHolderTests
{
    private const string IdNumber = "510903199003071234";
    private const string Uscc = "91350100M000100Y43";
    private static readonly DateOnly Today = new(2026, 3, 2);

    [Fact]
    public void Parse_111_IsAPersonByIdNumber()
    {
        var holder = Succeeds(LicenceHolder.Parse("111", IdNumber, " 张伟 ", Today));

        Assert.Equal(HolderCodeType.IdNumber, holder.CodeType);
        Assert.Equal("111", holder.CodeTypeNumber);
        Assert.Equal(IdNumber, holder.Code);
        Assert.Equal("张伟", holder.Name);
    }

    [Fact]
    public void Parse_001_IsAnOrganisationByUscc()
    {
        var holder = Succeeds(LicenceHolder.Parse(" 001 ", " 91350100m000100y43 ", "遂宁市张伟餐饮有限公司", Today));

        Assert.Equal(HolderCodeType.Uscc, holder.CodeType);
        Assert.Equal("001", holder.CodeTypeNumber);
        Assert.Equal(Uscc, holder.Code);
    }

    [Theory]
    [InlineData(null, IdNumber, HolderCodeType.IdNumber)]
    [InlineData("", Uscc, HolderCodeType.Uscc)]
    [InlineData(" ", "11010519000101001X", HolderCodeType.IdNumber)]
    public void Parse_WithoutACodeType_TellsItByTheCode(string? codeType, string code, HolderCodeType expected) =>
        Assert.Equal(expected, Succeeds(LicenceHolder.Parse(codeType, code, "持证人", Today)).CodeType);

    [Theory]
    [InlineData("112")]
    [InlineData("11")]
    [InlineData("002")]
    [InlineData("身份证")]
    public void Parse_OtherCodeTypes_AreRefused(string codeType)
    {
        var error = FailsInvalid(LicenceHolder.Parse(codeType, IdNumber, "张伟", Today), "licences.holder-code-type");
        Assert.Equal("holderCodeType", error.Field);
    }

    [Theory]
    [InlineData("111", Uscc, "id-number.charset")]
    [InlineData("111", "510903199003071235", "id-number.check")]
    [InlineData("111", "51090319900307123", "id-number.length")]
    [InlineData("111", "", "id-number.required")]
    [InlineData("001", IdNumber, "uscc.organisation-code-check")]
    [InlineData("001", "91350100M000100Y4", "uscc.length")]
    [InlineData("001", null, "uscc.required")]
    public void Parse_ACodeThatIsNotOfItsType_FailsWithThatCodesRule_OnTheCodeField(string codeType, string? code, string rule)
    {
        var error = FailsInvalid(LicenceHolder.Parse(codeType, code, "张伟", Today), rule);
        Assert.Equal("holderCode", error.Field);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_WithoutAName_IsRefused(string? name) =>
        Assert.Equal("holderName", FailsInvalid(LicenceHolder.Parse("111", IdNumber, name, Today), "licences.holder-name-required").Field);

    [Fact]
    public void Parse_NameLongerThanTheLimit_IsRefused()
    {
        FailsInvalid(LicenceHolder.Parse("001", Uscc, new string('公', LicenceHolder.MaxNameLength + 1), Today), "licences.holder-name-required");
        Assert.True(LicenceHolder.Parse("001", Uscc, new string('公', LicenceHolder.MaxNameLength), Today).IsSuccess);
    }

    [Theory]
    [InlineData("张伟", "张*")]
    [InlineData("欧阳娜娜", "欧***")]
    [InlineData("李", "*")]
    public void Person_PublicNameAndCode_AreMasked(string name, string publicName)
    {
        var holder = Succeeds(LicenceHolder.Parse("111", IdNumber, name, Today));

        Assert.Equal(publicName, holder.PublicName);
        Assert.Equal("510903********1234", holder.PublicCode);
        Assert.DoesNotContain("19900307", holder.PublicCode, StringComparison.Ordinal);
    }

    [Fact]
    public void Organisation_PublicNameAndCode_AreItsRegistrationData()
    {
        var holder = Succeeds(LicenceHolder.Parse("001", Uscc, "遂宁市张伟餐饮有限公司", Today));

        Assert.Equal("遂宁市张伟餐饮有限公司", holder.PublicName);
        Assert.Equal(Uscc, holder.PublicCode);
    }
}
