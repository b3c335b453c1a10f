using System.Collections;
using System.Globalization;
using System.Resources;
using Tongban.Domain.Primitives;
using static Tongban.Domain.Tests.Identifiers.IdentifierAssert;

namespace Tongban.Domain.Tests.Identifiers;

public class IdentifierInspectorTests
{
    private static readonly DateOnly Today = TestIds.Today;

    private static IReadOnlyDictionary<string, string> Inspect(string kind, string value) =>
        Succeeds(IdentifierInspector.Inspect(kind, value, Today));

    [Fact]
    public void Inspect_IdNumber_ListsParts()
    {
        var parts = Inspect("id-number", "11010519491231002x");

        Assert.Equal("11010519491231002X", parts["value"]);
        Assert.Equal("1949-12-31", parts["birthDate"]);
        Assert.Equal("female", parts["sex"]);
        Assert.Equal("110105", parts["areaCode"]);
        Assert.Equal("002", parts["sequence"]);
        Assert.Equal("110105********002X", parts["masked"]);
    }

    [Fact]
    public void Inspect_IdNumber_MaleSequence() => Assert.Equal("male", Inspect("id-number", "510903199003070039")["sex"]);

    [Fact]
    public void Inspect_IdNumber_UsesTodayForFutureRule() =>
        FailsInvalid(
            IdentifierInspector.Inspect("id-number", TestIds.IdNumber("510903", "20250602", "001"), Today),
            "id-number.birth-date-in-future");

    [Fact]
    public void Inspect_Uscc_ListsParts()
    {
        var parts = Inspect("uscc", "91350100M000100Y43");

        Assert.Equal("9", parts["registrationDepartment"]);
        Assert.Equal("工商", parts["registrationDepartmentName"]);
        Assert.Equal("1", parts["category"]);
        Assert.Equal("企业", parts["categoryName"]);
        Assert.Equal("350100", parts["regionCode"]);
        Assert.Equal("M000100Y4", parts["organisationCode"]);
    }

    [Fact]
    public void Inspect_Region_ListsPartsAndParent()
    {
        var parts = Inspect("region", "510903001002");

        Assert.Equal("village", parts["level"]);
        Assert.Equal("51", parts["province"]);
        Assert.Equal("09", parts["city"]);
        Assert.Equal("03", parts["county"]);
        Assert.Equal("001", parts["township"]);
        Assert.Equal("002", parts["village"]);
        Assert.Equal("510903001000", parts["parent"]);
    }

    [Theory]
    [InlineData("510000", "province")]
    [InlineData("510900", "city")]
    [InlineData("510903", "county")]
    [InlineData("510903001000", "township")]
    public void Inspect_Region_LevelIsLowerCase(string code, string level) => Assert.Equal(level, Inspect("region", code)["level"]);

    [Fact]
    public void Inspect_Province_HasNoParentKey() => Assert.False(Inspect("region", "510000").ContainsKey("parent"));

    [Fact]
    public void Inspect_ItemCode_Basic()
    {
        var parts = Inspect("item-code", ItemCodeTests.Basic);
        Assert.Equal("basic", parts["kind"]);
        Assert.Equal(ItemCodeTests.Basic, parts["basicCode"]);
    }

    [Fact]
    public void Inspect_ItemCode_Implementation()
    {
        var parts = Inspect("item-code", ItemCodeTests.Implementation);

        Assert.Equal("implementation", parts["kind"]);
        Assert.Equal(ItemCodeTests.Body, parts["implementingBodyUscc"]);
        Assert.Equal("3", parts["exerciseLevel"]);
        Assert.Equal("市级", parts["exerciseLevelName"]);
        Assert.Equal(ItemCodeTests.Basic, parts["basicCode"]);
        Assert.False(parts.ContainsKey("variant"));
    }

    [Fact]
    public void Inspect_ItemCode_HandlingVariant()
    {
        var parts = Inspect("item-code", ItemCodeTests.Implementation + "07");

        Assert.Equal("handling-variant", parts["kind"]);
        Assert.Equal(ItemCodeTests.Implementation + "07", parts["value"]);
        Assert.Equal(ItemCodeTests.Implementation, parts["implementationCode"]);
        Assert.Equal(ItemCodeTests.Body, parts["implementingBodyUscc"]);
        Assert.Equal("3", parts["exerciseLevel"]);
        Assert.Equal(ItemCodeTests.Basic, parts["basicCode"]);
        Assert.Equal("07", parts["variant"]);
    }

    [Theory]
    [InlineData("0001730020")]
    [InlineData(ItemCodeTests.Implementation + "0")]
    [InlineData(ItemCodeTests.Implementation + "001")]
    public void Inspect_ItemCode_WhenLengthNotTwelveThirtyOneOrThirtyThree_FailsWithItemCodeLengthRule(string value) =>
        FailsInvalid(IdentifierInspector.Inspect("item-code", value, Today), "item-code.length");

    [Fact]
    public void Inspect_ItemCode_WhenMissing_FailsWithRequiredRule() =>
        FailsInvalid(IdentifierInspector.Inspect("item-code", "  ", Today), "item-code.required");

    [Fact]
    public void Inspect_CaseNumber_ListsParts()
    {
        var parts = Inspect("case-number", ItemCodeTests.Implementation + "202503010042");

        Assert.Equal(ItemCodeTests.Implementation, parts["implementationCode"]);
        Assert.Equal("2025-03-01", parts["date"]);
        Assert.Equal("0042", parts["serial"]);
    }

    [Fact]
    public void Inspect_InvalidValue_ReturnsTheParsersError() =>
        FailsInvalid(IdentifierInspector.Inspect("uscc", "91350100M000100Y44", Today), "uscc.check");

    [Theory]
    [InlineData("passport")]
    [InlineData("ID-NUMBER")]
    [InlineData("")]
    public void Inspect_UnknownKind_FailsWithNotFound(string kind)
    {
        var error = Fails(IdentifierInspector.Inspect(kind, "11010519491231002X", Today), "identifier.kind-unknown");
        Assert.IsType<NotFound>(error);
        Assert.Equal([kind], error.Args);
    }

    [Fact]
    public void Kinds_AreAllInspectable()
    {
        foreach (var kind in IdentifierInspector.Kinds)
        {
            var result = IdentifierInspector.Inspect(kind, "", Today);
            Assert.NotEqual("identifier.kind-unknown", result.Error?.Code);
        }
    }

    /// <summary>Every identifier rule code in the resources reads as Chinese, with no stray English.</summary>
    [Fact]
    public void Messages_ForIdentifierRules_AreChinese()
    {
        string[] prefixes = ["identifier.", "id-number.", "uscc.", "region.", "item-code.", "basic-item-code.", "implementation-code.", "handling-variant-code.", "case-number."];
        var messages = new ResourceManager("Tongban.Domain.Resources.Messages", typeof(Error).Assembly)
            .GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)!
            .Cast<DictionaryEntry>()
            .Where(entry => prefixes.Any(prefix => ((string)entry.Key).StartsWith(prefix, StringComparison.Ordinal)))
            .ToList();

        Assert.True(messages.Count >= 35, $"Only {messages.Count} identifier messages found.");
        Assert.All(messages, entry => Assert.Contains((string)entry.Value!, IsChinese));
    }
}
