using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Marketplace.Domain.Organizations;
using Marketplace.Web.Features.Notifications;
using Marketplace.Web.Features.Sessions;
using Marketplace.Web.Features.Targets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Marketplace.Web.Tests.Hostile;

/// <summary>Other organisations' ids, state changes by GET, password guessing, and hubs opened from a foreign site.</summary>
public sealed partial class AccessTests(WebApp app) : AppTest(app)
{
    /// <summary>Everything a stranger could change, as one fingerprint: equal before and after means nothing was written.</summary>
    private const string Fingerprint = """
        SELECT md5(concat_ws('|',
            (SELECT string_agg(id || status || version::text, ',' ORDER BY id) FROM (SELECT id, status::text, xmin AS version FROM listings) l),
            (SELECT string_agg(t::text, ',' ORDER BY t::text) FROM patents t),
            (SELECT string_agg(t::text, ',' ORDER BY t::text) FROM inquiries t),
            (SELECT string_agg(t::text, ',' ORDER BY t::text) FROM inquiry_messages t),
            (SELECT string_agg(t::text, ',' ORDER BY t::text) FROM offers t),
            (SELECT string_agg(t::text, ',' ORDER BY t::text) FROM deals t),
            (SELECT string_agg(t::text, ',' ORDER BY t::text) FROM instalments t),
            (SELECT string_agg(t::text, ',' ORDER BY t::text) FROM technology_needs t),
            (SELECT string_agg(t::text, ',' ORDER BY t::text) FROM pledge_applications t),
            (SELECT string_agg(t::text, ',' ORDER BY t::text) FROM organizations t),
            (SELECT count(*) FROM audit_log)))
        """;

    private async Task<string> FingerprintAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(App.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(Fingerprint, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    [Theory]
    [InlineData("office", "GET", "/api/patents/{patent}", null)]
    [InlineData("office", "PUT", "/api/patents/{patent}", "patent")]
    [InlineData("office", "GET", "/api/listings/{draft}", null)]
    [InlineData("office", "GET", "/api/listings/{draft}/history", null)]
    [InlineData("office", "PUT", "/api/listings/{draft}", """{"terms":{"licence":{"kind":"NonExclusive","territory":"中国","termMonths":12,"lumpSum":1}},"version":1}""")]
    [InlineData("office", "POST", "/api/listings/{draft}/submit", null)]
    [InlineData("office", "POST", "/api/listings/{listing}/withdraw", null)]
    [InlineData("office", "POST", "/api/listings", "listing")]
    [InlineData("office", "GET", "/api/organizations/{office-org}/members", null)]
    [InlineData("office", "PUT", "/api/organizations/{office-org}/contact", """{"contactName":"篡改","contactPhone":"0631-5800000","contactEmail":"x@example.cn","version":1}""")]
    [InlineData("office", "POST", "/api/organizations/{office-org}/members", """{"email":"mole@example.cn","displayName":"内鬼","role":"TechTransferOffice","password":"correct horse battery staple"}""")]
    [InlineData("enterprise", "GET", "/api/inquiries/{inquiry}", null)]
    [InlineData("enterprise", "GET", "/api/inquiries/{inquiry}/messages", null)]
    [InlineData("enterprise", "POST", "/api/inquiries/{inquiry}/messages", """{"body":"插话"}""")]
    [InlineData("enterprise", "GET", "{attachment}", null)]
    [InlineData("enterprise", "POST", "/api/inquiries/{inquiry}/close", null)]
    [InlineData("enterprise", "GET", "/api/inquiries/{inquiry}/offers", null)]
    [InlineData("office", "POST", "/api/inquiries/{inquiry}/offers", """{"terms":{"mode":"Licence","licenceKind":"NonExclusive","territory":"中国","termMonths":12,"lumpSum":1}}""")]
    [InlineData("enterprise", "POST", "/api/offers/{offer}/reject", "{}")]
    [InlineData("enterprise", "POST", "/api/offers/{offer}/accept", "{}")]
    [InlineData("enterprise", "GET", "/api/deals/{deal}", null)]
    [InlineData("enterprise", "GET", "/api/deals/{deal}/payments", null)]
    [InlineData("enterprise", "POST", "/api/deals/{deal}/cancel", """{"reason":"捣乱"}""")]
    [InlineData("office", "PUT", "/api/deals/{deal}/payments", """{"instalments":[{"kind":"Upfront","label":"x","dueDate":"2030-01-01","amount":1}]}""")]
    [InlineData("enterprise", "POST", "/api/payments/{payment}/intent", null)]
    [InlineData("enterprise", "POST", "/api/payments/{payment}/report-transfer", """{"reference":"FAKE-1"}""")]
    [InlineData("enterprise", "PUT", "/api/needs/{need}", "need")]
    [InlineData("enterprise", "POST", "/api/needs/{need}/close", null)]
    [InlineData("enterprise", "GET", "/api/pledges/{pledge}", null)]
    [InlineData("bank", "GET", "/api/pledges/{pledge}", null)]
    [InlineData("bank", "GET", "/api/pledges/{pledge}/history", null)]
    [InlineData("bank", "POST", "/api/pledges/{pledge}/take", "{}")]
    [InlineData("bank", "POST", "/api/pledges/{pledge}/recommend", """{"amount":1000000,"ratePercent":4.35,"termMonths":24}""")]
    public async Task Another_organisations_object_is_404_and_unchanged(string stranger, string method, string url, string? body)
    {
        var w = await new HostileWorld(App).BuildAsync();
        HttpContent? content = body switch
        {
            null => null,
            "patent" => JsonContent.Create(PatentSamples.Patent(2)),
            "listing" => JsonContent.Create(new { patentId = w.PatentId, terms = PatentSamples.Licence() }),
            "need" => JsonContent.Create(Matchmaking.Market.Need(title: "篡改")),
            _ => HostileWorld.RawJson(body),
        };
        var before = await FingerprintAsync();

        var response = await w.Stranger(stranger).SendAsync(new HttpRequestMessage(new HttpMethod(method), w.Resolve(url)) { Content = content });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await ProblemAsync(response);
        Assert.Equal(before, await FingerprintAsync());
    }

    [Theory]
    [InlineData("office", "/api/listings/{draft}/submit")]
    [InlineData("admin", "/api/listings/{listing}/reject")]
    [InlineData("enterprise", "/api/offers/{offer}/accept")]
    [InlineData("enterprise", "/api/deals/{deal}/sign")]
    [InlineData("enterprise", "/api/payments/{payment}/intent")]
    [InlineData("bank", "/api/pledges/{pledge}/take")]
    [InlineData("admin", "/api/organizations/{office-org}/verify")]
    [InlineData("enterprise", "/api/needs/{need}/close")]
    [InlineData("admin", "/api/search/reindex")]
    [InlineData("admin", "/api/targets/recount")]
    public async Task A_state_change_by_get_is_405_and_changes_nothing(string who, string url)
    {
        var w = await new HostileWorld(App).BuildAsync();
        var client = who switch
        {
            "office" => w.Market.Office, "admin" => w.Market.Admin, "enterprise" => w.Market.Enterprise, "bank" => w.Pledge.OfficerClient,
            _ => throw new ArgumentOutOfRangeException(nameof(who)),
        };
        var before = await FingerprintAsync();

        var response = await client.GetAsync(w.Resolve(url));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
        Assert.Equal(before, await FingerprintAsync());
    }

    /// <summary>Five wrong passwords lock the account: the right one then waits too (429, Retry-After), as do further guesses.</summary>
    [Theory]
    [InlineData("api")]
    [InlineData("form")]
    public async Task Password_guessing_locks_the_account_and_then_is_rate_limited(string way)
    {
        var user = await App.CreateUserAsync(OrganizationType.Enterprise);
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var token = way == "form" ? TokenPattern().Match(await client.GetStringAsync("/Accounts/Login")).Groups[1].Value : "";
        Task<HttpResponseMessage> TryAsync(string password) => way == "api"
            ? client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password })
            : client.PostAsync("/Accounts/Login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = user.Email, ["Input.Password"] = password, ["__RequestVerificationToken"] = token,
            }));

        for (var i = 0; i < 5; i++)
            Assert.Equal(way == "api" ? HttpStatusCode.Unauthorized : HttpStatusCode.OK, (await TryAsync($"guess number {i}")).StatusCode);
        var right = await TryAsync(user.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Equal(1, await App.Database.CountAsync($"SELECT count(*) FROM users WHERE email = '{user.Email}' AND lockout_end > now()"));

        var last = right;
        for (var i = 0; i < 3; i++) last = await TryAsync($"more guesses {i}");
        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.True(last.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        await ProblemAsync(last);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [Theory]
    [InlineData(SessionsHub.Path)]
    [InlineData(NotificationsHub.Path)]
    [InlineData(TargetsHub.Path)]
    public async Task A_hub_negotiation_from_a_foreign_origin_is_403_and_from_our_own_is_not(string hub)
    {
        var admin = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.ParkOffice));
        var foreign = new HttpRequestMessage(HttpMethod.Post, $"{hub}/negotiate?negotiateVersion=1");
        foreign.Headers.Add("Origin", "https://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.SendAsync(foreign)).StatusCode);

        var own = new HttpRequestMessage(HttpMethod.Post, $"{hub}/negotiate?negotiateVersion=1");
        own.Headers.Add("Origin", App.Server.BaseAddress.GetLeftPart(UriPartial.Authority));
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(own)).StatusCode);
    }

    [Theory]
    [InlineData(SessionsHub.Path)]
    [InlineData(NotificationsHub.Path)]
    [InlineData(TargetsHub.Path)]
    public async Task A_websocket_handshake_from_a_foreign_origin_is_refused_with_403(string hub)
    {
        // The victim is signed in (a page on evil.example would ride on the cookie; a bearer token is the same to the check).
        var admin = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.ParkOffice));
        var sockets = App.Server.CreateWebSocketClient();
        sockets.ConfigureRequest = request =>
        {
            request.Headers.Origin = "https://evil.example";
            request.Headers.Authorization = admin.DefaultRequestHeaders.Authorization!.ToString();
        };

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            sockets.ConnectAsync(new Uri(App.Server.BaseAddress, $"{hub}?id=anything"), CancellationToken.None));

        Assert.Contains("status code: 403", refused.Message);
    }
}
