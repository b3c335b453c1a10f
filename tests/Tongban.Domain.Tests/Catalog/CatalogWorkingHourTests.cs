using Tongban.Domain.Catalog;
using Tongban.Domain.Catalog.Transfer;
using Tongban.Domain.Primitives;
using Tongban.Domain.Primitives.Calendar;
using Tongban.Domain.Tests.Identifiers;

namespace Tongban.Domain.Tests.Catalog;

/// <summary>Promised limits in working hours (工作小时, e.g. 抵押登记 within 1 hour) in the catalog rules, CSV and JSON.</summary>
public class CatalogWorkingHourTests
{
    private static readonly ImplementationCode Code = ImplementationCode.FromTrusted(TestIds.Uscc("11", "510900", "MB1A0003") + "3000126002000");

    private static ImplementationContent OneHour(int statutoryWorkingDays = 3) => CatalogRulesTests.Passing() with
    {
        StatutoryLimit = new TimeLimit(statutoryWorkingDays, TimeLimitUnit.WorkingDays),
        PromisedLimit = new TimeLimit(1, TimeLimitUnit.WorkingHours),
    };

    [Fact]
    public void CompressionRatio_OfOneWorkingHourAgainstThreeWorkingDays_CountsTheHourAsItsShareOfAnOfficeDay() =>
        // 1 hour of a 6.5-hour office day against 3 working days: 1 - 1/19.5.
        Assert.Equal(Math.Round(1 - (1 / 19.5), 4), CatalogRules.CompressionRatio(OneHour()));

    [Theory]
    [InlineData(13, true)]  // 13 working hours = 2 office days: as long as the statutory 2 working days
    [InlineData(14, false)] // longer than 2 working days
    public void PromisedHoursMustNotExceedStatutoryDays(int hours, bool allowed)
    {
        var content = CatalogRulesTests.Passing() with
        {
            StatutoryLimit = new TimeLimit(2, TimeLimitUnit.WorkingDays),
            PromisedLimit = new TimeLimit(hours, TimeLimitUnit.WorkingHours),
        };

        var errors = CatalogRules.PromisedLimitMustNotExceedStatutory(content).ToList();

        Assert.Equal(allowed, errors.Count == 0);
        if (!allowed)
        {
            Assert.Contains($"承诺办结时限（{hours}个工作小时）不能超过法定办结时限（2个工作日）", Assert.Single(errors).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AnHourPromise_PassesEverySubmissionRule() =>
        Assert.Empty(CatalogRules.ForSubmission(OneHour(), CatalogPolicy.Default));

    [Fact]
    public void StatutoryLimit_StaysInDays()
    {
        var content = OneHour() with { StatutoryLimit = new TimeLimit(8, TimeLimitUnit.WorkingHours) };

        var error = Assert.Single(CatalogRules.PromisedLimitMustNotExceedStatutory(content));

        Assert.Equal("catalog.statutory-limit-in-hours", error.Code);
        Assert.Equal(nameof(ImplementationContent.StatutoryLimit), error.Field);
        Assert.Contains("不能以工作小时计", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_NamesTheUnit() =>
        Assert.Equal("1个工作小时", CatalogRules.Describe(new TimeLimit(1, TimeLimitUnit.WorkingHours)));

    [Fact]
    public void Csv_WritesAndReadsBack工作小时()
    {
        var cells = CatalogCsv.Cells(new CsvRow(Code, ItemType.AdministrativeLicensing, "市不动产登记中心", RegionCode.FromTrusted("510900000000"), DocumentStatus.Published, 2, OneHour())).ToArray();
        var headers = CatalogCsv.Headers.ToList();
        Assert.Equal(("1", "工作小时"), (cells[headers.IndexOf("承诺时限")], cells[headers.IndexOf("承诺时限单位")]));
        Assert.Equal(("3", "工作日"), (cells[headers.IndexOf("法定时限")], cells[headers.IndexOf("法定时限单位")]));

        var reading = CatalogCsv.Read(string.Join(',', headers) + "\r\n" + string.Join(',', cells) + "\r\n");

        Assert.Empty(reading.Problems);
        var content = Assert.Single(reading.Updates).ApplyTo(CatalogRulesTests.Passing());
        Assert.Equal(new TimeLimit(1, TimeLimitUnit.WorkingHours), content.PromisedLimit with { Explanation = "" });
        Assert.Equal(new TimeLimit(3, TimeLimitUnit.WorkingDays), content.StatutoryLimit with { Explanation = "" });
    }

    [Fact]
    public void Json_WritesTheUnitInCamelCase_AndReadsItBack()
    {
        var json = CatalogJson.Serialize(OneHour());

        Assert.Contains("\"workingHours\"", json, StringComparison.Ordinal);
        Assert.Equal(new TimeLimit(1, TimeLimitUnit.WorkingHours), CatalogJson.Deserialize(json).PromisedLimit);
    }
}
