using Tongban.Domain.Catalog.Search;

namespace Tongban.Domain.Tests.Catalog;

public class SearchQueryTests
{
    [Theory]
    [InlineData("  营业执照，变更 ", "营业执照 变更")]
    [InlineData("ＪＤＣＤＪ", "jdcdj")]
    [InlineData("《机动车》注册——登记！", "机动车 注册 登记")]
    [InlineData("ETC 卡", "etc 卡")]
    [InlineData("   ", "")]
    [InlineData(null, "")]
    public void Normalise_FoldsWidthCaseAndPunctuation(string? typed, string expected) =>
        Assert.Equal(expected, SearchText.Normalise(typed));

    [Fact]
    public void Parse_PinyinTypedWithSpaces_IsOneWord()
    {
        var query = SearchQuery.Parse("Ji Dong Che", Synonyms.Default);
        var term = Assert.Single(query.Terms);
        Assert.Equal("jidongche", term.Text);
    }

    [Fact]
    public void Parse_ChineseWords_AreSeparateTermsThatMustAllMatch()
    {
        var query = SearchQuery.Parse("机动车 登记 机动车", Synonyms.Default);
        Assert.Equal(["机动车", "登记"], query.Terms.Select(t => t.Text));
    }

    [Fact]
    public void Parse_KeepsAtMostTheMaximumNumberOfWords()
    {
        var query = SearchQuery.Parse("一 二 三 四 五 六 七", Synonyms.Default);
        Assert.Equal(SearchQuery.MaxTerms, query.Terms.Count);
    }

    [Fact]
    public void Parse_Nothing_IsEmpty()
    {
        Assert.True(SearchQuery.Parse(" ，。 ", Synonyms.Default).IsEmpty);
    }

    [Theory]
    [InlineData("办执照", "营业执照")]
    [InlineData("我要开公司", "企业设立")]
    [InlineData("上户口", "户口登记")]
    [InlineData("领结婚证", "结婚登记")]
    [InlineData("买房", "不动产")]
    public void Parse_ColloquialPhrase_AddsTheStandardTerm(string typed, string standard)
    {
        var term = Assert.Single(SearchQuery.Parse(typed, Synonyms.Default).Terms);
        Assert.Equal(typed, term.Alternatives[0]);
        Assert.Contains(standard, term.Alternatives);
    }

    [Fact]
    public void Parse_StandardTerm_IsNotExpandedAgain()
    {
        var term = Assert.Single(SearchQuery.Parse("营业执照", Synonyms.Default).Terms);
        Assert.Equal(["营业执照"], term.Alternatives);
    }
}
