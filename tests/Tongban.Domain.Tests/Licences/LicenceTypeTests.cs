using Tongban.Domain.Licences;
using Tongban.Domain.Primitives;
using static Tongban.Domain.Tests.Identifiers.IdentifierAssert;

namespace Tongban.Domain.Tests.Licences;

/// <summary>证照类型 as data: what licence data it accepts, and how long its licences are valid.</summary>
public sealed class LicenceTypeTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
    private static readonly LicenceTypeCode Code = LicenceTypeCode.FromTrusted("11510900MB1A00036T116");

    private static LicenceType FoodLicence(LicenceValidity? validity = null) => Succeeds(LicenceType.Define(
        Code,
        " 食品经营许可证 ",
        [
            new LicenceField("name", "经营者名称"),
            new LicenceField("openedOn", "成立日期", LicenceFieldKind.Date),
            new LicenceField("capital", "注册资本（万元）", LicenceFieldKind.Number),
            new LicenceField("note", "备注", Required: false),
        ],
        validity ?? LicenceValidity.ForYears(5),
        new LicenceTemplate(" 食品经营许可证 "),
        [Guid.NewGuid()],
        false,
        Now));

    private static Dictionary<string, string?> GoodData() => new()
    {
        ["name"] = " 张伟小吃店 ",
        ["openedOn"] = "2020-02-29",
        ["capital"] = "12.5",
    };

    [Fact]
    public void Define_TrimsNameAndTitle()
    {
        var type = FoodLicence();
        Assert.Equal("食品经营许可证", type.Name);
        Assert.Equal("食品经营许可证", type.Template.Title);
        Assert.Equal(Code, type.Code);
    }

    [Fact]
    public void CheckData_GoodData_IsAnsweredTrimmed_WithoutEmptyOptionalFields()
    {
        var data = GoodData();
        data["note"] = "   ";

        var clean = Succeeds(FoodLicence().CheckData(data));

        Assert.Equal("张伟小吃店", clean["name"]);
        Assert.Equal("2020-02-29", clean["openedOn"]);
        Assert.Equal("12.5", clean["capital"]);
        Assert.False(clean.ContainsKey("note"));
    }

    [Fact]
    public void CheckData_OptionalFieldGiven_IsKept()
    {
        var data = GoodData();
        data["note"] = "仅限热食类";
        Assert.Equal("仅限热食类", Succeeds(FoodLicence().CheckData(data))["note"]);
    }

    [Theory]
    [InlineData("name", "经营者名称", null)]
    [InlineData("name", "经营者名称", "")]
    [InlineData("name", "经营者名称", "  ")]
    [InlineData("openedOn", "成立日期", null)]
    [InlineData("capital", "注册资本（万元）", "")]
    public void CheckData_RequiredFieldMissing_FailsNamingTheField(string key, string label, string? value)
    {
        var data = GoodData();
        data[key] = value;

        var error = FailsInvalid(FoodLicence().CheckData(data), "licences.field-required");

        Assert.Equal(key, error.Field);
        Assert.Equal(label, error.Args[0]);
    }

    [Fact]
    public void CheckData_RequiredFieldLeftOut_FailsNamingTheField()
    {
        var data = GoodData();
        data.Remove("openedOn");
        Assert.Equal("openedOn", FailsInvalid(FoodLicence().CheckData(data), "licences.field-required").Field);
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("2026/03/02")]
    [InlineData("20260302")]
    [InlineData("2026-3-2")]
    [InlineData("明天")]
    public void CheckData_DateNotYearMonthDay_FailsWithTheDateRule(string value)
    {
        var data = GoodData();
        data["openedOn"] = value;

        var error = FailsInvalid(FoodLicence().CheckData(data), "licences.field-date");

        Assert.Equal("openedOn", error.Field);
        Assert.Equal(value, error.Args[1]);
    }

    [Theory]
    [InlineData("十万")]
    [InlineData("12,5")]
    [InlineData("1e5")]
    [InlineData("12.5万")]
    public void CheckData_NumberNotADecimal_FailsWithTheNumberRule(string value)
    {
        var data = GoodData();
        data["capital"] = value;
        Assert.Equal("capital", FailsInvalid(FoodLicence().CheckData(data), "licences.field-number").Field);
    }

    [Theory]
    [InlineData("-3")]
    [InlineData("1000000")]
    [InlineData("0.01")]
    public void CheckData_Decimals_AreNumbers(string value)
    {
        var data = GoodData();
        data["capital"] = value;
        Assert.Equal(value, Succeeds(FoodLicence().CheckData(data))["capital"]);
    }

    [Fact]
    public void CheckData_UnknownKey_IsRefusedByName()
    {
        var data = GoodData();
        data["colour"] = "红";

        var error = FailsInvalid(FoodLicence().CheckData(data), "licences.unknown-field");

        Assert.Equal("colour", error.Field);
        Assert.Equal("colour", error.Args[0]);
    }

    [Fact]
    public void CheckData_KeysAreCaseSensitive()
    {
        var data = GoodData();
        data.Remove("name");
        data["Name"] = "张伟小吃店";
        Assert.Equal("Name", FailsInvalid(FoodLicence().CheckData(data), "licences.unknown-field").Field);
    }

    [Fact]
    public void CheckData_ValueLongerThanTheLimit_IsRefused()
    {
        var data = GoodData();
        data["name"] = new string('店', LicenceField.MaxValueLength + 1);
        Assert.Equal("name", FailsInvalid(FoodLicence().CheckData(data), "licences.field-too-long").Field);

        data["name"] = new string('店', LicenceField.MaxValueLength);
        Assert.True(FoodLicence().CheckData(data).IsSuccess);
    }

    [Theory]
    [InlineData(1, "2026-03-02", "2027-03-01")]
    [InlineData(5, "2026-03-02", "2031-03-01")]
    [InlineData(4, "2024-02-29", "2028-02-28")]
    [InlineData(1, "2024-02-29", "2025-02-28")]
    [InlineData(10, "2026-01-01", "2035-12-31")]
    public void Validity_FixedYears_LastDayIsTheDayBeforeTheAnniversary(int years, string from, string lastDay)
    {
        var type = FoodLicence(LicenceValidity.ForYears(years));
        Assert.Equal(ValidityKind.FixedYears, type.Validity.Kind);
        Assert.Equal(DateOnly.Parse(lastDay, System.Globalization.CultureInfo.InvariantCulture), type.Validity.LastDayFrom(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Validity_OpenEnded_HasNoLastDay()
    {
        var type = FoodLicence(LicenceValidity.OpenEnded);
        Assert.Equal(ValidityKind.OpenEnded, type.Validity.Kind);
        Assert.Null(type.Validity.LastDayFrom(new DateOnly(2026, 3, 2)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(LicenceValidity.MaxYears + 1)]
    public void Define_FixedYearsOutsideTheRange_IsRefused(int years) =>
        Assert.Equal("validityYears", FailsInvalid(LicenceType.Define(Code, "证", [new LicenceField("name", "名称")], LicenceValidity.ForYears(years), new LicenceTemplate("证"), [Guid.NewGuid()], false, Now), "licences.type-validity-years").Field);

    [Fact]
    public void Define_FixedYearsWithoutYears_IsRefused() =>
        FailsInvalid(LicenceType.Define(Code, "证", [new LicenceField("name", "名称")], new LicenceValidity(ValidityKind.FixedYears), new LicenceTemplate("证"), [Guid.NewGuid()], false, Now), "licences.type-validity-years");
}
