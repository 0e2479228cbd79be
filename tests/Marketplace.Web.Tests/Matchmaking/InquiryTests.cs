using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Domain.Organizations;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Marketplace.Web.Tests.Matchmaking.Market;

namespace Marketplace.Web.Tests.Matchmaking;

public sealed class InquiryTests(WebApp app) : AppTest(app)
{
    private async Task<(Market Market, Guid Listing, Guid Room)> RoomAsync()
    {
        var market = await new Market(App).OpenAsync();
        var listing = await market.PublishAsync(1, "一种船舶智能导航装置", "用于近海船舶的导航定位。", ["G01C 21/20"], PatentSamples.Licence());
        return (market, listing, await market.OpenInquiryAsync(listing));
    }

    private async Task<T> CountAsync<T>(Func<MarketplaceDb, Task<T>> query)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<MarketplaceDb>());
    }

    [Fact]
    public async Task Enterprise_and_office_negotiate_to_an_accepted_offer_which_makes_a_draft_deal()
    {
        var (market, listing, room) = await RoomAsync();
        var first = await Json(await market.Enterprise.PostAsJsonAsync($"/api/inquiries/{room}/offers", Licence(150_000m)));
        var counter = await Json(await market.Office.PostAsJsonAsync($"/api/offers/{first.GetProperty("id")}/counter", Licence(220_000m)));
        Assert.Equal(2, counter.GetProperty("number").GetInt32());
        await Json(await market.Office.PostAsJsonAsync($"/api/inquiries/{room}/messages", new { body = "220,000 元是我们的底价。" }));

        var accepted = await Json(await market.Enterprise.PostAsync($"/api/offers/{counter.GetProperty("id")}/accept", null));
        Assert.Equal("Agreed", accepted.GetProperty("inquiry").GetProperty("status").GetString());
        var dealId = accepted.GetProperty("dealId").GetGuid();
        var deal = await CountAsync(db => db.Deals.SingleAsync(d => d.Id == dealId));
        Assert.Equal((220_000m, listing, room), (deal.ContractAmount, deal.ListingId!.Value, deal.InquiryId!.Value));
        Assert.Equal((market.OfficeUser.OrganizationId, market.EnterpriseUser.OrganizationId), (deal.SellerOrganizationId, deal.BuyerOrganizationId));

        var history = (await market.Enterprise.GetFromJsonAsync<JsonElement>($"/api/inquiries/{room}/offers")).EnumerateArray()
            .Select(o => o.GetProperty("status").GetString()).ToList();
        Assert.Equal(["Countered", "Accepted"], history);
        var audit = await CountAsync(db => db.AuditEntries.Where(a => a.EntityId == room.ToString() || a.EntityId == dealId.ToString())
            .OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(["Opened", "OfferProposed", "OfferCountered", "OfferAccepted", "Created"], audit);
    }

    [Fact]
    public async Task Only_the_parties_and_the_park_office_can_read_a_room()
    {
        var (market, _, room) = await RoomAsync();
        var stranger = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.Enterprise));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/inquiries/{room}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/inquiries/{room}/messages")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/inquiries/{room}/messages", new { body = "hi" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await market.Admin.GetAsync($"/api/inquiries/{room}/messages")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await market.Admin.PostAsJsonAsync($"/api/inquiries/{room}/offers", Licence(1))).StatusCode);
        Assert.Empty((await stranger.GetFromJsonAsync<JsonElement>("/api/inquiries")).EnumerateArray());
    }

    [Fact]
    public async Task A_party_cannot_accept_its_own_offer_and_a_superseded_offer_is_a_conflict()
    {
        var (market, _, room) = await RoomAsync();
        var offer = await Json(await market.Enterprise.PostAsJsonAsync($"/api/inquiries/{room}/offers", Licence(150_000m)));
        var own = await market.Enterprise.PostAsync($"/api/offers/{offer.GetProperty("id")}/accept", null);
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Contains("own offer", await FieldErrorAsync(own, "offerId"));

        await Json(await market.Office.PostAsJsonAsync($"/api/offers/{offer.GetProperty("id")}/counter", Licence(200_000m)));
        var stale = await market.Office.PostAsync($"/api/offers/{offer.GetProperty("id")}/accept", null);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Countered", await FieldErrorAsync(stale, "offerId"));
    }

    [Theory]
    [InlineData(-1, "price")]
    [InlineData(0, "price")]
    public async Task Amounts_outside_limits_are_refused_naming_the_field(decimal price, string field)
    {
        var (market, _, room) = await RoomAsync();
        var response = await market.Enterprise.PostAsJsonAsync($"/api/inquiries/{room}/offers", new { terms = new { mode = "Transfer", price } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await FieldErrorAsync(response, field);
        Assert.Equal(0, await CountAsync(db => db.Set<Marketplace.Domain.Negotiations.Offer>().CountAsync()));
    }

    [Fact]
    public async Task Two_accepts_of_the_same_offer_at_once_make_exactly_one_deal()
    {
        var (market, _, room) = await RoomAsync();
        var offer = await Json(await market.Office.PostAsJsonAsync($"/api/inquiries/{room}/offers", Licence(180_000m)));
        var second = await App.ClientForAsync(market.EnterpriseUser);
        var url = $"/api/offers/{offer.GetProperty("id")}/accept";
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => (i % 2 == 0 ? market.Enterprise : second).PostAsync(url, null)));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(1, await CountAsync(db => db.Deals.CountAsync()));
    }

    [Fact]
    public async Task An_open_licence_is_taken_on_its_published_terms_without_negotiation()
    {
        var market = await new Market(App).OpenAsync();
        var openTerms = new { openLicence = new { annualFee = 20_000m, feeStandard = "每年2万元", paymentMethod = "银行转账", evaluationReportNoted = true } };
        var listing = await market.PublishAsync(5, "一种海水淡化膜", "海水淡化用复合膜。", ["C02F 1/44"], openTerms);
        var taken = await Json(await market.Enterprise.PostAsJsonAsync("/api/inquiries/open-licence", new { listingId = listing, termMonths = 24 }));
        Assert.Equal("Accepted", taken.GetProperty("offer").GetProperty("status").GetString());
        Assert.Equal(40_000m, taken.GetProperty("offer").GetProperty("contractAmount").GetDecimal());
        Assert.Equal(1, await CountAsync(db => db.Deals.CountAsync()));

        var plain = await market.PublishAsync(6, "一种海水淡化装置", "海水淡化装置。", ["C02F 1/44"], PatentSamples.Licence());
        var refused = await market.Enterprise.PostAsJsonAsync("/api/inquiries/open-licence", new { listingId = plain, termMonths = 12 });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
    }

    [Fact]
    public async Task Attachments_are_checked_by_content_stored_and_served_to_the_parties_only()
    {
        var (market, _, room) = await RoomAsync();
        using var good = new MultipartFormDataContent
        {
            { new StringContent("合同草案见附件"), "body" },
            { File("%PDF-1.7\n1 0 obj\n", "application/pdf"), "attachment", "合同草案.pdf" },
        };
        var sent = await Json(await market.Office.PostAsync($"/api/inquiries/{room}/messages", good));
        var url = sent.GetProperty("attachment").GetProperty("url").GetString()!;
        var download = await market.Enterprise.GetAsync(url);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", await download.Content.ReadAsStringAsync());
        var stranger = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.Enterprise));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(url)).StatusCode);

        using var disguised = new MultipartFormDataContent { { File("MZ\u0090\0\u0003\0\0\0", "application/pdf"), "attachment", "invoice.pdf" } };
        var refused = await market.Office.PostAsync($"/api/inquiries/{room}/messages", disguised);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("disguised", await FieldErrorAsync(refused, "attachment"));
        using var big = new MultipartFormDataContent { { File("%PDF-" + new string('x', 10 * 1024 * 1024), "application/pdf"), "attachment", "big.pdf" } };
        Assert.Contains("10 MB", await FieldErrorAsync(await market.Office.PostAsync($"/api/inquiries/{room}/messages", big), "attachment"));
        Assert.Equal(1, await CountAsync(db => db.AttachmentBlobs.CountAsync()));
    }

    [Fact]
    public async Task Unread_counts_what_the_other_party_sent_since_the_room_was_opened()
    {
        var (market, _, room) = await RoomAsync();
        Assert.Equal(1, (await market.Office.GetFromJsonAsync<JsonElement>("/api/inquiries/unread")).GetProperty("count").GetInt32());
        Assert.Equal(0, (await market.Enterprise.GetFromJsonAsync<JsonElement>("/api/inquiries/unread")).GetProperty("count").GetInt32());
        await market.Office.GetAsync($"/api/inquiries/{room}/messages");
        Assert.Equal(0, (await market.Office.GetFromJsonAsync<JsonElement>("/api/inquiries/unread")).GetProperty("count").GetInt32());
        await Json(await market.Enterprise.PostAsJsonAsync($"/api/inquiries/{room}/offers", Licence(150_000m)));
        Assert.Equal(1, (await market.Office.GetFromJsonAsync<JsonElement>("/api/inquiries/unread")).GetProperty("count").GetInt32());
    }

    private static ByteArrayContent File(string content, string type)
    {
        var file = new ByteArrayContent(System.Text.Encoding.Latin1.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        return file;
    }
}
