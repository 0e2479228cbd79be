using System.Diagnostics.Tracing;

namespace Marketplace.Benchmarks;

/// <summary>
/// What the garbage collector did while a stretch of work ran, from the runtime's own events: how many collections,
/// how long the threads took to stop and the collections took, and what survived gen0. Printed next to a latency
/// tail to read it against (a tail made of collections, or one that is not).
/// </summary>
internal sealed class GcPhases : EventListener
{
    private readonly object _gate = new();
    private DateTime _suspendBegin, _collectBegin;
    private double _suspendMs, _collectMs, _promotedBytes;
    private int _collections, _olderCollections;
    private volatile bool _listening;

    public void Start() => _listening = true;

    public string Stop()
    {
        _listening = false;
        lock (_gate)
        {
            var per = Math.Max(1, _collections);
            return $"{_collections} collections ({_olderCollections} of gen1 or gen2), threads stopped in {_suspendMs:F0} ms, " +
                $"collecting {_collectMs:F0} ms ({_collectMs / per:F1} ms each), {_promotedBytes / per / 1024:F0} KB promoted from gen0 each";
        }
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        // Keyword 0x1: GC; informational level has the start, end, suspension and heap-statistics events.
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Informational, (EventKeywords)0x1);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_listening || e.EventName is not { } name) return;
        lock (_gate)
        {
            if (name.StartsWith("GCSuspendEEBegin", StringComparison.Ordinal)) _suspendBegin = e.TimeStamp;
            else if (name.StartsWith("GCSuspendEEEnd", StringComparison.Ordinal)) _suspendMs += (e.TimeStamp - _suspendBegin).TotalMilliseconds;
            else if (name.StartsWith("GCStart", StringComparison.Ordinal))
            {
                _collectBegin = e.TimeStamp;
                if (Convert.ToInt32(Payload(e, "Depth")) >= 1) _olderCollections++;
            }
            else if (name.StartsWith("GCEnd", StringComparison.Ordinal))
            {
                _collectMs += (e.TimeStamp - _collectBegin).TotalMilliseconds;
                _collections++;
            }
            else if (name.StartsWith("GCHeapStats", StringComparison.Ordinal)) _promotedBytes += Convert.ToDouble(Payload(e, "TotalPromotedSize0"));
        }
    }

    private static object? Payload(EventWrittenEventArgs e, string name) => e.Payload![e.PayloadNames!.IndexOf(name)];
}
