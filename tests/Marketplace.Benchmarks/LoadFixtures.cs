using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Web.Demo;
using Npgsql;

namespace Marketplace.Benchmarks;

/// <summary>
/// `load-prepare URL DIR`: what the wrk scripts rotate through, made against the running app over HTTP as a client
/// would: bearer tokens of demo users, published listing ids, the queries, negotiation rooms for messages and
/// offers, and signed deals whose instalments can each be reported and confirmed as a bank transfer once.
/// One line per item in DIR/*.txt; the rooms and instalments are dealt to the wrk runs in slices so no run meets
/// another's half-finished step.
/// </summary>
internal static class LoadFixtures
{
    private static readonly (string Key, string Email)[] Users =
    [
        ("e1", "enterprise1@demo.local"), ("e2", "enterprise2@demo.local"), ("e3", "enterprise3@demo.local"),
        ("hit", "hit@demo.local"), ("sdu", "sdu@demo.local"), ("park", "park@demo.local"),
    ];

    public static async Task RunAsync(string baseUrl, string dir)
    {
        var roomsPerEnterprise = int.Parse(Environment.GetEnvironmentVariable("LOAD_ROOMS") ?? "60", CultureInfo.InvariantCulture);
        var paymentDeals = int.Parse(Environment.GetEnvironmentVariable("LOAD_PAYMENT_DEALS") ?? "150", CultureInfo.InvariantCulture);
        const int instalmentsPerDeal = 50;
        Directory.CreateDirectory(dir);
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(2) };
        var password = Environment.GetEnvironmentVariable("Demo__Password") ?? DemoOptions.DefaultPassword;

        var tokens = new Dictionary<string, string>();
        var keyOfOrganization = new Dictionary<Guid, string>();
        foreach (var (key, email) in Users)
        {
            var login = await Ok(await http.PostAsJsonAsync("/api/auth/login", new { email, password }));
            tokens[key] = login.GetProperty("accessToken").GetString()!;
            var me = await Ok(await Send(http, HttpMethod.Get, "/api/me", tokens[key]));
            keyOfOrganization[me.GetProperty("organization").GetProperty("id").GetGuid()] = key;
        }
        await File.WriteAllLinesAsync(Path.Combine(dir, "tokens.txt"), tokens.Select(t => $"{t.Key} {t.Value}"));
        await File.WriteAllLinesAsync(Path.Combine(dir, "queries.txt"), Generator.Queries);

        // A fixed pseudo-random spread over the whole catalog, not only its newest rows.
        var listings = new List<Guid>();
        await using (var connection = new NpgsqlConnection(LoadData.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT id FROM listings WHERE status = 'Published' ORDER BY md5(id::text) LIMIT 20000", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) listings.Add(reader.GetGuid(0));
        }
        await File.WriteAllLinesAsync(Path.Combine(dir, "listings.txt"), listings.Select(l => l.ToString()));

        var next = 0;
        var rooms = new List<string>();
        for (var i = 0; i < roomsPerEnterprise; i++)
            foreach (var enterprise in new[] { "e1", "e2", "e3" })
            {
                var (room, owner) = await OpenRoomAsync(http, tokens[enterprise], listings[next++], keyOfOrganization);
                rooms.Add($"{room} {enterprise} {owner}");
            }
        await File.WriteAllLinesAsync(Path.Combine(dir, "rooms.txt"), rooms);
        Console.WriteLine($"opened {rooms.Count} negotiation rooms");

        var instalments = new List<string>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        for (var d = 0; d < paymentDeals; d++)
        {
            var enterprise = $"e{1 + d % 3}";
            var (room, owner) = await OpenRoomAsync(http, tokens[enterprise], listings[next++], keyOfOrganization);
            var terms = new { mode = "Licence", licenceKind = "NonExclusive", territory = "中国大陆", termMonths = 12, lumpSum = instalmentsPerDeal * 1000m };
            var offer = await Ok(await Send(http, HttpMethod.Post, $"/api/inquiries/{room}/offers", tokens[enterprise], new { terms }));
            var accepted = await Ok(await Send(http, HttpMethod.Post, $"/api/offers/{offer.GetProperty("id").GetGuid()}/accept", tokens[owner], new { }));
            var deal = accepted.GetProperty("dealId").GetGuid();
            var plan = Enumerable.Range(1, instalmentsPerDeal).Select(n => new
            {
                kind = "Milestone", label = $"M{n}", dueDate = today.AddMonths(n).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), amount = 1000m,
            });
            await Ok(await Send(http, HttpMethod.Put, $"/api/deals/{deal}/payments", tokens[enterprise], new { instalments = plan }));
            var signature = new { contractDate = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), registrationNumber = RegistrationNumber(today, d) };
            await Ok(await Send(http, HttpMethod.Post, $"/api/deals/{deal}/sign", tokens[enterprise], signature));
            await Ok(await Send(http, HttpMethod.Post, $"/api/deals/{deal}/sign", tokens[owner], signature));
            var schedule = await Ok(await Send(http, HttpMethod.Get, $"/api/deals/{deal}/payments", tokens[enterprise]));
            instalments.AddRange(schedule.EnumerateArray().Select(i => $"{i.GetProperty("id").GetGuid()} {enterprise} {owner}"));
        }
        // Interleaved across deals, so concurrent confirmations rarely wait for the same deal's row lock.
        var spread = instalments.Select((line, i) => (line, i)).OrderBy(x => x.i % instalmentsPerDeal).ThenBy(x => x.i).Select(x => x.line);
        await File.WriteAllLinesAsync(Path.Combine(dir, "instalments.txt"), spread);
        Console.WriteLine($"signed {paymentDeals} deals with {instalments.Count} instalments payable by bank transfer");
    }

    private static async Task<(Guid Room, string Owner)> OpenRoomAsync(HttpClient http, string token, Guid listing, Dictionary<Guid, string> keys)
    {
        var room = await Ok(await Send(http, HttpMethod.Post, "/api/inquiries", token, new { listingId = listing, message = "您好，我们对该专利感兴趣。 We are interested." }));
        return (room.GetProperty("id").GetGuid(), keys[room.GetProperty("ownerOrganizationId").GetGuid()]);
    }

    private static Task<HttpResponseMessage> Send(HttpClient http, HttpMethod method, string url, string token, object? body = null)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = JsonContent.Create(body);
        return http.SendAsync(request);
    }

    private static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonSerializer.Deserialize<JsonElement>(text);
    }

    /// <summary>A technology-contract registration number of the shape the deal rules check (RegistryNumbers): this
    /// year, Weihai (3710), registration point 00 and the deal's serial; the load database is new for every run.</summary>
    private static string RegistrationNumber(DateOnly today, int deal) =>
        string.Create(CultureInfo.InvariantCulture, $"{today.Year}371000{deal + 1:D6}");
}
