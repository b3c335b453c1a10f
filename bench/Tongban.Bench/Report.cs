using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Tongban.Bench;

/// <summary>One target of issue 8, as measured: met, not met, or pending (no figure to judge).</summary>
public sealed record TargetResult(string Target, string Required, double? Measured, string Unit, bool? Met, string? Note = null);

/// <summary>The issue's targets, judged on the figures of this run only; nothing is assumed for a figure that is missing.</summary>
public static class Targets
{
    public static IReadOnlyList<TargetResult> Evaluate(IReadOnlyList<Measurement> measured, double peakRssMb)
    {
        Measurement? Find(string prefix) => measured.FirstOrDefault(m => m.Name.StartsWith(prefix, StringComparison.Ordinal));
        var submit = Find("submit, small form");
        var ceilingA = Find("ceiling (a)");
        var ceilingC = Find("ceiling (c)");
        var verify = Find("licence verification");
        TargetResult AtLeast(string name, Measurement? m, Func<Measurement, double> figure, double bound, string unit) => Judge(name, $"≥ {bound.ToString(CultureInfo.InvariantCulture)} {unit}", m, figure, v => v >= bound, unit);
        TargetResult Below(string name, Measurement? m, Func<Measurement, double> figure, double bound, string unit) => Judge(name, $"< {bound.ToString(CultureInfo.InvariantCulture)} {unit}", m, figure, v => v < bound, unit);
        return
        [
            AtLeast("submit throughput, 32 clients", submit, m => m.Throughput, 1000, "/s"),
            Below("submit p99", submit, m => m.P99Ms, 50, "ms"),
            AtLeast("submit vs ceiling (a)", submit, m => Ratio(m, ceilingA), 0.5, "of ceiling"),
            AtLeast("transitions throughput", Find("accept then approve"), m => m.Throughput, 1500, "/s"),
            Below("catalog search p95", Find("catalog search (PostgreSQL"), m => m.P95Ms, 20, "ms"),
            Below("my cases p95", Find("my cases"), m => m.P95Ms, 20, "ms"),
            Below("indicators, city, p95", Find("indicators, city"), m => m.P95Ms, 300, "ms"),
            Below("indicators, county, p95", Find("indicators, county"), m => m.P95Ms, 100, "ms"),
            AtLeast("verification throughput", verify, m => m.Throughput, 5000, "/s"),
            AtLeast("verification vs ceiling (c)", verify, m => Ratio(m, ceilingC), 0.5, "of ceiling"),
            new("server peak RSS under load", "< 512 MB", Math.Round(peakRssMb, 1), "MB", peakRssMb < 512),
        ];
    }

    public static double Ratio(Measurement m, Measurement? ceiling) => ceiling is null || ceiling.Throughput == 0 ? 0 : m.Throughput / ceiling.Throughput;

    private static TargetResult Judge(string name, string required, Measurement? m, Func<Measurement, double> figure, Func<double, bool> met, string unit)
    {
        if (m is null || m.Pending is not null)
        {
            return new TargetResult(name, required, null, unit, null, m?.Pending ?? "not measured");
        }

        var value = Math.Round(figure(m), 3);
        return new TargetResult(name, required, value, unit, m.Errors == 0 && met(value), m.Errors == 0 ? null : $"{m.Errors} errors");
    }
}

/// <summary>The run as Markdown and as JSON, side by side under bench/results.</summary>
public static class Report
{
    public static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string Line(Measurement m) => m.Pending is not null
        ? $"{m.Name}: pending ({m.Pending})"
        : FormattableString.Invariant($"{m.Name}: {m.Throughput:F0} {m.Unit}/s, p50 {m.P50Ms:F1} ms, p95 {m.P95Ms:F1} ms, p99 {m.P99Ms:F1} ms, max {m.MaxMs:F1} ms, {m.Errors} errors{(m.FirstError is null ? "" : " (" + m.FirstError + ")")}");

    public static async Task<(string Markdown, string Json)> WriteAsync(RunReport report, string directory)
    {
        Directory.CreateDirectory(directory);
        var stem = Path.Combine(directory, $"run-{report.StartedAt:yyyyMMdd-HHmmss}-scale-{report.Load.Scale.ToString(CultureInfo.InvariantCulture)}");
        await File.WriteAllTextAsync(stem + ".json", JsonSerializer.Serialize(report, Json));
        await File.WriteAllTextAsync(stem + ".md", Markdown(report));
        return (stem + ".md", stem + ".json");
    }

    public static string Markdown(RunReport r)
    {
        var s = new StringBuilder();
        var v = r.Load.Volumes;
        s.AppendLine(CultureInfo.InvariantCulture, $"# Tongban bench, {r.StartedAt:yyyy-MM-dd HH:mm} UTC, scale {r.Load.Scale}");
        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"{r.Cores} cores; {v.Persons:N0} persons, {v.Enterprises:N0} enterprises, {v.Implementations:N0} implementations, {v.Cases:N0} cases, {r.Load.Ratings:N0} ratings, {v.Licences:N0} licences (loaded in {r.Load.Seconds:F0} s); "
            + $"{r.Options.Clients} clients, {r.Options.Warmup.TotalSeconds:F0} s warm-up, {r.Options.Duration.TotalSeconds:F0} s measured per scenario.");
        s.AppendLine();
        s.AppendLine("| scenario | clients | throughput | p50 ms | p95 ms | p99 ms | max ms | errors | vs ceiling |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        var ceilingA = r.Postgres.FirstOrDefault(m => m.Name.StartsWith("ceiling (a)", StringComparison.Ordinal));
        var ceilingB = r.Postgres.FirstOrDefault(m => m.Name.StartsWith("ceiling (b)", StringComparison.Ordinal));
        var ceilingC = r.Postgres.FirstOrDefault(m => m.Name.StartsWith("ceiling (c)", StringComparison.Ordinal));
        foreach (var m in r.Postgres.Concat(r.Sqlite))
        {
            if (m.Pending is not null)
            {
                s.AppendLine(CultureInfo.InvariantCulture, $"| {m.Name} | | pending: {m.Pending} | | | | | | |");
                continue;
            }

            (string, Measurement?)? ceiling = m.Name.StartsWith("ceiling", StringComparison.Ordinal) ? null
                : m.Name.StartsWith("submit", StringComparison.Ordinal) && m.Name.Contains("PostgreSQL", StringComparison.Ordinal) ? ("a", ceilingA)
                : m.Name.StartsWith("licence", StringComparison.Ordinal) ? ("c", ceilingC)
                : ("b", ceilingB);
            var ratio = ceiling is { } c ? FormattableString.Invariant($"{Targets.Ratio(m, c.Item2):P0} of ({c.Item1})") : "";
            s.AppendLine(FormattableString.Invariant($"| {m.Name} | {m.Clients} | {m.Throughput:F0} {m.Unit}/s | {m.P50Ms:F1} | {m.P95Ms:F1} | {m.P99Ms:F1} | {m.MaxMs:F1} | {m.Errors} | {ratio} |"));
        }

        s.AppendLine();
        s.AppendLine(FormattableString.Invariant($"Server peak RSS (VmHWM): {r.PeakRssMb:F0} MB. Database: {r.DatabaseMb:F0} MB, {r.DatabaseMbPerMillionCases:F0} MB per million cases."));
        s.AppendLine();
        s.AppendLine("| target | required | measured | met |");
        s.AppendLine("|---|---|---:|---|");
        foreach (var t in r.Targets)
        {
            var met = t.Met switch { true => "met", false => "**not met**", null => "pending" };
            s.AppendLine(FormattableString.Invariant($"| {t.Target} | {t.Required} | {(t.Measured is { } x ? $"{x} {t.Unit}" : "—")} | {met}{(t.Note is null ? "" : $" ({t.Note})")} |"));
        }

        if (r.Load.Scale < 1)
        {
            s.AppendLine();
            s.AppendLine(CultureInfo.InvariantCulture, $"The targets are stated for scale 1.0; this run is at scale {r.Load.Scale}, so data-size-dependent figures (search, my cases, indicators, database size) are for the smaller city.");
        }

        return s.ToString();
    }
}
