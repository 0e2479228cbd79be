using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using Marketplace.Domain.Organizations;
using Marketplace.Tests.Shared;
using Marketplace.Web.Features.Sessions;
using Marketplace.Web.Tests.Matchmaking;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using static Marketplace.Web.Tests.Matchmaking.Market;

namespace Marketplace.Web.Tests.Sessions;

/// <summary>
/// A live session for hub and API tests: an office's two listings on the agenda, an approved enterprise and an
/// approved bank, and the park office driving it.
/// </summary>
public sealed class SessionWorld(WebApp app)
{
    public Market Market { get; } = new(app);
    public Guid Id { get; private set; }
    public Guid[] Pitches { get; private set; } = [];
    public Guid[] Listings { get; private set; } = [];
    public TestUser BankUser { get; private set; } = null!;
    public HttpClient Bank { get; private set; } = null!;
    public Dictionary<Guid, string> Codes { get; } = new();

    /// <summary>Written in China time, as a client in Weihai would send it; stored in UTC.</summary>
    public static DateTimeOffset Start => DateTimeOffset.UtcNow.AddDays(7).ToOffset(TimeSpan.FromHours(8));

    public static object Details(string titleZh = "海洋装备专场对接会", int capacity = 100) => new
    {
        details = new
        {
            titleZh, titleEn = "Marine equipment session", theme = "海洋装备", startsAt = Start, endsAt = Start.AddHours(3),
            venue = "威海国际会展中心", onlineUrl = (string?)null, capacity, registrationDeadline = Start.AddDays(-1),
        },
    };

    /// <summary>Announced and open for registration, with the enterprise and the bank approved; live if asked.</summary>
    public async Task<SessionWorld> OpenAsync(bool live = true)
    {
        await Market.OpenAsync();
        Listings = [await Market.PublishAsync(1, "一种船舶智能导航装置", "导航。", ["G01C 21/20"], PatentSamples.Licence()),
            await Market.PublishAsync(2, "一种海洋监测浮标", "浮标。", ["G01N 33/18"], PatentSamples.Licence())];
        Id = (await Json(await Market.Admin.PostAsJsonAsync("/api/sessions", Details()))).GetProperty("id").GetGuid();
        Pitches = [await AddPitchAsync(Listings[0], 0), await AddPitchAsync(Listings[1], 30)];
        await Json(await Market.Admin.PostAsync($"/api/sessions/{Id}/open", null));
        BankUser = await app.CreateUserAsync(OrganizationType.Bank);
        Bank = await app.ClientForAsync(BankUser);
        await ApproveAsync(Market.Enterprise);
        await ApproveAsync(Bank);
        if (live) await Json(await Market.Admin.PostAsync($"/api/sessions/{Id}/start", null));
        return this;
    }

    public async Task<Guid> AddPitchAsync(Guid listingId, int minutesIn) =>
        (await Json(await Market.Admin.PostAsJsonAsync($"/api/sessions/{Id}/pitches", new { listingId, startsAt = Start.AddMinutes(minutesIn), minutes = 20 })))
        .GetProperty("id").GetGuid();

    public async Task<JsonElement> ApproveAsync(HttpClient participant)
    {
        var registration = await Json(await participant.PostAsync($"/api/sessions/{Id}/registrations", null));
        var approved = await Json(await Market.Admin.PostAsync($"/api/sessions/{Id}/registrations/{registration.GetProperty("id").GetGuid()}/approve", null));
        Codes[approved.GetProperty("organizationId").GetGuid()] = approved.GetProperty("checkInCode").GetString()!;
        return approved;
    }

    public Task<JsonElement> StartPitchAsync(int index) => PostAsync($"/api/sessions/{Id}/pitches/{Pitches[index]}/start");

    public async Task<JsonElement> PostAsync(string url) => await Json(await Market.Admin.PostAsync(url, null));

    /// <summary>A .NET client over the test server; anonymous without a user (a watcher).</summary>
    public static async Task<BoardClient> ConnectAsync(WebApp app, TestUser? user = null, Action<HttpConnectionOptions>? configure = null)
    {
        string? token = null;
        if (user is not null) token = (await app.ClientForAsync(user)).DefaultRequestHeaders.Authorization!.Parameter;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, SessionsHub.Path), o =>
            {
                o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                if (token is not null) o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                configure?.Invoke(o);
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        var client = new BoardClient(connection);
        await connection.StartAsync();
        return client;
    }
}

/// <summary>A hub connection with the events it received, in order.</summary>
public sealed class BoardClient : IAsyncDisposable
{
    private readonly Channel<SessionEventMessage> _events = Channel.CreateUnbounded<SessionEventMessage>();

    public BoardClient(HubConnection connection)
    {
        Connection = connection;
        connection.On<SessionEventMessage>(nameof(ISessionClient.Event), e => _events.Writer.TryWrite(e));
    }

    public HubConnection Connection { get; }

    public Task<JoinResult> JoinAsync(Guid sessionId, long? after = null) => Connection.InvokeAsync<JoinResult>("Join", sessionId, after);

    /// <summary>The next event (of <paramref name="kind"/>), or a TimeoutException. The wait is cancelled, not
    /// abandoned: an abandoned read (Task.WaitAsync) would still take, and lose, the next event that arrives.</summary>
    public async Task<SessionEventMessage> NextAsync(string? kind = null, TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(20));
        try
        {
            while (true)
            {
                var e = await _events.Reader.ReadAsync(timeout.Token);
                if (kind is null || e.Kind == kind) return e;
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"no {kind ?? "event"} within {within ?? TimeSpan.FromSeconds(20)}");
        }
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
