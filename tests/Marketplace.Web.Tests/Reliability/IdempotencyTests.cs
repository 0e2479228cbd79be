using System.Net;
using System.Net.Http.Json;
using Marketplace.Web.Data;
using Marketplace.Web.Tests.Deals;
using Marketplace.Web.Tests.Matchmaking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Marketplace.Web.Tests.Matchmaking.Market;

namespace Marketplace.Web.Tests.Reliability;

public sealed class IdempotencyTests(WebApp app) : AppTest(app)
{
    private static HttpRequestMessage Keyed(HttpMethod method, string url, object? body, string key)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private async Task<int> MessagesAsync(Guid room)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MarketplaceDb>().InquiryMessages.CountAsync(m => m.InquiryId == room);
    }

    private async Task<(Market Market, Guid Room)> RoomAsync()
    {
        var market = await new Market(App).OpenAsync();
        var listing = await market.PublishAsync(1, "一种船舶智能导航装置", "导航。", ["G01C 21/20"], PatentSamples.Licence());
        return (market, await market.OpenInquiryAsync(listing));
    }

    [Fact]
    public async Task A_retried_write_with_the_same_key_has_one_effect_and_the_same_answer()
    {
        var (market, room) = await RoomAsync();
        var before = await MessagesAsync(room);
        var first = await market.Enterprise.SendAsync(Keyed(HttpMethod.Post, $"/api/inquiries/{room}/messages", new { body = "第一次发送" }, "msg-1"));
        var retry = await market.Enterprise.SendAsync(Keyed(HttpMethod.Post, $"/api/inquiries/{room}/messages", new { body = "第一次发送" }, "msg-1"));

        Assert.Equal(first.StatusCode, retry.StatusCode);
        Assert.True(first.IsSuccessStatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.False(first.Headers.Contains("Idempotency-Replayed"));
        Assert.Equal("true", retry.Headers.GetValues("Idempotency-Replayed").Single());
        Assert.Equal(before + 1, await MessagesAsync(room));
    }

    [Fact]
    public async Task The_same_key_with_a_different_request_is_refused_with_422()
    {
        var (market, room) = await RoomAsync();
        await Json(await market.Enterprise.SendAsync(Keyed(HttpMethod.Post, $"/api/inquiries/{room}/messages", new { body = "甲" }, "k")));
        var other = await market.Enterprise.SendAsync(Keyed(HttpMethod.Post, $"/api/inquiries/{room}/messages", new { body = "乙" }, "k"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Contains("different request", await FieldErrorAsync(other, "Idempotency-Key"));
    }

    [Fact]
    public async Task A_refused_request_keeps_nothing_so_the_corrected_one_may_use_the_same_key()
    {
        var scenario = await new DealScenario(App).AgreeAsync();
        var url = $"/api/deals/{scenario.DealId}/sign";
        var wrong = await scenario.Seller.SendAsync(Keyed(HttpMethod.Post, url, new { contractDate = "2020-01-01x", registrationNumber = DealScenario.Contract }, "sign"));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);

        // The deal step runs in the key's transaction (its own unit of work joins it) and commits with the answer.
        var right = await scenario.Seller.SendAsync(Keyed(HttpMethod.Post, url, new { contractDate = DealScenario.Today, registrationNumber = DealScenario.Contract }, "sign"));
        var again = await scenario.Seller.SendAsync(Keyed(HttpMethod.Post, url, new { contractDate = DealScenario.Today, registrationNumber = DealScenario.Contract }, "sign"));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(await right.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        await using var scope = App.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<MarketplaceDb>().AuditEntries
            .CountAsync(e => e.EntityId == scenario.DealId.ToString() && e.Action.Contains("Sign"));
        Assert.Equal(1, audit);
    }

    [Fact]
    public async Task Concurrent_sends_with_one_key_make_one_message_and_all_get_its_answer()
    {
        var (market, room) = await RoomAsync();
        var before = await MessagesAsync(room);
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            market.Enterprise.SendAsync(Keyed(HttpMethod.Post, $"/api/inquiries/{room}/messages", new { body = "并发" }, "same"))));

        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode, r.StatusCode.ToString()));
        Assert.Single((await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()))).Distinct());
        Assert.Equal(before + 1, await MessagesAsync(room));
    }

    [Fact]
    public async Task Keys_belong_to_their_caller()
    {
        var (market, room) = await RoomAsync();
        var before = await MessagesAsync(room);
        await Json(await market.Enterprise.SendAsync(Keyed(HttpMethod.Post, $"/api/inquiries/{room}/messages", new { body = "同一个键" }, "shared")));
        await Json(await market.Office.SendAsync(Keyed(HttpMethod.Post, $"/api/inquiries/{room}/messages", new { body = "同一个键" }, "shared")));
        Assert.Equal(before + 2, await MessagesAsync(room));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("中文键")]
    public async Task A_malformed_key_is_refused_naming_the_header(string key)
    {
        var (market, room) = await RoomAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/inquiries/{room}/messages") { Content = JsonContent.Create(new { body = "x" }) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        var response = await market.Enterprise.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await FieldErrorAsync(response, "Idempotency-Key");
    }
}
