using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace Marketplace.Tests.Shared;

/// <summary>
/// A client that posts technology needs with an Idempotency-Key each and, like a careful client, resends the same
/// request under the same key until it gets an answer: the write stream of the crash and restart faults.
/// </summary>
public sealed class KeyedWrites(HttpClient client, string prefix)
{
    private readonly ConcurrentDictionary<string, object> _sent = new();
    private int _next;

    /// <summary>Key → the answer's body, for every write the server acknowledged with 2xx.</summary>
    public ConcurrentDictionary<string, string> Acknowledged { get; } = new();
    /// <summary>Outcomes by kind: "2xx", "503", "500" (or any other status), "refused" (no connection).</summary>
    public ConcurrentDictionary<string, int> Outcomes { get; } = new();
    /// <summary>When each failure and each success happened, for the outage and recovery times.</summary>
    public ConcurrentQueue<(TimeSpan At, bool Ok)> Timeline { get; } = new();
    public Stopwatch Clock { get; } = Stopwatch.StartNew();

    public IReadOnlyCollection<string> SentKeys => (IReadOnlyCollection<string>)_sent.Keys;
    public string Prefix => prefix;

    public static object Need(string title) => new
    {
        details = new
        {
            title, description = "需要用于近海船舶的智能导航装置，提高定位精度。", ipcCodes = new[] { "G01C 21/00" }, keywords = new[] { "导航" },
            budgetMin = 100_000m, budgetMax = 500_000m, preferredModes = new[] { "Licence" },
            deadline = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(60), visibility = "Public",
        },
    };

    /// <summary>Workers write until <paramref name="stop"/>; a write that fails is resent under its key before the next.</summary>
    public Task RunAsync(int workers, CancellationToken stop) => Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
    {
        while (!stop.IsCancellationRequested)
        {
            var key = $"{prefix}-{Interlocked.Increment(ref _next)}";
            var body = _sent.GetOrAdd(key, k => Need($"{prefix} 需求 {k}"));
            while (!stop.IsCancellationRequested && !await SendAsync(key, body, CancellationToken.None))
                await Task.Delay(100, CancellationToken.None);
        }
    }));

    /// <summary>Sends every key once more; each must answer 2xx, with the acknowledged body where there was one.</summary>
    public async Task<List<string>> ResendAllAsync()
    {
        var problems = new List<string>();
        foreach (var (key, body) in _sent)
        {
            using var request = Request(key, body);
            var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode) problems.Add($"{key}: {(int)response.StatusCode} {text}");
            else if (Acknowledged.TryGetValue(key, out var first) && first != text) problems.Add($"{key}: a different answer on retry");
            else if (Acknowledged.ContainsKey(key) && !response.Headers.Contains("Idempotency-Replayed")) problems.Add($"{key}: executed twice");
        }
        return problems;
    }

    private async Task<bool> SendAsync(string key, object body, CancellationToken ct)
    {
        try
        {
            using var request = Request(key, body);
            using var response = await client.SendAsync(request, ct);
            var status = (int)response.StatusCode;
            Outcomes.AddOrUpdate(status is >= 200 and < 300 ? "2xx" : status.ToString(), 1, (_, n) => n + 1);
            var ok = response.IsSuccessStatusCode;
            Timeline.Enqueue((Clock.Elapsed, ok));
            if (ok) Acknowledged[key] = await response.Content.ReadAsStringAsync(ct);
            return ok || status is >= 400 and < 500 and not 409 and not 429;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Outcomes.AddOrUpdate("refused", 1, (_, n) => n + 1);
            Timeline.Enqueue((Clock.Elapsed, false));
            return false;
        }
    }

    private static HttpRequestMessage Request(string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/needs") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }
}
