using System.Net;
using System.Net.Http.Json;
using System.Text;
using Marketplace.Domain.Common;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Notifications;
using Marketplace.Web.Features.Payments;
using Marketplace.Web.Tests.Deals;
using Marketplace.Web.Tests.Matchmaking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Marketplace.Web.Tests.Matchmaking.Market;

namespace Marketplace.Web.Tests.Notifications;

public sealed class NotificationCentreTests(WebApp app) : AppTest(app)
{
    [Fact]
    public async Task An_inquiry_is_kept_for_every_member_of_the_listing_owner_in_each_readers_language_and_for_nobody_else()
    {
        var market = await new Market(App).OpenAsync();
        var colleague = await App.AddMemberAsync(market.OfficeUser, market.OfficeUser.Role);
        var listing = await market.PublishAsync(1, "一种船舶智能导航装置", "导航。", ["G01C 21/20"], PatentSamples.Licence());
        var room = await market.OpenInquiryAsync(listing);

        var english = Assert.Single(await Notices.ItemsAsync(market.Office, "inquiry.opened"));
        Assert.StartsWith("New inquiry: ", english.GetProperty("text").GetString());
        Assert.Equal($"/Inquiries/Room/{room}", english.GetProperty("url").GetString());
        Assert.False(english.GetProperty("read").GetBoolean());
        var chinese = Assert.Single(await Notices.ItemsAsync(Notices.InChinese(await App.ClientForAsync(colleague)), "inquiry.opened"));
        Assert.StartsWith("新的询价：", chinese.GetProperty("text").GetString());
        Assert.NotEqual(english.GetProperty("id"), chinese.GetProperty("id"));
        // The enterprise asked; it is not told of its own step.
        Assert.Empty(await Notices.ItemsAsync(market.Enterprise, "inquiry.opened"));

        var offer = await Json(await market.Office.PostAsJsonAsync($"/api/inquiries/{room}/offers", Licence(300_000m)));
        Assert.Single(await Notices.ItemsAsync(market.Enterprise, "inquiry.offer"));
        Assert.Empty(await Notices.ItemsAsync(market.Office, "inquiry.offer"));
        await Json(await market.Enterprise.PostAsync($"/api/offers/{offer.GetProperty("id")}/accept", null));
        Assert.Single(await Notices.ItemsAsync(market.Office, "inquiry.answer"));
    }

    [Fact]
    public async Task A_stripe_payment_tells_both_parties_and_a_confirmed_transfer_tells_the_party_that_did_not_confirm()
    {
        var byStripe = await new DealScenario(App).AgreeAsync();
        await byStripe.ScheduleAsync(("Upfront", 300_000m));
        var instalment = (await byStripe.SignAsync()).GetProperty("instalments")[0].GetProperty("id").GetGuid();
        var intent = (await Json(await byStripe.Buyer.PostAsync($"/api/payments/{instalment}/intent", null))).GetProperty("paymentIntentId").GetString()!;
        App.Stripe.SetState(intent, "succeeded", 30_000_000);
        var (json, signature) = FakeStripe.Event("evt_paid_" + intent, "payment_intent.succeeded", intent);
        var webhook = new HttpRequestMessage(HttpMethod.Post, "/api/stripe/webhook") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        webhook.Headers.Add("Stripe-Signature", signature);
        Assert.Equal(HttpStatusCode.OK, (await App.CreateClient().SendAsync(webhook)).StatusCode);
        await App.Services.GetRequiredService<StripeInbox>().RunOnceAsync(CancellationToken.None);

        var seller = Assert.Single(await Notices.ItemsAsync(byStripe.Seller, "payment.received"));
        Assert.Equal("A payment of 300,000.00 yuan was received for the deal.", seller.GetProperty("text").GetString());
        Assert.Equal($"/Deals/Detail/{byStripe.DealId}", seller.GetProperty("url").GetString());
        var buyer = Assert.Single(await Notices.ItemsAsync(Notices.InChinese(byStripe.Buyer), "payment.received"));
        Assert.Equal("交易收到一笔300,000.00元的付款。", buyer.GetProperty("text").GetString());

        var byTransfer = await new DealScenario(App).AgreeAsync(n: 2);
        await byTransfer.ScheduleAsync(("Upfront", 300_000m));
        var second = (await byTransfer.SignAsync()).GetProperty("instalments")[0].GetProperty("id").GetGuid();
        await Json(await byTransfer.Buyer.PostAsJsonAsync($"/api/payments/{second}/report-transfer", new { reference = "ICBC-1" }));
        Assert.Single(await Notices.ItemsAsync(byTransfer.Seller, "payment.reported"));
        await Json(await byTransfer.Seller.PostAsync($"/api/payments/{second}/confirm-transfer", null));
        Assert.Single(await Notices.ItemsAsync(byTransfer.Buyer, "payment.received"));
        Assert.Empty(await Notices.ItemsAsync(byTransfer.Seller, "payment.received"));
        // The buyer signed last: the seller hears that the deal is signed.
        Assert.NotEmpty(await Notices.ItemsAsync(byTransfer.Seller, "deal.status"));
    }

    [Fact]
    public async Task Ten_thousand_notices_to_one_person_page_count_and_are_read_one_by_one_or_all_at_once()
    {
        var person = await App.CreateUserAsync(Domain.Organizations.OrganizationType.Enterprise);
        var client = await App.ClientForAsync(person);
        await Notices.PostAsync(App, person.Id, NoticeKinds.InquiryOpened, 10_000);

        var first = await Notices.PageAsync(client, pageSize: 100);
        Assert.Equal((10_000, 10_000, 100), (first.GetProperty("total").GetInt32(), first.GetProperty("unread").GetInt32(), first.GetProperty("items").GetArrayLength()));
        Assert.Equal("New inquiry: 第10000号", first.GetProperty("items")[0].GetProperty("text").GetString());
        var last = await Notices.PageAsync(client, page: 100, pageSize: 100);
        Assert.Equal("New inquiry: 第1号", last.GetProperty("items")[99].GetProperty("text").GetString());
        Assert.Equal(0, (await Notices.PageAsync(client, page: 101, pageSize: 100)).GetProperty("items").GetArrayLength());
        Assert.Equal(10_000, await Notices.UnreadAsync(client));

        var one = first.GetProperty("items")[0].GetProperty("id").GetGuid();
        Assert.Equal(9_999, (await Json(await client.PostAsync($"/api/notifications/{one}/read", null))).GetProperty("unread").GetInt32());
        Assert.Equal(9_999, (await Json(await client.PostAsync($"/api/notifications/{one}/read", null))).GetProperty("unread").GetInt32());
        Assert.Equal(9_999, await Notices.UnreadAsync(client));
        Assert.Equal(9_999, (await Notices.PageAsync(client, unread: true)).GetProperty("total").GetInt32());
        Assert.True((await Notices.PageAsync(client, pageSize: 1)).GetProperty("items")[0].GetProperty("read").GetBoolean());

        Assert.Equal(0, (await Json(await client.PostAsync("/api/notifications/read-all", null))).GetProperty("unread").GetInt32());
        Assert.Equal(0, await Notices.UnreadAsync(client));
        Assert.Equal(10_000, (await Notices.PageAsync(client)).GetProperty("total").GetInt32());
        Assert.Equal(0, (await Notices.PageAsync(client, unread: true)).GetProperty("total").GetInt32());

        // A notice written after the reading counts again.
        await Notices.PostAsync(App, person.Id, NoticeKinds.InquiryOpened, 1);
        Assert.Equal(1, await Notices.UnreadAsync(client));
    }

    [Fact]
    public async Task Two_open_changes_that_tell_the_same_person_do_not_wait_for_each_other()
    {
        // The load suite's mixed profile timed out when every notice moved a counter row per person inside its cause's
        // transaction: a second write to the same person waited for the first one's commit.
        var person = await App.CreateUserAsync(Domain.Organizations.OrganizationType.Enterprise);
        await using var first = App.Services.CreateAsyncScope();
        var firstDb = first.ServiceProvider.GetRequiredService<MarketplaceDb>();
        await using var open = await firstDb.Database.BeginTransactionAsync();
        await first.ServiceProvider.GetRequiredService<NoticeBoard>().PostAsync(NoticeAudience.Person(person.Id), NoticeKinds.InquiryOpened,
            new Text("New inquiry: {0}", "第1号"), "/Inquiries", null);

        await using (var second = App.Services.CreateAsyncScope())
        {
            var db = second.ServiceProvider.GetRequiredService<MarketplaceDb>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            // Waiting on the first transaction's locks would fail this statement instead of blocking the test.
            await db.Database.ExecuteSqlRawAsync("SET LOCAL lock_timeout = '2s'");
            await second.ServiceProvider.GetRequiredService<NoticeBoard>().PostAsync(NoticeAudience.Person(person.Id), NoticeKinds.InquiryOpened,
                new Text("New inquiry: {0}", "第2号"), "/Inquiries", null);
            await transaction.CommitAsync();
        }
        var client = await App.ClientForAsync(person);
        Assert.Equal(1, await Notices.UnreadAsync(client));
        await open.CommitAsync();
        // Counted again when the badge asks after the commit (the commit drops the kept count on this instance).
        Assert.Equal(2, await Notices.UnreadAsync(client));
    }

    [Fact]
    public async Task Another_persons_notice_is_not_found_and_stays_unread()
    {
        var owner = await App.CreateUserAsync(Domain.Organizations.OrganizationType.Enterprise);
        var colleague = await App.AddMemberAsync(owner, owner.Role);
        await Notices.PostAsync(App, owner.Id, NoticeKinds.InquiryOpened, 1);
        var id = Assert.Single(await Notices.StoredAsync(App, owner.Id)).Id;

        var other = await App.ClientForAsync(colleague);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/notifications/{id}/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/notifications/{Guid.NewGuid()}/read", null)).StatusCode);
        Assert.Equal(0, (await Notices.PageAsync(other)).GetProperty("total").GetInt32());
        await Json(await other.PostAsync("/api/notifications/read-all", null));
        Assert.Null(Assert.Single(await Notices.StoredAsync(App, owner.Id)).ReadAt);
        Assert.Equal(1, await Notices.UnreadAsync(await App.ClientForAsync(owner)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.CreateClient().GetAsync("/api/notifications")).StatusCode);
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("page=0", "page")]
    public async Task A_page_out_of_range_is_refused_naming_the_field(string query, string field)
    {
        var client = await App.ClientForAsync(await App.CreateUserAsync(Domain.Organizations.OrganizationType.Enterprise));
        var answer = await client.GetAsync($"/api/notifications?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.NotEmpty(await FieldErrorAsync(answer, field));
    }

    [Fact]
    public async Task The_centre_page_lists_the_notices_and_the_navigation_bar_shows_the_count()
    {
        var person = await App.CreateUserAsync(Domain.Organizations.OrganizationType.Enterprise);
        await Notices.PostAsync(App, person.Id, NoticeKinds.InquiryOpened, 3);
        var form = new FormClient(App);
        await form.LoginAsync(person.Email, person.Password);
        var (html, token) = await form.GetPageAsync("/Notifications");
        // A browser session reads the site in Chinese unless it chose English.
        Assert.Contains("新的询价：第3号", WebUtility.HtmlDecode(html));
        Assert.Matches(@"data-testid=""notices-unread""[^>]*>3<", html);

        var posted = await form.PostFormAsync("/Notifications?handler=ReadAll", token);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(0, await Notices.UnreadAsync(await App.ClientForAsync(person)));
    }
}
