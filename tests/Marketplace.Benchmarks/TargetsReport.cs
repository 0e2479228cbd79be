using System.Globalization;
using System.Text;

namespace Marketplace.Benchmarks;

internal static class TargetsReport
{
    public static string Markdown(int deals, int loans, double rebuildSeconds, IReadOnlyList<Figures> r, IReadOnlyList<TargetsBenchmark.ExportFigures> exports)
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name"))?.Split(':')[1].Trim() ?? "unknown CPU";
        var text = new StringBuilder();
        text.AppendLine("## Targets");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Written by `./marketplace.sh bench targets`. Run on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores ({cpu}), {deals:N0} deals (2023–2025, five states) and {loans:N0} disbursed loans (two tranches each) on top of the demo data.");
        text.AppendLine("Latency: sequential calls after a warm-up (1,000; 30 for the per-request sum); throughput: concurrent callers for 5 s, client in the same process.");
        text.AppendLine();
        text.AppendLine("| scenario | p50 ms | p99 ms | per second |");
        text.AppendLine("|---|---:|---:|---:|");
        foreach (var f in r) text.AppendLine(CultureInfo.InvariantCulture, $"| {f.Name} | {f.P50Ms:F2} | {f.P99Ms:F2} | {f.PerSecond:F0} |");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"| goal | measured | met |");
        text.AppendLine("|---|---:|:---:|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| GET /api/targets p99 < 10 ms | {r[0].P99Ms:F2} ms | {(r[0].P99Ms < 10 ? "yes" : "no")} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| (for reference) kept totals vs summing per request, p50 | {r[2].P50Ms / r[0].P50Ms:F0}× faster | — |");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Rebuilding the kept totals from every record (`POST /api/targets/recount`): {rebuildSeconds:F1} s.");
        text.AppendLine();
        text.AppendLine("Export of the deals signed 2024-01-01 to 2024-06-30, streamed (`GET /api/exports/deals`):");
        text.AppendLine();
        text.AppendLine("| format | rows | size MiB | seconds | peak heap growth after GC MiB | peak working-set growth MiB |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var e in exports)
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {e.Format} | {(e.Rows < 0 ? exports[0].Rows : e.Rows):N0} | {e.Bytes / 1048576.0:F1} | {e.Seconds:F1} | {e.PeakHeapGrowth / 1048576.0:F0} | {e.WorkingSetGrowth / 1048576.0:F0} |");
        text.AppendLine();
        text.AppendLine("The totals are kept per month, category, owner group, industry and bank, moved in the transaction of each change;");
        text.AppendLine("the summing baseline is a GROUP BY over the counted deals plus the jsonb tranches of the loans, on every request. The xlsx export");
        text.AppendLine("writes through a temporary file (a zip's directory comes last), so its memory is MiniExcel's buffers, not the rows.");
        return text.ToString();
    }
}
