using System.Diagnostics;

namespace Marketplace.Benchmarks.Pages;

/// <summary>Counts the SQL statements Npgsql executes in this process, from its tracing (one activity per command
/// executed, batches included as one round trip each). The benchmark reads the count around sequential requests,
/// while nothing else runs, and divides.</summary>
internal sealed class SqlStatements : IDisposable
{
    private readonly ActivityListener listener;
    private long count;

    public SqlStatements()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (activity.Kind == ActivityKind.Client && activity.OperationName != "connect" && !activity.OperationName.Contains("open", StringComparison.OrdinalIgnoreCase))
                    Interlocked.Increment(ref count);
            },
        };
        ActivitySource.AddActivityListener(listener);
    }

    public long Count => Interlocked.Read(ref count);

    public void Dispose() => listener.Dispose();
}
