using System.Diagnostics;
using System.Globalization;
using Marketplace.Tests.Shared;
using Marketplace.Web.Data;
using Marketplace.Web.Demo;
using Marketplace.Web.Features.Payments;
using Marketplace.Web.Tests.Deals;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Stripe;

namespace Marketplace.Benchmarks;

/// <summary>
/// Issue 10's ceilings P1, P2 and P5 in one run, each against its baseline measured right after it:
/// P1 GET /api/listings/{id} through the whole pipeline vs a bare endpoint answering the same bytes from memory;
/// P2 the EF Core query behind it vs the same SQL through a raw NpgsqlDataReader (BenchmarkDotNet, in process);
/// P5 POST /api/stripe/webhook (verify, dedupe, apply) vs an endpoint that only verifies the signature.
/// Run with `./marketplace.sh bench ceilings`; writes the "Ceilings" section of docs/benchmarks.md.
/// </summary>
internal static class CeilingsBenchmark
{
    public static async Task RunAsync()
    {
        var listings = int.Parse(Environment.GetEnvironmentVariable("BENCH_LISTINGS") ?? "100000", CultureInfo.InvariantCulture);
        var seconds = int.Parse(Environment.GetEnvironmentVariable("BENCH_SECONDS") ?? "10", CultureInfo.InvariantCulture);
        var output = Environment.GetEnvironmentVariable("BENCH_OUTPUT") ?? "docs/benchmarks.md";
        var database = new TestDatabase("marketplace_bench_ceilings");
        await database.CreateAsync();
        var stripe = new FakeStripe();
        await using var app = BenchHost.Start(database, b =>
        {
            b.UseSetting("Stripe:SecretKey", FakeStripe.SecretKey);
            b.UseSetting("Stripe:PublishableKey", FakeStripe.PublishableKey);
            b.UseSetting("Stripe:WebhookSecret", FakeStripe.WebhookSecret);
            b.UseSetting("Stripe:ApiBase", FakeStripe.ApiBase);
            b.UseSetting("Stripe:ApplyEvents", "false");
            b.ConfigureTestServices(s => s.AddHttpClient(StripeGateway.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => stripe));
        });
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await DemoSeed.SeedAsync(scope.ServiceProvider, DemoOptions.DefaultPassword, TimeProvider.System, CancellationToken.None);
            var db = scope.ServiceProvider.GetRequiredService<MarketplaceDb>();
            var generated = Stopwatch.StartNew();
            await Generator.SeedAsync(db, await Generator.OwnersAsync(db), listings, firstNumber: 1_000_000);
            Console.WriteLine($"generated {listings:N0} listings in {generated.Elapsed.TotalSeconds:F0} s");
        }
        await using var source = NpgsqlDataSource.Create(database.ConnectionString);
        var ids = await ListingIdsAsync(source, 2000);
        var window = TimeSpan.FromSeconds(seconds);
        using var http = app.CreateClient();

        // P1: the whole pipeline (routing, the output cache, authentication, the query, the JSON) against the same
        // bytes from memory. Visitors mostly read a hot set of listings (the output cache answers); the never-cached
        // row evicts the cache before each call, so every request runs the query.
        var hot = ids.Take(200).ToList();
        var listing = await Measure.RunAsync("P1 GET /api/listings/{id} (200 hot listings)", hot,
            async id => (await http.GetAsync("/api/listings/" + id)).EnsureSuccessStatusCode(), duration: window);
        var cache = app.Services.GetRequiredService<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>();
        var listingUncached = await Measure.RunAsync("P1 GET /api/listings/{id} (never cached)", ids, async id =>
        {
            await cache.EvictByTagAsync(Marketplace.Web.Features.Search.SearchFeature.SearchCacheTag, default);
            (await http.GetAsync("/api/listings/" + id)).EnsureSuccessStatusCode();
        }, duration: window);
        var recorded = new Dictionary<string, byte[]>();
        foreach (var id in ids) recorded[id] = await http.GetByteArrayAsync("/api/listings/" + id);
        await using var bare = await BenchHost.BareAsync(b => b.MapGet("/api/listings/{id}", (string id) => Results.Bytes(recorded[id], "application/json")));
        using var bareHttp = new HttpClient { BaseAddress = new Uri(bare.Urls.First()) };
        var listingBare = await Measure.RunAsync("P1 baseline: same bytes, bare endpoint", ids,
            async id => (await bareHttp.GetAsync("/api/listings/" + id)).EnsureSuccessStatusCode(), duration: window);

        // P2: BenchmarkDotNet, in this process, on the same database.
        var query = ListingQueryBenchmark.Run(app.Services, database.ConnectionString, ids);

        // P5: events about instalments the demo left unpaid, each event new. The webhook verifies, dedupes and stores
        // the event; the inbox applies it after the answer (locks the instalment and deal, fetches the intent from the
        // local Stripe stand-in, applies, audits, commits). The bench host runs with Stripe:ApplyEvents=false, so the
        // endpoint is measured alone first; then the inbox drains what it stored, then both run together.
        var intents = await AttachIntentsAsync(source, stripe, 20);
        var inbox = app.Services.GetRequiredService<StripeInbox>();
        var sent = 0;
        Func<string, Task> deliver = async intent =>
        {
            var (json, signature) = FakeStripe.Event($"evt_bench_{Interlocked.Increment(ref sent)}", "payment_intent.succeeded", intent);
            await PostSignedAsync(http, json, signature);
        };
        var webhook = await Measure.RunAsync("P5 POST /api/stripe/webhook (receiving)", intents, deliver, duration: window);
        var drain = await DrainAsync(source, inbox);
        var applying = await ApplyOneByOneAsync(inbox, intents, deliver, rounds: 100);
        using var alongside = new CancellationTokenSource();
        var loop = Task.Run(async () =>
        {
            while (!alongside.IsCancellationRequested) { await inbox.RunOnceAsync(CancellationToken.None); await Task.Delay(5); }
        });
        var webhookAlongside = await Measure.RunAsync("P5 POST /api/stripe/webhook (inbox applying alongside)", intents, deliver, duration: window);
        await alongside.CancelAsync();
        await loop;
        await inbox.RunOnceAsync(CancellationToken.None);
        await using var verifier = await BenchHost.BareAsync(b => b.MapPost("/api/stripe/webhook", async (HttpRequest request) =>
        {
            var json = await new StreamReader(request.Body).ReadToEndAsync();
            var e = EventUtility.ConstructEvent(json, request.Headers["Stripe-Signature"].ToString(), FakeStripe.WebhookSecret, 300, throwOnApiVersionMismatch: false);
            return Results.Ok(new { received = e.Id });
        }));
        using var verifierHttp = new HttpClient { BaseAddress = new Uri(verifier.Urls.First()) };
        var webhookBare = await Measure.RunAsync("P5 baseline: verify the signature only", intents, async intent =>
        {
            var (json, signature) = FakeStripe.Event($"evt_bare_{Interlocked.Increment(ref sent)}", "payment_intent.succeeded", intent);
            await PostSignedAsync(verifierHttp, json, signature);
        }, duration: window);

        await Report.WriteSectionAsync(output, "## Ceilings", CeilingsReport.Markdown(listings, seconds, listing, listingUncached, listingBare, query, webhook, webhookBare, webhookAlongside, drain, applying));
        Console.WriteLine($"written {output}");
    }

    /// <summary>The inbox's pass over the backlog the receiving run left: how many events, how long, how many fetched
    /// from Stripe and how many settled by an application about the same intent.</summary>
    private static async Task<InboxFigures> DrainAsync(NpgsqlDataSource source, StripeInbox inbox)
    {
        var clock = Stopwatch.StartNew();
        await inbox.RunOnceAsync(CancellationToken.None);
        var seconds = clock.Elapsed.TotalSeconds;
        await using var command = source.CreateCommand("""
            SELECT count(*), count(*) FILTER (WHERE outcome LIKE 'applied:%'), count(*) FILTER (WHERE applied_at IS NULL)
            FROM stripe_events WHERE id LIKE 'evt_bench_%'
            """);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        if (reader.GetInt64(2) > 0) throw new InvalidOperationException($"{reader.GetInt64(2)} events were left unapplied");
        var figures = new InboxFigures(reader.GetInt64(0), reader.GetInt64(1), seconds);
        Console.WriteLine(figures);
        return figures;
    }

    /// <summary>Applying without settling: one event per intent, each round applied before the next is delivered, so
    /// every event is fetched from Stripe and applied — the inbox's own rate.</summary>
    private static async Task<double> ApplyOneByOneAsync(StripeInbox inbox, List<string> intents, Func<string, Task> deliver, int rounds)
    {
        var applied = 0;
        var elapsed = TimeSpan.Zero;
        for (var round = 0; round < rounds; round++)
        {
            foreach (var intent in intents) await deliver(intent);
            var clock = Stopwatch.StartNew();
            applied += await inbox.RunOnceAsync(CancellationToken.None);
            elapsed += clock.Elapsed;
        }
        var perSecond = applied / elapsed.TotalSeconds;
        Console.WriteLine($"inbox applied {applied} events one intent each in {elapsed.TotalSeconds:F1} s: {perSecond:F0}/s");
        return perSecond;
    }

    private static async Task PostSignedAsync(HttpClient client, string json, string signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/stripe/webhook") { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("Stripe-Signature", signature);
        (await client.SendAsync(request)).EnsureSuccessStatusCode();
    }

    internal static async Task<List<string>> ListingIdsAsync(NpgsqlDataSource source, int count)
    {
        await using var command = source.CreateCommand($"SELECT id FROM listings WHERE status = 'Published' ORDER BY md5(id::text) LIMIT {count}");
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<string>();
        while (await reader.ReadAsync()) ids.Add(reader.GetGuid(0).ToString());
        return ids;
    }

    /// <summary>Gives unpaid instalments of signed or recorded deals a PaymentIntent that Stripe reports as succeeded.</summary>
    private static async Task<List<string>> AttachIntentsAsync(NpgsqlDataSource source, FakeStripe stripe, int count)
    {
        var intents = new List<string>();
        await using var command = source.CreateCommand($"""
            UPDATE instalments i SET stripe_payment_intent_id = 'pi_bench_' || replace(i.id::text, '-', ''), method = 'Stripe'
            FROM deals d WHERE d.id = i.deal_id AND d.status IN ('Signed', 'Recorded') AND i.paid = 0
              AND i.id IN (SELECT i2.id FROM instalments i2 JOIN deals d2 ON d2.id = i2.deal_id
                           WHERE d2.status IN ('Signed', 'Recorded') AND i2.paid = 0 AND i2.stripe_payment_intent_id IS NULL LIMIT {count})
            RETURNING i.stripe_payment_intent_id, i.amount
            """);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var minor = (long)(reader.GetDecimal(1) * 100);
            stripe.Add(reader.GetString(0), minor, "succeeded", minor);
            intents.Add(reader.GetString(0));
        }
        if (intents.Count == 0) throw new InvalidOperationException("the demo data has no unpaid instalment of a signed deal");
        Console.WriteLine($"{intents.Count} instalments paid through the webhook");
        return intents;
    }
}
