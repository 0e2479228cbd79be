using System.Collections.Concurrent;
using Marketplace.Domain.Common;
using Marketplace.Web.Features.Platform;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Sessions;

/// <summary>
/// Limits each connection's calls with a token bucket (a phone stuck in a loop must not flood the board), and
/// turns refused rules into <see cref="HubException"/>s whose message starts with a stable code and the field:
/// "forbidden registration: …", "conflict pitchId: …", "invalid note: …", "not-found: …", "rate-limited: …".
/// </summary>
public sealed class SessionHubFilter(IOptions<SessionsOptions> options) : IHubFilter
{
    private readonly ConcurrentDictionary<string, CallBucket> _buckets = new();

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var bucket = _buckets.GetOrAdd(invocation.Context.ConnectionId, _ => new CallBucket(options.Value.CallBurst));
        if (!bucket.TryTake(options.Value.CallBurst, options.Value.CallsPerSecond))
            throw new HubException($"rate-limited: at most {options.Value.CallBurst} calls at once and {options.Value.CallsPerSecond} per second per connection.");
        try
        {
            return await next(invocation);
        }
        catch (DomainRuleException rule)
        {
            throw new HubException($"{(rule.IsConflict ? "conflict" : "invalid")} {rule.Field}: {rule.Message}");
        }
        catch (ForbiddenActionException forbidden)
        {
            throw new HubException($"forbidden {forbidden.Field}: {forbidden.Message}");
        }
        catch (NotFoundException missing)
        {
            throw new HubException($"not-found: {missing.Message}");
        }
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        _buckets.TryRemove(context.Context.ConnectionId, out _);
        await next(context, exception);
    }
}

/// <summary>A token bucket without a timer: tokens are topped up from the elapsed time when a call arrives.</summary>
internal sealed class CallBucket(int tokens)
{
    private double _tokens = tokens;
    private long _last = Environment.TickCount64;

    public bool TryTake(int burst, int perSecond)
    {
        lock (this)
        {
            var now = Environment.TickCount64;
            _tokens = Math.Min(burst, _tokens + (now - _last) * perSecond / 1000.0);
            _last = now;
            if (_tokens < 1) return false;
            _tokens--;
            return true;
        }
    }
}
