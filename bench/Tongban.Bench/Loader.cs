using System.Diagnostics;
using Npgsql;
using Tongban.Domain.Primitives;

namespace Tongban.Bench;

/// <summary>How many rows of each kind a scale asks for (1.0 = the city of the issue).</summary>
public sealed record Volumes(long Persons, long Enterprises, int Implementations, long Cases, long Licences)
{
    public static Volumes At(double scale) => new(
        Math.Max(100, (long)(3_000_000 * scale)),
        Math.Max(10, (long)(300_000 * scale)),
        Math.Max(20, (int)(10_000 * scale)),
        Math.Max(200, (long)(10_000_000 * scale)),
        Math.Max(50, (long)(2_000_000 * scale)));
}

public sealed record LoadReport(double Scale, int Seed, Volumes Volumes, long Ratings, string BenchItem, double Seconds, IReadOnlyDictionary<string, double> SecondsByTable);

/// <summary>
/// Loads a city: the app migrates and seeds the demo city itself (its own migrations, started once);
/// the bench adds its item and works three real cases through the API to capture what a submitted, an
/// accepted and a completed case look like as the app stores them; then binary COPY writes the volume
/// rows from those templates, changing only keys, names and dates. Same scale and seed, same rows.
/// </summary>
public static class Loader
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"];
    private static readonly string[] Given = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平", "刚", "英", "华", "玉", "兰", "建", "国", "文", "辉", "波"];
    private static readonly string[] Counties = ["510903", "510904", "510921", "510923", "510981"];

    public static async Task<LoadReport> LoadAsync(Target target, double scale, int seed, TextWriter log)
    {
        var total = Stopwatch.StartNew();
        var volumes = Volumes.At(scale);
        log.WriteLine($"load: scale {scale} → {volumes}");
        await using (await WebApp.StartAsync(target))
        {
            log.WriteLine($"load: migrated and seeded the demo city in {total.Elapsed.TotalSeconds:F1} s");
        }

        string benchItem;
        await using (var connection = new NpgsqlConnection(target.PostgresConnectionString))
        {
            await connection.OpenAsync();
            benchItem = await Catalog.InstallBenchItemAsync(connection);
        }

        CaseTemplates templates;
        await using (var app = await WebApp.StartAsync(target))
        {
            templates = await CaseTemplates.CaptureAsync(app, target, benchItem);
        }

        var timings = new Dictionary<string, double>();
        long ratings;
        await using (var connection = new NpgsqlConnection(target.PostgresConnectionString))
        {
            await connection.OpenAsync();
            var random = new Random(seed);
            var departments = await Department.AllAsync(connection);
            async Task TimedAsync(string table, IEnumerable<Row> rows)
            {
                var watch = Stopwatch.StartNew();
                var n = await Copy.IntoAsync(connection, table, rows);
                timings[table] = timings.GetValueOrDefault(table) + watch.Elapsed.TotalSeconds;
                log.WriteLine($"load: {table,-24} {n,12:N0} rows {watch.Elapsed.TotalSeconds,8:F1} s");
            }

            var person = (await Row.ReadAsync(connection, "persons", "id_number = @p0", Api.Citizens[0]))[0];
            await TimedAsync("persons", Persons(person, volumes.Persons, new Random(seed)));
            var enterprise = (await Row.ReadAsync(connection, "legal_persons", "1 = 1 ORDER BY uscc"))[0];
            await TimedAsync("legal_persons", Enterprises(enterprise, volumes, new Random(seed + 1)));
            var catalog = await Catalog.TemplatesAsync(connection);
            var items = Items(catalog, departments, volumes.Implementations, random).ToList();
            foreach (var table in new[] { "catalog_items", "implementations", "implementation_versions", "catalog_search_entries" })
            {
                await TimedAsync(table, items.SelectMany(rows => rows).Where(r => r.Table == table));
            }

            var codes = items.Select(rows => (Code: (string)rows[1]["code"]!, Department: (Guid)rows[1]["department_id"]!, Region: (string)rows[1]["region_code"]!)).ToArray();
            var citizens = await CitizenAccountsAsync(connection);
            await TimedAsync("cases", templates.Cases(codes, volumes, citizens, new Random(seed + 2)));
            // The same seed yields the same cases again: every other completed one is rated.
            ratings = await Copy.IntoAsync(connection, "ratings", Ratings(templates.Cases(codes, volumes, citizens, new Random(seed + 2)), new Random(seed + 4)));
            log.WriteLine($"load: {"ratings",-24} {ratings,12:N0} rows");
            var licence = (await Row.ReadAsync(connection, "licences", "status = 'Valid' AND holder_code_type = 'IdNumber' ORDER BY identifier"))[0];
            await TimedAsync("licences", Licences(licence, volumes, new Random(seed + 3)));
            await using var analyse = new NpgsqlCommand("ANALYZE", connection) { CommandTimeout = 0 };
            await analyse.ExecuteNonQueryAsync();
        }

        log.WriteLine($"load: done in {total.Elapsed.TotalSeconds:F1} s");
        return new LoadReport(scale, seed, volumes, ratings, benchItem, total.Elapsed.TotalSeconds, timings);
    }

    /// <summary>The ID number of generated person <paramref name="n"/>: a county of the city, born 1950-51, valid check character.</summary>
    public static string IdNumberOf(long n)
    {
        var birth = new DateOnly(1950, 1, 1).AddDays((int)(n / Counties.Length / 1000));
        var first17 = $"{Counties[n % Counties.Length]}{birth:yyyyMMdd}{n / Counties.Length % 1000:D3}";
        return first17 + IdNumber.ComputeCheck(first17);
    }

    public static string NameOf(Random random) =>
        Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)] + (random.Next(2) == 0 ? Given[random.Next(Given.Length)] : "");

    /// <summary>A version-7 (time-ordered) id like the app's, with its random part drawn from the seeded generator.</summary>
    public static Guid V7(DateTimeOffset at, Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        var ms = at.ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(ms >> (8 * (5 - i)));
        }

        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    private static IEnumerable<Row> Persons(Row template, long count, Random random)
    {
        for (long n = 0; n < count; n++)
        {
            var row = template.Copy();
            row["id_number"] = IdNumberOf(n);
            row["name"] = NameOf(random);
            row["phone"] = $"139{n % 100_000_000:D8}";
            row["address"] = $"遂宁市{n % 97 + 1}号路{n % 991 + 1}号";
            yield return row;
        }
    }

    private static IEnumerable<Row> Enterprises(Row template, Volumes volumes, Random random)
    {
        for (long n = 0; n < volumes.Enterprises; n++)
        {
            var county = Counties[n % Counties.Length];
            var body = $"{n:D8}";
            var organisationCode = body + Uscc.ComputeOrganisationCodeCheck(body);
            var first17 = "91" + county + organisationCode;
            var row = template.Copy();
            row["uscc"] = first17 + Uscc.ComputeCheck(first17);
            row["name"] = $"遂宁市{NameOf(random)}{Catalog.Subjects[n % Catalog.Subjects.Length].Word}有限公司";
            row["region_code"] = county + "000000";
            row["address"] = $"遂宁市{n % 97 + 1}号路{n % 991 + 1}号";
            row["legal_representative_name"] = NameOf(random);
            row["legal_representative_id_number"] = IdNumberOf(random.NextInt64(volumes.Persons));
            yield return row;
        }
    }

    private static IEnumerable<Row[]> Items(Catalog.Templates templates, List<Department> departments, int count, Random random)
    {
        for (var n = 0; n < count; n++)
        {
            var (name, pinyin, initials) = Catalog.NameOf(n);
            var department = departments[n % departments.Count];
            yield return Catalog.ItemRows(templates, V7(DateTimeOffset.UnixEpoch.AddDays(20_000 + n), random), $"B{n:D11}", department, name, pinyin, initials, sqlite: false);
        }
    }

    /// <summary>好差评 at completion for every other completed case, mostly 非常满意, as a rated case leaves them.</summary>
    private static IEnumerable<Row> Ratings(IEnumerable<Row> cases, Random random)
    {
        var columns = new[]
        {
            "id", "subject_kind", "subject_ref", "stage", "region_code", "responsible_department_id", "implementation_code", "hall_id", "clerk_id", "level", "tags",
            "comment", "channel", "rater_account_id", "rater_name", "rater_phone", "rated_at", "defaulted", "appeal", "appeal_state", "version",
        };
        var n = 0L;
        foreach (var c in cases)
        {
            if ((string)c["status"]! != "Completed" || n++ % 2 != 0)
            {
                continue;
            }

            var ratedAt = ((DateTime)c["completed_at"]!).AddHours(1);
            var level = random.Next(100) switch { < 80 => 5, < 92 => 4, < 97 => 3, < 99 => 2, _ => 1 };
            yield return Row.Of("ratings", columns,
            [
                V7(ratedAt, random), "Case", c["number"], "Completion", c["region_code"], c["department_id"], c["implementation_code"], null, null, level, "[]",
                null, "Web", c["filed_by"], c["applicant_name"], null, ratedAt, false, null, null, 0,
            ]);
        }
    }

    private static IEnumerable<Row> Licences(Row template, Volumes volumes, Random random)
    {
        var type = LicenceTypeCode.FromTrusted((string)template["type_code"]!);
        var issuer = Uscc.FromTrusted((string)template["issuer_uscc"]!);
        for (long n = 0; n < volumes.Licences; n++)
        {
            var row = template.Copy();
            row["id"] = V7(((DateTime)template["created_at"]!).AddMinutes(-n), random);
            row["identifier"] = LicenceIdentifier.Create(type, issuer, 1_000_000 + n, 1).Value.Value;
            row["holder_code"] = IdNumberOf(random.NextInt64(volumes.Persons));
            row["holder_name"] = NameOf(random);
            row["case_number"] = null;
            yield return row;
        }
    }

    private static async Task<Dictionary<string, Guid>> CitizenAccountsAsync(NpgsqlConnection connection)
    {
        var rows = await Row.ReadAsync(connection, "accounts", "kind = 'Citizen'");
        return rows.ToDictionary(r => (string)r["person_id_number"]!, r => (Guid)r["id"]!);
    }
}
