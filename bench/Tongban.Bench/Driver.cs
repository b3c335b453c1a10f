using System.Diagnostics;

namespace Tongban.Bench;

/// <summary>One scenario's figures. Throughput counts <see cref="Unit"/>s (an operation may be two transitions).</summary>
public sealed record Measurement(
    string Name, string Unit, int Clients, double Seconds, long Operations, long Errors, double Throughput,
    double P50Ms, double P95Ms, double P99Ms, double MaxMs, string? FirstError, string? Pending = null)
{
    public static Measurement PendingOf(string name, string unit, string why) => new(name, unit, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, why);
}

/// <summary>
/// Closed-loop load: <c>clients</c> loops each run the operation back to back; the warm-up's operations are
/// run but not counted, then every operation finished inside the measured window is (latency from its
/// start to its end, wall clock).
/// </summary>
public static class Driver
{
    public static async Task<Measurement> RunAsync(string name, string unit, int clients, TimeSpan warmup, TimeSpan duration, Func<int, Task> operation, int unitsPerOperation = 1)
    {
        var latencies = new List<double>[clients];
        var errors = new long[clients];
        string? firstError = null;
        var clock = Stopwatch.StartNew();
        var measuredFrom = warmup;
        var measuredTo = warmup + duration;
        async Task LoopAsync(int client)
        {
            var mine = latencies[client] = new List<double>(4096);
            await Task.Yield();
            while (clock.Elapsed < measuredTo)
            {
                var started = clock.Elapsed;
                var failed = false;
                try
                {
                    await operation(client);
                }
                catch (Exception e) when (e is ApiException or HttpRequestException or TaskCanceledException or InvalidOperationException or Npgsql.NpgsqlException)
                {
                    failed = true;
                    Interlocked.CompareExchange(ref firstError, e.Message, null);
                }

                var ended = clock.Elapsed;
                if (started >= measuredFrom && ended <= measuredTo)
                {
                    if (failed)
                    {
                        errors[client]++;
                    }
                    else
                    {
                        mine.Add((ended - started).TotalMilliseconds);
                    }
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(() => LoopAsync(c))));
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double Percentile(double p) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)Math.Ceiling(p * all.Length) - 1)];
        var seconds = duration.TotalSeconds;
        return new Measurement(name, unit, clients, seconds, all.Length, errors.Sum(), all.Length * unitsPerOperation / seconds,
            Percentile(0.50), Percentile(0.95), Percentile(0.99), all.Length == 0 ? 0 : all[^1], errors.Sum() > 0 || all.Length == 0 ? firstError : null);
    }
}
