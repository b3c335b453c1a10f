using Tongban.Domain.Catalog.Search;

namespace Tongban.Domain.Tests.Catalog;

public class SearchRankingTests
{
    private static SearchDocument Item(string name, string terms = "", string? key = null)
    {
        var (pinyin, initials) = Pinyin.Of(name);
        return new SearchDocument(name, pinyin, initials, terms, key ?? name);
    }

    private static SearchMatch Match(string query, SearchDocument item) =>
        SearchRanking.Match(SearchQuery.Parse(query, Synonyms.Default), item);

    [Theory]
    [InlineData("机动车注册登记", SearchMatch.ExactName)]
    [InlineData("机动车", SearchMatch.NamePrefix)]
    [InlineData("注册登记", SearchMatch.NameContains)]
    [InlineData("jidongche", SearchMatch.Pinyin)]
    [InlineData("jidongchezhucedengji", SearchMatch.Pinyin)]
    [InlineData("jdczcdj", SearchMatch.Pinyin)]
    [InlineData("jdc", SearchMatch.Pinyin)]
    [InlineData("jdcdj", SearchMatch.Pinyin)]
    [InlineData("zcdj", SearchMatch.Pinyin)]
    [InlineData("上牌", SearchMatch.ExactName)]
    [InlineData("车辆", SearchMatch.Related)]
    [InlineData("市公安局", SearchMatch.Related)]
    [InlineData("营业执照", SearchMatch.None)]
    [InlineData("xyz", SearchMatch.None)]
    public void Match_GradesEachWayOfFindingAnItem(string query, SearchMatch expected) =>
        Assert.Equal(expected, Match(query, Item("机动车注册登记", "车辆 新车 市公安局 机动车登记证书")));

    [Fact]
    public void Match_ExactNameIgnoresPunctuationAndWidth() =>
        Assert.Equal(SearchMatch.ExactName, Match("ETC办理", Item("ＥＴＣ办理")));

    [Fact]
    public void Match_EveryWordMustBeFound_AndTheWeakestCounts()
    {
        var item = Item("机动车注册登记", "车辆");
        Assert.Equal(SearchMatch.Related, Match("机动车 车辆", item));
        Assert.Equal(SearchMatch.None, Match("机动车 结婚", item));
    }

    [Fact]
    public void Match_SynonymFindsTheStandardName() =>
        Assert.Equal(SearchMatch.NameContains, Match("办执照", Item("企业设立登记（营业执照）")));

    [Theory]
    [InlineData("jdcdj", "jdczcdj", true)]
    [InlineData("jdc", "jdczcdj", true)]
    [InlineData("dcd", "jdczcdj", false)]
    [InlineData("jd", "jdczcdj", false)]
    [InlineData("jdcx", "jdczcdj", false)]
    public void IsAbbreviation_StartsWithTheFirstInitialAndKeepsTheOrder(string latin, string initials, bool expected) =>
        Assert.Equal(expected, SearchRanking.IsAbbreviation(latin, initials));

    [Fact]
    public void Rank_OrdersExactThenPrefixThenContainsThenPinyinThenRelated_TiesByNamePinyin()
    {
        var items = new[]
        {
            Item("食品经营许可", "餐饮"),
            Item("餐饮服务食品安全", ""),
            Item("餐饮", ""),
            Item("小型餐饮备案", ""),
            Item("餐饮许可证变更", ""),
            Item("公共场所卫生许可", ""),
            Item("大型餐饮备案", ""),
        };

        var ranked = SearchRanking.Rank(items, SearchQuery.Parse("餐饮", Synonyms.Default), i => i);

        Assert.Equal(
            ["餐饮", "餐饮服务食品安全", "餐饮许可证变更", "大型餐饮备案", "小型餐饮备案", "食品经营许可"],
            ranked.Select(i => i.Name));
    }

    [Fact]
    public void Rank_PinyinMatchOutranksAKeywordMatch()
    {
        var items = new[] { Item("户籍证明", "jiehun"), Item("结婚登记") };
        var ranked = SearchRanking.Rank(items, SearchQuery.Parse("jiehun", Synonyms.Default), i => i);
        Assert.Equal(["结婚登记", "户籍证明"], ranked.Select(i => i.Name));
    }

    [Fact]
    public void Rank_EqualNames_AreOrderedByKey()
    {
        var items = new[] { Item("结婚登记", key: "B"), Item("结婚登记", key: "A") };
        var ranked = SearchRanking.Rank(items, SearchQuery.Parse("结婚登记", Synonyms.Default), i => i);
        Assert.Equal(["A", "B"], ranked.Select(i => i.Key));
    }

    [Fact]
    public void Rank_EmptyQuery_KeepsEverythingInNameOrder()
    {
        var items = new[] { Item("结婚登记"), Item("不动产首次登记"), Item("出生医学证明") };
        var ranked = SearchRanking.Rank(items, SearchQuery.Empty, i => i);
        Assert.Equal(["不动产首次登记", "出生医学证明", "结婚登记"], ranked.Select(i => i.Name));
    }
}
