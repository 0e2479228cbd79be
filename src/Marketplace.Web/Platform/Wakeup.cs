using System.Threading.Channels;

namespace Marketplace.Web.Platform;

/// <summary>
/// Cuts a polling worker's pause short when this instance itself just queued work, so the work starts within
/// milliseconds; other instances still find it on their next poll. Any number of wake-ups before the worker looks
/// count as one.
/// </summary>
public sealed class Wakeup
{
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Set() => _signal.Writer.TryWrite(true);

    /// <summary>Waits until <see cref="Set"/> is called or <paramref name="timeout"/> passes.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken ct)
    {
        using var pause = new CancellationTokenSource(timeout, clock);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(pause.Token, ct);
        try
        {
            await _signal.Reader.ReadAsync(either.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The pause ran out: time for the regular poll.
        }
    }
}
