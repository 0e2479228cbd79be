using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json.Serialization;
using Marketplace.Web.Features.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Benchmarks;

/// <summary>
/// A thousand receivers and the time each one got a broadcast. One round: stamp, send, wait until every receiver
/// has recorded its arrival. Latency per delivery and the time until the last one are both kept.
/// </summary>
internal abstract class BroadcastFleet : IAsyncDisposable
{
    private long[] _arrivals = [];
    private int _pending;
    private TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public List<double> Deliveries { get; } = [];
    public List<double> Completions { get; } = [];
    public double Seconds { get; private set; }
    public int Count { get; protected set; }

    protected void Arrived(int index)
    {
        _arrivals[index] = Stopwatch.GetTimestamp();
        if (Interlocked.Decrement(ref _pending) == 0) _all.TrySetResult();
    }

    public async Task RunAsync(int rounds, Func<Task> send)
    {
        var total = Stopwatch.StartNew();
        for (var round = 0; round < rounds; round++)
        {
            _arrivals = new long[Count];
            _pending = Count;
            _all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var sent = Stopwatch.GetTimestamp();
            await send();
            await _all.Task.WaitAsync(TimeSpan.FromSeconds(60));
            Deliveries.AddRange(_arrivals.Select(a => Stopwatch.GetElapsedTime(sent, a).TotalMilliseconds));
            Completions.Add(Stopwatch.GetElapsedTime(sent, _arrivals.Max()).TotalMilliseconds);
        }
        Seconds = total.Elapsed.TotalSeconds;
    }

    public abstract ValueTask DisposeAsync();
}

/// <summary>SignalR clients on WebSockets, each joined to the session, spread over the given instances.</summary>
internal sealed class SignalRFleet : BroadcastFleet
{
    private readonly List<HubConnection> _connections = [];

    public static async Task<SignalRFleet> ConnectAsync(IReadOnlyList<Uri> instances, Guid sessionId, int count)
    {
        var fleet = new SignalRFleet { Count = count };
        for (var i = 0; i < count; i++)
        {
            var index = i;
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(instances[i % instances.Count], SessionsHub.Path), o => { o.Transports = HttpTransportType.WebSockets; o.SkipNegotiation = true; })
                .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
                .Build();
            connection.On<SessionEventMessage>(nameof(ISessionClient.Event), _ => fleet.Arrived(index));
            await connection.StartAsync();
            await connection.InvokeAsync<JoinResult>("Join", sessionId, (long?)long.MaxValue / 2);
            fleet._connections.Add(connection);
        }
        return fleet;
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections) await connection.DisposeAsync();
    }
}

/// <summary>Plain WebSockets and a server loop that writes the same bytes to each: the floor SignalR is compared to.</summary>
internal sealed class BareFleet : BroadcastFleet
{
    private readonly List<ClientWebSocket> _sockets = [];
    private readonly CancellationTokenSource _stop = new();

    public static async Task<BareFleet> ConnectAsync(Uri server, int count)
    {
        var fleet = new BareFleet { Count = count };
        for (var i = 0; i < count; i++)
        {
            var socket = new ClientWebSocket();
            await socket.ConnectAsync(new UriBuilder(server) { Scheme = "ws", Path = "/ws" }.Uri, default);
            fleet._sockets.Add(socket);
            var index = i;
            _ = Task.Run(async () =>
            {
                var buffer = new byte[8192];
                while (!fleet._stop.IsCancellationRequested)
                {
                    var result = await socket.ReceiveAsync(buffer, fleet._stop.Token);
                    if (result.MessageType == WebSocketMessageType.Close) return;
                    if (result.EndOfMessage) fleet.Arrived(index);
                }
            });
        }
        return fleet;
    }

    public override ValueTask DisposeAsync()
    {
        _stop.Cancel();
        foreach (var socket in _sockets) socket.Abort();
        return ValueTask.CompletedTask;
    }
}

/// <summary>The bare server: accepts sockets at /ws and broadcasts a byte array to all of them.</summary>
internal sealed class BareServer(Microsoft.AspNetCore.Builder.WebApplication app) : IAsyncDisposable
{
    private readonly List<WebSocket> _sockets = [];

    public Uri Address { get; private set; } = null!;

    public static async Task<BareServer> StartAsync()
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new BareServer(app);
        app.UseWebSockets();
        app.Map("/ws", async context =>
        {
            var socket = await context.WebSockets.AcceptWebSocketAsync();
            lock (server._sockets) server._sockets.Add(socket);
            var buffer = new byte[64];
            while (socket.State == WebSocketState.Open && !(await socket.ReceiveAsync(buffer, default)).CloseStatus.HasValue) { }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
        server.Address = new Uri(address);
        return server;
    }

    public Task BroadcastAsync(byte[] bytes)
    {
        WebSocket[] sockets;
        lock (_sockets) sockets = [.. _sockets];
        return Task.WhenAll(sockets.Select(s => s.SendAsync(bytes, WebSocketMessageType.Text, true, default)));
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
