using System.Text.Json.Nodes;
using Tongban.Domain.Catalog;
using Tongban.Domain.Catalog.Transfer;
using Tongban.Domain.Primitives;
using Tongban.Domain.Tests.Identifiers;

namespace Tongban.Domain.Tests.Catalog;

/// <summary>Reading a tongban-catalog/1 document: every record parsed, every problem reported at its path.</summary>
public class CatalogFileTests
{
    private static readonly string Department = TestIds.Uscc("11", "510900", "MB1A0003");

    private static CatalogDocument Valid() => new()
    {
        Items =
        [
            new DocumentItem
            {
                Code = "000126002000", Name = "食品经营许可", Type = ItemType.AdministrativeLicensing, CompetentDepartment = "国家市场监督管理总局",
                LegalBasis = "《中华人民共和国食品安全法》第三十五条", Levels = [ExerciseLevel.Municipal, ExerciseLevel.County],
            },
            new DocumentItem
            {
                Code = "000126002001", Name = "食品经营许可（餐饮）", Type = ItemType.AdministrativeLicensing, CompetentDepartment = "国家市场监督管理总局",
                LegalBasis = "同上", Levels = [ExerciseLevel.County], ParentCode = "000126002000",
            },
        ],
        Implementations =
        [
            new DocumentImplementation { Code = Department + "3000126002000", RegionCode = "510900000000", Status = DocumentStatus.Published, Content = CatalogRulesTests.Passing() },
        ],
    };

    [Fact]
    public void Read_AWrittenDocument_GivesBackEveryRecordWithItsIdentifiersParsed()
    {
        var document = Valid();

        var set = CatalogDocumentReader.Read(document.ToJson());

        Assert.Empty(set.Problems);
        Assert.Equal(["000126002000", "000126002001"], set.Items.Select(i => i.Code.Value));
        Assert.Equal(BasicItemCode.FromTrusted("000126002000"), set.Items[1].Parent);
        var implementation = Assert.Single(set.Implementations);
        Assert.Equal(ExerciseLevel.Municipal, implementation.Code.ExerciseLevel);
        Assert.Equal(Department, implementation.Code.ImplementingBody.Value);
        Assert.Equal(RegionLevel.City, implementation.Region.Level);
        Assert.Equal(DocumentStatus.Published, implementation.Status);
        Assert.Equal(CatalogJson.Serialize(CatalogRulesTests.Passing()), CatalogJson.Serialize(implementation.Content));
    }

    [Fact]
    public void ToJson_WritesTheFormatNameAndCamelCaseMembers_TheSameEveryTime()
    {
        var json = Valid().ToJson();

        Assert.Equal(json, Valid().ToJson());
        var root = JsonNode.Parse(json)!;
        Assert.Equal(CatalogDocument.FormatName, (string?)root["format"]);
        Assert.Equal("administrativeLicensing", (string?)root["items"]![0]!["type"]);
        Assert.Equal("municipal", (string?)root["items"]![0]!["levels"]![0]);
        Assert.Null(root["items"]![0]!["parentCode"]);
        Assert.Equal("published", (string?)root["implementations"]![0]!["status"]);
    }

    [Fact]
    public void Read_ReportsEveryProblemAtItsPath_AndKeepsTheGoodRecords()
    {
        var root = JsonNode.Parse(Valid().ToJson())!.AsObject();
        var items = root["items"]!.AsArray();
        items.Add(JsonNode.Parse("""{"code":"000126-09002","name":"坏编码","type":"publicService","competentDepartment":"","legalBasis":"x","levels":["county"]}"""));
        items.Add(JsonNode.Parse("""{"code":"000126009000","name":"缺层级","type":"publicService","competentDepartment":"","legalBasis":"x"}"""));
        items.Add(JsonNode.Parse("""{"code":"000126009001","name":"坏类型","type":"licence","competentDepartment":"","legalBasis":"x","levels":["county"]}"""));
        var implementations = root["implementations"]!.AsArray();
        var bad = implementations[0]!.DeepClone().AsObject();
        bad["regionCode"] = "5109";
        implementations.Add(bad);
        implementations.Add(implementations[0]!.DeepClone());
        var unknown = implementations[0]!.DeepClone().AsObject();
        unknown["content"]!["promisedLimit"]!["unit"] = "hours";
        implementations.Add(unknown);

        var set = CatalogDocumentReader.Read(root.ToJsonString());

        Assert.Equal(
            [
                ("implementations[1].regionCode", "region.length"),
                ("implementations[2].code", "catalog-file.duplicate-code"),
                ("implementations[3].content.promisedLimit.unit", "catalog-file.invalid-value"),
                ("items[2].code", "basic-item-code.charset"),
                ("items[3].levels", "catalog-file.member-required"),
                ("items[4].type", "catalog-file.invalid-value"),
            ],
            set.Problems.Select(p => (p.Location.Path, p.Error.Code)).Order().ToArray());
        Assert.Equal(2, set.Items.Count);
        Assert.Equal(2, set.Implementations.Count); // the first and its duplicate; the duplicate's problem keeps the file out
    }

    [Fact]
    public void Read_AnUnknownMemberInTheContent_NamesIt()
    {
        var root = JsonNode.Parse(Valid().ToJson())!.AsObject();
        root["implementations"]![0]!["content"]!["colour"] = "red";

        var problem = Assert.Single(CatalogDocumentReader.Read(root.ToJsonString()).Problems);

        Assert.Equal("implementations[0].content.colour", problem.Location.Path);
    }

    [Fact]
    public void Read_TextThatIsNotJson_SaysNearWhichLine()
    {
        var problem = Assert.Single(CatalogDocumentReader.Read("{\n  \"format\": \"tongban-catalog/1\",\n  \"items\": [,]\n}").Problems);

        Assert.Equal(("catalog-file.not-json", 3), (problem.Error.Code, problem.Location.Line));
    }

    [Fact]
    public void Read_AnotherFormatOrAStrayMember_IsReported()
    {
        var set = CatalogDocumentReader.Read("""{"format":"tongban-catalog/2","items":{},"extra":1}""");

        Assert.Equal(
            [("extra", "catalog-file.unknown-member"), ("format", "catalog-file.format"), ("items", "catalog-file.not-array")],
            set.Problems.Select(p => (p.Location.Path, p.Error.Code)).Order().ToArray());
    }

    [Fact]
    public void ProblemOfARuleError_IsLocatedAtTheElementInsideTheRecord()
    {
        var origin = new JsonOrigin("implementations[7]");

        var problem = origin.Problem(new Invalid("catalog.promised-exceeds-statutory") { Field = nameof(ImplementationContent.PromisedLimit) }, "content");

        Assert.Equal("implementations[7].content.promisedLimit", problem.Location.ToString());
        Assert.Equal("implementations[7].content", origin.Problem(new Conflict("catalog.locked-in-review"), "content").Location.Path);
    }
}
