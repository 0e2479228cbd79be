using System.Collections.Concurrent;
using System.Globalization;
using Marketplace.Domain.Common;
using Marketplace.Web.Features.Localization;
using Marketplace.Web.Features.Platform;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Sessions;

/// <summary>
/// Limits each connection's calls with a token bucket (a phone stuck in a loop must not flood the board), and
/// turns refused rules into <see cref="HubException"/>s whose message starts with a stable code and the field:
/// "forbidden registration: …", "conflict pitchId: …", "invalid note: …", "not-found: …", "rate-limited: …". The code
/// is for programs and stays as it is; the words after it are for people, in the connection's language, which also
/// applies to everything the call itself says.
/// </summary>
public sealed class SessionHubFilter(IOptions<SessionsOptions> options, IStringLocalizer<SharedResource> t) : IHubFilter
{
    private readonly ConcurrentDictionary<string, CallBucket> _buckets = new();

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var culture = await HubCulture.OfAsync(invocation.Context);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        var bucket = _buckets.GetOrAdd(invocation.Context.ConnectionId, _ => new CallBucket(options.Value.CallBurst));
        if (!bucket.TryTake(options.Value.CallBurst, options.Value.CallsPerSecond))
            throw new HubException("rate-limited: " + t["At most {0} calls at once and {1} per second per connection.", options.Value.CallBurst, options.Value.CallsPerSecond]);
        try
        {
            return await next(invocation);
        }
        catch (DomainRuleException rule)
        {
            throw new HubException($"{(rule.IsConflict ? "conflict" : "invalid")} {rule.Field}: {t.Say(rule.Text)}");
        }
        catch (ForbiddenActionException forbidden)
        {
            throw new HubException($"forbidden {forbidden.Field}: {t.Say(forbidden.Text)}");
        }
        catch (NotFoundException missing)
        {
            throw new HubException($"not-found: {t.Say(missing.Text)}");
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
