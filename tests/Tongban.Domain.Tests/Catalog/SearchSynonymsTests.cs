using Tongban.Domain.Catalog.Search;

namespace Tongban.Domain.Tests.Catalog;

public class SearchSynonymsTests
{
    [Fact]
    public void CuratedList_HasAboutFortyCommonPhrases()
    {
        Assert.InRange(Synonyms.Default.Pairs.Count, 40, 80);
        Assert.All(Synonyms.Default.Pairs, p => Assert.NotEqual(p.Colloquial, p.Standard));
    }

    [Fact]
    public void Parse_SkipsCommentsAndBlankLines_AndNormalisesBothSides()
    {
        var synonyms = Synonyms.Parse(["# 注释", "", " 办执照 = 营业执照 ", "办执照=营业执照"]);
        Assert.Equal([("办执照", "营业执照")], synonyms.Pairs);
    }

    [Theory]
    [InlineData("办执照")]
    [InlineData("=营业执照")]
    [InlineData("办执照=")]
    [InlineData("办=执照=营业执照")]
    [InlineData("办 执照=营业执照")]
    public void Parse_MalformedLine_IsRejectedWithItsNumber(string line)
    {
        var error = Assert.Throws<FormatException>(() => Synonyms.Parse(["# ok", line]));
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StandardTermsIn_FindsEveryPhraseInTheWord()
    {
        var synonyms = Synonyms.Parse(["买房=不动产", "房贷=抵押登记", "买房=契税"]);
        Assert.Equal(["不动产", "抵押登记", "契税"], synonyms.StandardTermsIn("买房办房贷"));
        Assert.Empty(synonyms.StandardTermsIn("结婚"));
    }
}
