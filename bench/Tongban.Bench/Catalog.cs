using System.Data.Common;
using System.Text.Json.Nodes;
using Tongban.Domain.Primitives;

namespace Tongban.Bench;

/// <summary>A department that implements items, as the demo city seeded it.</summary>
public sealed record Department(Guid Id, string Uscc, string Region, string Name)
{
    /// <summary>City departments exercise items at the municipal level, the others at the county level.</summary>
    public ExerciseLevel Level => Region == Catalog.City ? ExerciseLevel.Municipal : ExerciseLevel.County;

    public static async Task<List<Department>> AllAsync(DbConnection connection)
    {
        var rows = await Row.ReadAsync(connection, "departments", "1 = 1 ORDER BY uscc");
        return [.. rows.Select(r => new Department(r["id"] is Guid g ? g : Guid.Parse((string)r["id"]!), (string)r["uscc"]!, (string)r["region_code"]!, (string)r["name"]!))];
    }
}

/// <summary>
/// The bench's own service items: the four rows the catalog stores for a published implementation
/// (基本目录 item, implementation, published version, search row), copied from a published demo
/// item and given a small form (a phone number) and one material (申请书, upload or commitment) and a
/// 受理 → 审查 → 决定 → 办结 process, so the scenarios know exactly what to send.
/// </summary>
public static class Catalog
{
    public const string City = "510900000000";
    public const string BenchBasicCode = "BENCH0000000";
    public static readonly Guid BenchItemId = new("b0000000-0000-7000-8000-000000000001");
    public static readonly Guid MarketRegulation = new("a1000000-0000-0000-0000-000000000003");

    /// <summary>Words the generated item names are made of, with pinyin, so search has something real to rank.</summary>
    public static readonly (string Word, string Pinyin)[] Subjects =
    [
        ("食品", "shipin"), ("药品", "yaopin"), ("建筑", "jianzhu"), ("道路", "daolu"), ("餐饮", "canyin"), ("医疗", "yiliao"),
        ("教育", "jiaoyu"), ("旅馆", "lvguan"), ("烟草", "yancao"), ("印刷", "yinshua"), ("广告", "guanggao"), ("林木", "linmu"),
        ("渔业", "yuye"), ("排水", "paishui"), ("燃气", "ranqi"), ("电力", "dianli"), ("文物", "wenwu"), ("体育", "tiyu"),
        ("养老", "yanglao"), ("殡葬", "binzang"),
    ];

    public static readonly (string Word, string Pinyin)[] Actions =
    [
        ("经营", "jingying"), ("生产", "shengchan"), ("设立", "sheli"), ("变更", "biangeng"), ("注销", "zhuxiao"), ("延续", "yanxu"), ("补办", "buban"),
    ];

    public static readonly (string Word, string Pinyin)[] Kinds =
    [
        ("许可", "xuke"), ("登记", "dengji"), ("备案", "beian"), ("审批", "shenpi"), ("核准", "hezhun"),
    ];

    public sealed record Templates(Row Item, Row Implementation, Row Version, Row Search);

    public static async Task<Templates> TemplatesAsync(DbConnection connection)
    {
        var implementation = (await Row.ReadAsync(connection, "implementations", "department_id = @p0 AND status = 'Published' ORDER BY code",
            connection is Npgsql.NpgsqlConnection ? MarketRegulation : MarketRegulation.ToString().ToUpperInvariant()))[0];
        var id = implementation["id"]!;
        return new Templates(
            (await Row.ReadAsync(connection, "catalog_items", "code = @p0", implementation["basic_code"]!))[0],
            implementation,
            (await Row.ReadAsync(connection, "implementation_versions", "implementation_id = @p0 AND number = @p1", id, implementation["published_version"]!))[0],
            (await Row.ReadAsync(connection, "catalog_search_entries", "implementation_id = @p0", id))[0]);
    }

    /// <summary>The implementation code of item <paramref name="basicCode"/> for <paramref name="department"/>.</summary>
    public static string CodeOf(Department department, string basicCode) =>
        ImplementationCode.Create(Uscc.FromTrusted(department.Uscc), department.Level, BasicItemCode.FromTrusted(basicCode)).Value;

    /// <summary>The name of generated item <paramref name="n"/> and its pinyin and initials.</summary>
    public static (string Name, string Pinyin, string Initials) NameOf(int n)
    {
        var s = Subjects[n % Subjects.Length];
        var a = Actions[n / Subjects.Length % Actions.Length];
        var k = Kinds[n / (Subjects.Length * Actions.Length) % Kinds.Length];
        var pinyin = s.Pinyin + a.Pinyin + k.Pinyin;
        var initials = string.Concat(new[] { s, a, k }.SelectMany(p => new[] { p.Pinyin[0], p.Pinyin[p.Pinyin.Length / 2] })).Substring(0, 6);
        return ($"{s.Word}{a.Word}{k.Word}", pinyin, initials);
    }

    /// <summary>The four rows of one bench item: <paramref name="id"/> for <paramref name="department"/>, named <paramref name="name"/>.</summary>
    public static Row[] ItemRows(Templates templates, Guid id, string basicCode, Department department, string name, string pinyin, string initials, bool sqlite)
    {
        var code = CodeOf(department, basicCode);
        var content = Content(templates, name);
        object Id(Guid g) => sqlite ? g.ToString().ToUpperInvariant() : g;
        var item = templates.Item.Copy();
        item["code"] = basicCode;
        item["name"] = name;
        item["parent_code"] = null;
        // The implementation and its search row name the same implementation, item, department and region.
        Row Placed(Row template, string idColumn)
        {
            var row = template.Copy();
            row[idColumn] = Id(id);
            row["code"] = code;
            row["basic_code"] = basicCode;
            row["department_id"] = Id(department.Id);
            row["region_code"] = department.Region;
            return row;
        }

        var implementation = Placed(templates.Implementation, "id");
        implementation["draft_json"] = content;
        implementation["draft_name"] = name;
        implementation["published_version"] = 1;
        implementation["version"] = 1;
        var version = templates.Version.Copy();
        version["implementation_id"] = Id(id);
        version["number"] = 1;
        version["code"] = code;
        version["content_json"] = content;
        var search = Placed(templates.Search, "implementation_id");
        search["version_number"] = 1;
        search["name"] = name;
        search["department_name"] = department.Name;
        search["audience"] = 1;
        search["terms"] = $"{name} {department.Name}";
        search["pinyin"] = pinyin;
        search["initials"] = initials;
        search["life_events"] = "";
        return [item, implementation, version, search];
    }

    /// <summary>Installs the one item the write scenarios apply for (either provider); answers its implementation code.</summary>
    public static async Task<string> InstallBenchItemAsync(DbConnection connection)
    {
        var templates = await TemplatesAsync(connection);
        var department = (await Department.AllAsync(connection)).Single(d => d.Id == MarketRegulation);
        foreach (var row in ItemRows(templates, BenchItemId, BenchBasicCode, department, "基准测试事项", "jizhunceshishixiang", "jzcssx", connection is not Npgsql.NpgsqlConnection))
        {
            await row.InsertAsync(connection);
        }

        return CodeOf(department, BenchBasicCode);
    }

    private static string Content(Templates templates, string name)
    {
        var content = JsonNode.Parse((string)templates.Version["content_json"]!)!.AsObject();
        content["name"] = name;
        content["audience"] = "naturalPerson";
        content["licenceTypeCode"] = null;
        content["commitmentAllowed"] = true;
        content["instantApprovalRules"] = new JsonArray();
        content["specialProcedures"] = new JsonArray();
        content["variants"] = new JsonArray();
        content["situations"] = new JsonArray();
        content["keywords"] = new JsonArray(name);
        content["lifeEvents"] = new JsonArray();
        content["process"] = new JsonArray(
            Step("accept", "受理"), Step("review", "审查"), Step("decide", "决定"), Step("complete", "办结"));
        content["materials"] = new JsonArray(new JsonObject
        {
            ["key"] = "application",
            ["name"] = "申请书",
            ["necessity"] = "required",
            ["form"] = "electronic",
            ["copies"] = 1,
            ["source"] = "applicant",
            ["acceptanceCriteria"] = "",
            ["conditional"] = false,
            ["deficiencyAllowed"] = false,
            ["exemptions"] = new JsonArray(new JsonObject { ["route"] = "commitment" }),
        });
        content["form"] = new JsonArray(new JsonObject
        {
            ["key"] = "phone",
            ["label"] = "联系电话",
            ["type"] = "phone",
            ["required"] = true,
            ["choices"] = new JsonArray(),
        });
        return content.ToJsonString();
    }

    private static JsonObject Step(string key, string name) => new() { ["key"] = key, ["name"] = name, ["description"] = name };
}
