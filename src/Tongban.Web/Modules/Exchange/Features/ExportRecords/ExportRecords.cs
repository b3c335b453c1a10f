using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Identity;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases;
using Tongban.Modules.Catalog;
using Tongban.Modules.Exchange.Persistence;
using Tongban.Modules.Identity;
using Tongban.Modules.Organisation;
using Tongban.Platform;
using Tongban.Platform.Documents;
using Tongban.Platform.Persistence;
using Tongban.Platform.Security;

namespace Tongban.Modules.Exchange.Features.ExportRecords;

/// <param name="Kind">accepted, process, result or special.</param>
/// <param name="From">City date yyyy-MM-dd, inclusive; default the first of this month.</param>
/// <param name="To">City date yyyy-MM-dd, inclusive; default the last of this month.</param>
/// <param name="Format">csv (default) or json.</param>
/// <param name="Resend">Send again the records already sent unchanged (as U).</param>
public sealed record ExportQuery(string? Kind, string? From, string? To, string? Format, bool? Resend);

public sealed record ExportFile(byte[] Content, string ContentType, string FileName, string BatchNumber, int RowCount);

/// <summary>
/// 办件数据交换: the caller's region's records of one kind in a period, as one new batch. A record not sent before in that
/// kind goes as I; one sent before goes again as U when its content changed since, and is left out when it did not
/// (unless <see cref="ExportQuery.Resend"/>). The batch and what was sent are saved with the audit record, all or nothing.
/// </summary>
public sealed class ExportRecordsHandler(
    ICaseExchange cases, ICatalog catalog, IOrganisationDirectory organisation, IStaffDirectory staff, CurrentUser user, CityClock clock,
    AuditTrail audit, TongbanDbContext db)
{
    /// <summary>Who exports: data officers and supervisors, for their region; the platform admin, for the city.</summary>
    public static readonly Role[] Exporters = [Role.DataOfficer, Role.Supervisor, Role.PlatformAdmin];

    private const int MaxSpanYears = 1;
    private const int Chunk = 500;

    private static readonly JsonWriterOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static string Wire(ExchangeKind kind) => kind.ToString().ToLowerInvariant();

    public async Task<Result<ExportFile>> HandleAsync(ExportQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!user.IsStaff || !user.HasAnyRole(Exporters) || (user.Scope is null && !user.IsPlatformAdmin))
        {
            return new Forbidden("exchange.forbidden");
        }

        if (!Enum.TryParse<ExchangeKind>(query.Kind?.Trim(), ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(query.Kind, out _))
        {
            return new BadQuery("exchange.kind-unknown", query.Kind ?? "") { Field = "kind" };
        }

        var format = string.IsNullOrWhiteSpace(query.Format) ? "csv" : query.Format.Trim().ToLowerInvariant();
        if (format is not ("csv" or "json"))
        {
            return new BadQuery("exchange.format-unknown", query.Format!) { Field = "format" };
        }

        var month = CityPeriod.MonthOf(clock.Today);
        if (!CityPeriod.Parse(query.From, query.To, month.From, month.To, MaxSpanYears, "exchange").TryGet(out var period, out var periodError))
        {
            return periodError;
        }

        // Data officers serve the whole region's exchange, whatever department their account sits in.
        var region = user.Scope?.Region
            ?? (await organisation.RegionsAsync(RegionLevel.City, cancellationToken)).FirstOrDefault(r => r.Level == RegionLevel.City)?.Code;
        if (region is not { } scope)
        {
            return new NotFound("exchange.scope-not-found");
        }

        var now = clock.UtcNow;
        var today = clock.Today;
        var sequence = 1 + (await db.Set<ExchangeBatch>().Where(b => b.Region == scope && b.Day == today).MaxAsync(b => (int?)b.Sequence, cancellationToken) ?? 0);
        var number = string.Create(CultureInfo.InvariantCulture, $"{scope.Value}{today:yyyyMMdd}{sequence:0000}");
        var stamp = ExchangeRows.Time(now, clock.Zone);
        var resend = query.Resend ?? false;

        var (start, end) = period.Instants(clock);
        var rows = new List<IReadOnlyList<string>>();
        var departments = new Dictionary<Guid, string>();
        var chunk = new List<CaseExchangeView>(Chunk);
        await foreach (var view in cases.CasesAsync(ExchangeRows.Activity(kind), scope, start, end, cancellationToken))
        {
            chunk.Add(view);
            if (chunk.Count == Chunk)
            {
                await StampAsync(chunk);
            }
        }

        await StampAsync(chunk);

        db.Add(new ExchangeBatch
        {
            Id = Guid.CreateVersion7(),
            Number = number,
            Region = scope,
            Day = today,
            Sequence = sequence,
            Kind = kind,
            PeriodFrom = period.From,
            PeriodTo = period.To,
            Resend = resend,
            RowCount = rows.Count,
            CreatedAt = now,
            CreatedBy = user.AccountId!.Value,
        });

        // The rows carry applicants' names and ID numbers: the export is audited.
        audit.Record("exchange.export", "ExchangeBatch", number, after: new { kind = Wire(kind), from = period.From, to = period.To, rows = rows.Count, resend, format });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another export of the region took the same sequence (or sent the same records) meanwhile.
            return new Conflict("exchange.batch-conflict");
        }

        var columns = ExchangeRows.Stamp.Concat(ExchangeRows.Content(kind)).ToList();
        var fileName = $"{number}-{Wire(kind)}.{format}";
        return format == "csv"
            ? new ExportFile(CsvFile.Write([.. columns.Select(c => c.Header)], rows), CsvFile.ContentType, fileName, number, rows.Count)
            : new ExportFile(JsonFile(number, kind, period, columns, rows), "application/json; charset=utf-8", fileName, number, rows.Count);

        async Task StampAsync(List<CaseExchangeView> views)
        {
            if (views.Count == 0)
            {
                return;
            }

            var names = await NamesAsync(views, departments, cancellationToken);
            var records = views.SelectMany(v => ExchangeRows.Of(kind, v, names, clock.Zone, start, end)).ToList();
            var keys = records.Select(r => r.Key).ToList();
            var sent = await db.Set<ExchangeSentRecord>().Where(r => r.Kind == kind && keys.Contains(r.RecordKey)).ToDictionaryAsync(r => r.RecordKey, StringComparer.Ordinal, cancellationToken);
            foreach (var record in records)
            {
                var hash = Hash(record.Cells);
                string sync;
                if (sent.TryGetValue(record.Key, out var prior))
                {
                    if (prior.ContentHash == hash && !resend)
                    {
                        continue;
                    }

                    sync = "U";
                    prior.ContentHash = hash;
                    prior.BatchNumber = number;
                    prior.SentAt = now;
                }
                else
                {
                    sync = "I";
                    db.Add(new ExchangeSentRecord { Kind = kind, RecordKey = record.Key, ContentHash = hash, BatchNumber = number, SentAt = now });
                }

                rows.Add([number, sync, stamp, .. record.Cells]);
            }

            views.Clear();
        }
    }

    private async Task<ExchangeNames> NamesAsync(IReadOnlyList<CaseExchangeView> views, Dictionary<Guid, string> departments, CancellationToken cancellationToken)
    {
        var items = await catalog.NamesOfAsync([.. views.Select(v => ImplementationCode.FromTrusted(v.ImplementationCode)).Distinct()], cancellationToken);
        var missing = views.Select(v => v.DepartmentId).Distinct().Where(id => !departments.ContainsKey(id)).ToList();
        var found = await organisation.DepartmentNamesAsync(missing, cancellationToken);
        foreach (var id in missing)
        {
            departments[id] = found.GetValueOrDefault(id, "");
        }

        var accounts = views.SelectMany(v => v.Steps.Select(s => s.HandlerId).Append(v.AcceptedBy)).OfType<Guid>().Distinct().ToList();
        var profiles = await staff.ProfilesAsync(accounts, cancellationToken);
        return new ExchangeNames(
            items.ToDictionary(i => i.Key.Value, i => i.Value, StringComparer.Ordinal),
            departments,
            profiles.ToDictionary(p => p.AccountId, p => (p.DisplayName, p.EmployeeId)));
    }

    private static string Hash(IReadOnlyList<string> cells) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', cells))));

    private static byte[] JsonFile(string number, ExchangeKind kind, CityPeriod period, IReadOnlyList<ExchangeColumn> columns, List<IReadOnlyList<string>> rows)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Json))
        {
            writer.WriteStartObject();
            writer.WriteString("batchNumber", number);
            writer.WriteString("kind", Wire(kind));
            writer.WriteString("from", period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            writer.WriteString("to", period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            writer.WriteNumber("rowCount", rows.Count);
            writer.WriteStartArray("rows");
            foreach (var row in rows)
            {
                writer.WriteStartObject();
                for (var i = 0; i < columns.Count; i++)
                {
                    writer.WriteString(columns[i].Name, row[i]);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }
}
