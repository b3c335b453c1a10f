using Npgsql;

namespace Tongban.Bench;

/// <summary>
/// Three cases of the bench item worked through the app's API (submitted; accepted; completed) and read
/// back as rows: historical cases are copies of them with their own number, applicant, item and dates,
/// so the case document in <c>details</c> is exactly what the app wrote and reads.
/// </summary>
public sealed class CaseTemplates(Row submitted, Row accepted, Row completed)
{
    /// <summary>How far back historical cases reach, in days before today; the most recent days hold the cases still open.</summary>
    public const int Days = 365;
    public const int OpenDays = 3;

    public static async Task<CaseTemplates> CaptureAsync(WebApp app, Target target, string benchItem)
    {
        using var http = new HttpClient { BaseAddress = app.Address };
        var api = new Api(http);
        var citizen = await api.TokenAsync(Api.Citizens[0]);
        var clerk = await api.TokenAsync(Api.Clerk);
        var approver = await api.TokenAsync(Api.Approver);
        var submitted = await api.SubmitAsync(citizen, benchItem);
        var accepted = await api.SubmitAsync(citizen, benchItem);
        await api.AcceptAsync(clerk, accepted, committed: true);
        var completed = await api.SubmitAsync(citizen, benchItem);
        await api.AcceptAsync(clerk, completed, committed: true);
        await api.WorkToCompletionAsync(approver, completed);
        await using var connection = new NpgsqlConnection(target.PostgresConnectionString);
        await connection.OpenAsync();
        async Task<Row> ReadAsync(string number) => (await Row.ReadAsync(connection, "cases", "number = @p0", number))[0];
        return new CaseTemplates(await ReadAsync(submitted), await ReadAsync(accepted), await ReadAsync(completed));
    }

    /// <summary>
    /// The historical cases: item <c>n mod items</c>, day <c>1 + (n / items) mod 365</c> before today (so no
    /// number can meet one the app gives today), serial after that; the demo citizens hold the first
    /// ones so "my cases" reads a typical history, everyone else a generated person.
    /// </summary>
    public IEnumerable<Row> Cases((string Code, Guid Department, string Region)[] items, Volumes volumes, IReadOnlyDictionary<string, Guid> citizens, Random random)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime);
        var perCitizen = Math.Max(5, (int)(volumes.Cases / volumes.Persons));
        var timestampColumns = submitted.Columns.Where((c, i) => completed.Values[i] is DateTime || accepted.Values[i] is DateTime).ToArray();
        for (long n = 0; n < volumes.Cases; n++)
        {
            var item = items[n % items.Length];
            var day = 1 + (int)(n / items.Length % Days);
            var serial = 1 + (int)(n / ((long)items.Length * Days));
            var date = today.AddDays(-day);
            var template = day <= OpenDays ? (n % 2 == 0 ? submitted : accepted) : completed;
            var created = new DateTimeOffset(date.ToDateTime(new TimeOnly(9, 0)), zone.GetUtcOffset(date.ToDateTime(TimeOnly.MinValue))).AddMinutes(random.Next(480));
            var shift = created.UtcDateTime - (DateTime)template["created_at"]!;
            var row = template.Copy();
            foreach (var column in timestampColumns)
            {
                if (row[column] is DateTime at)
                {
                    row[column] = at + shift;
                }
            }

            var citizen = n < perCitizen * Api.Citizens.Length ? Api.Citizens[n % Api.Citizens.Length] : null;
            row["id"] = Loader.V7(created, random);
            row["number"] = $"{item.Code}{date:yyyyMMdd}{serial:D4}";
            row["implementation_code"] = item.Code;
            row["implementation_version"] = 1;
            row["department_id"] = item.Department;
            row["region_code"] = item.Region;
            row["applicant_id_number"] = citizen ?? Loader.IdNumberOf(random.NextInt64(volumes.Persons));
            row["applicant_name"] = Loader.NameOf(random);
            row["filed_by"] = citizen is not null && citizens.TryGetValue(citizen, out var account) ? account : Loader.V7(created, random);
            yield return row;
        }
    }
}
