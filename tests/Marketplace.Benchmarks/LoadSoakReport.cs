using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Marketplace.Benchmarks;

/// <summary>The soak's section: the wrk figures, the memory samples, and the growth per 10-minute window after the warm-up.</summary>
internal static class LoadSoakReport
{
    internal sealed record Sample(double Seconds, double RssKib, double GcHeapBytes, string LoadAverage);

    private const double Window = 600, Limit = 0.05;

    public static async Task<List<Sample>> SamplesAsync(string path) => !File.Exists(path) ? [] :
        (await File.ReadAllLinesAsync(path)).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).Select(f => new Sample(
            double.Parse(f[0], CultureInfo.InvariantCulture), double.Parse(f[1], CultureInfo.InvariantCulture),
            double.TryParse(f[2], CultureInfo.InvariantCulture, out var heap) ? heap : double.NaN, f.Length > 3 ? f[3] : "")).ToList();

    public static string Markdown(JsonElement run, IReadOnlyList<Sample> samples, IReadOnlyDictionary<string, long> data, DateTime ranAt, out bool grew)
    {
        var warmUp = double.Parse(Environment.GetEnvironmentVariable("LOAD_SOAK_WARMUP") ?? "300", CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        text.AppendLine("## Load soak");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Written by `./marketplace.sh load soak`. {LoadReport.Machine(data, ranAt)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"{LoadReport.Long(run, "connections")} connections for {LoadReport.Long(run, "seconds") / 60} minutes against an anonymous read mix " +
            $"(uncached `/api/search` 30 %, `/Listings?page=` 20 %, `/api/listings/{{id}}` 20 %, `/Listings/Detail/{{id}}` 15 %, `/api/targets` 10 %, `/Search?Q=` 5 %).");
        text.Append(CultureInfo.InvariantCulture, $"The app's resident set (VmRSS from /proc/PID/status) and its GC heap (`/metrics`) are sampled every 30 s; ")
            .AppendLine(CultureInfo.InvariantCulture, $"growth is measured over each 10-minute window that starts after a {warmUp / 60:F0}-minute warm-up, from the median of the samples within a minute of each end.");
        text.AppendLine();
        var socket = LoadReport.Long(run, "connect") + LoadReport.Long(run, "read") + LoadReport.Long(run, "write") + LoadReport.Long(run, "timeout");
        text.AppendLine("| requests | per second | p50 ms | p99 ms | 2xx | non-2xx | 5xx | socket errors |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| {LoadReport.Long(run, "requests"):N0} | {LoadReport.Double(run, "rps"):F0} | {LoadReport.Double(run, "p50"):F1} | " +
            $"{LoadReport.Double(run, "p99"):F1} | {LoadReport.Long(run, "s2xx"):N0} | {LoadReport.Long(run, "requests") - LoadReport.Long(run, "s2xx"):N0} | {LoadReport.Long(run, "s5xx"):N0} | {socket:N0} |");
        text.AppendLine();
        text.AppendLine("| window | RSS start MiB | RSS end MiB | RSS growth | GC heap start MiB | GC heap end MiB | GC heap growth | under 5 % |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|:---:|");
        grew = false;
        var end = samples.Count == 0 ? 0 : samples[^1].Seconds;
        // The last window may end at the last sample when that is within the minute the median reads anyway.
        for (var start = warmUp; start + Window <= end + 60; start += 300)
        {
            var (rss0, rss1) = (Median(samples, start, s => s.RssKib) / 1024, Median(samples, start + Window, s => s.RssKib) / 1024);
            var (gc0, gc1) = (Median(samples, start, s => s.GcHeapBytes) / 1048576, Median(samples, start + Window, s => s.GcHeapBytes) / 1048576);
            var growth = (rss1 - rss0) / rss0;
            var ok = growth < Limit;
            grew |= !ok;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {start / 60:F0}–{(start + Window) / 60:F0} min | {rss0:F0} | {rss1:F0} | {growth:+0.0 %;-0.0 %;0.0 %} | {gc0:F0} | {gc1:F0} | {(gc1 - gc0) / gc0:+0.0 %;-0.0 %;0.0 %} | {(ok ? "yes" : "no")} |");
        }
        text.AppendLine();
        text.AppendLine("Samples (minute: RSS MiB / GC heap MiB / load average):");
        text.AppendLine();
        text.AppendLine(string.Join(" · ", samples.Where((_, i) => i % 2 == 0).Select(s =>
            string.Format(CultureInfo.InvariantCulture, "{0:F0}: {1:F0}/{2:F0}/{3}", s.Seconds / 60, s.RssKib / 1024, s.GcHeapBytes / 1048576, s.LoadAverage))));
        return text.ToString();
    }

    private static double Median(IReadOnlyList<Sample> samples, double at, Func<Sample, double> value)
    {
        var near = samples.Where(s => Math.Abs(s.Seconds - at) <= 60).Select(value).Where(v => !double.IsNaN(v)).Order().ToList();
        return near.Count == 0 ? double.NaN : near[near.Count / 2];
    }
}
