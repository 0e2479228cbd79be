using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Domain.Patents;
using Marketplace.Domain.Pledges;
using Marketplace.Web.Features.Search;
using Microsoft.Extensions.DependencyInjection;
using static Marketplace.Web.Tests.Matchmaking.Market;

namespace Marketplace.Web.Tests.Watch;

/// <summary>A lapse reaches everything that rests on the patent in the same transaction, and a restoration undoes it.</summary>
public sealed class LapseTests(WebApp app) : AppTest(app)
{
    private RaisedEvents Raised => App.Services.GetRequiredService<RaisedEvents>();

    [Fact]
    public async Task A_lapse_suspends_the_listing_warns_the_talks_and_watchlists_the_loan_and_a_restoration_undoes_it()
    {
        var s = await new WatchScenario(App).OpenAsync(1);
        Assert.Equal("Published", await s.ListingStatusAsync());

        Assert.True((await s.RecordStatusAsync(LegalStatus.Lapsed, "未缴年费专利权终止")).IsSuccessStatusCode);

        Assert.Equal("Suspended", await s.ListingStatusAsync());
        Assert.Contains("Suspended", await s.AuditActionsAsync("Listing", s.ListingId));
        var room = Assert.Single(Raised.Of<NegotiationWarned>(w => w.InquiryId == s.RoomId));
        Assert.Equal((PatentWarning.Lapsed, s.PatentId, "未缴年费专利权终止"), (room.Warning, room.PatentId, room.Reason));
        var deal = Assert.Single(Raised.Of<DealWarned>(w => w.DealId == s.DealId));
        Assert.Equal(PatentWarning.Lapsed, deal.Warning);

        var entry = Assert.Single((await s.WatchlistAsync(s.Bank)).EnumerateArray());
        Assert.Equal(s.LoanId, entry.GetProperty("pledgeApplicationId").GetGuid());
        Assert.Equal(s.PatentId, entry.GetProperty("patentId").GetGuid());
        Assert.Equal("未缴年费专利权终止", entry.GetProperty("detail").GetString());
        Assert.Equal(nameof(WatchReason.PatentLapsed), entry.GetProperty("reason").GetString());
        Assert.Empty((await s.WatchlistAsync(s.OtherBank)).EnumerateArray());
        Assert.Contains("Watchlisted", await s.AuditActionsAsync("PledgeApplication", s.LoanId));
        Assert.Single(Raised.Of<LoanWatchlisted>(w => w.PledgeApplicationId == s.LoanId));
        // Each of them is told, in the transaction of the lapse: the office, the enterprise in the room and the deal, the bank.
        Assert.True(await App.Database.CountAsync($"SELECT count(*) FROM notices WHERE kind = 'watch.alert' AND subject_id = '{s.RoomId}'") > 0);
        Assert.True(await App.Database.CountAsync($"SELECT count(*) FROM notices WHERE kind = 'watch.alert' AND subject_id = '{s.DealId}'") > 0);
        Assert.True(await App.Database.CountAsync($"SELECT count(*) FROM notices WHERE kind = 'watch.alert' AND subject_id = '{s.LoanId}'") > 0);
        Assert.True(await App.Database.CountAsync($"SELECT count(*) FROM notices WHERE kind = 'watch.alert' AND subject_id = '{s.PatentId}'") > 0);

        // A second lapse record of the same state changes nothing: one suspension, one entry, one warning.
        Assert.True((await s.RecordStatusAsync(LegalStatus.Lapsed, "未缴年费专利权终止")).IsSuccessStatusCode);
        Assert.Single((await s.WatchlistAsync(s.Bank)).EnumerateArray());
        Assert.Single(Raised.Of<NegotiationWarned>(w => w.InquiryId == s.RoomId));
        var roomNotices = await App.Database.CountAsync($"SELECT count(*) FROM notices WHERE kind = 'watch.alert' AND subject_id = '{s.RoomId}'");

        Assert.True((await s.RecordStatusAsync(LegalStatus.Valid, null)).IsSuccessStatusCode);
        Assert.True(await App.Database.CountAsync($"SELECT count(*) FROM notices WHERE kind = 'watch.alert' AND subject_id = '{s.RoomId}'") > roomNotices);

        Assert.Equal("Published", await s.ListingStatusAsync());
        Assert.Contains("Restored", await s.AuditActionsAsync("Listing", s.ListingId));
        Assert.Empty((await s.WatchlistAsync(s.Bank)).EnumerateArray());
        Assert.Contains("WatchResolved", await s.AuditActionsAsync("PledgeApplication", s.LoanId));
        Assert.Contains(Raised.Of<NegotiationWarned>(w => w.InquiryId == s.RoomId), w => w.Warning == PatentWarning.Restored);
        Assert.Contains(Raised.Of<DealWarned>(w => w.DealId == s.DealId), w => w.Warning == PatentWarning.Restored);
    }

    [Fact]
    public async Task A_suspended_listing_stays_in_the_catalog_marked_but_leaves_search_and_takes_no_inquiries()
    {
        var s = await new WatchScenario(App).OpenAsync(2);
        var indexer = App.Services.GetRequiredService<SearchIndexer>();
        await indexer.RunOnceAsync(CancellationToken.None);
        Assert.Contains(await SearchAsync("智能导航装置2"), id => id == s.ListingId);

        await s.RecordStatusAsync(LegalStatus.Lapsed, "专利权的终止");
        await indexer.RunOnceAsync(CancellationToken.None);

        Assert.DoesNotContain(await SearchAsync("智能导航装置2"), id => id == s.ListingId);
        var visitor = App.CreateClient();
        var detail = await visitor.GetStringAsync($"/Listings/Detail/{s.ListingId}");
        Assert.Contains("data-testid=\"suspended\"", detail);
        var catalog = await Json(await visitor.GetAsync("/api/listings"));
        Assert.Contains(catalog.GetProperty("items").EnumerateArray(),
            l => l.GetProperty("id").GetGuid() == s.ListingId && l.GetProperty("status").GetString() == "Suspended");

        var late = await App.ClientForAsync(await App.CreateUserAsync(Domain.Organizations.OrganizationType.Enterprise));
        var refused = await late.PostAsJsonAsync("/api/inquiries", new { listingId = s.ListingId, message = "还能谈吗？" });
        Assert.True(refused.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.BadRequest or HttpStatusCode.NotFound,
            $"{(int)refused.StatusCode}: {await refused.Content.ReadAsStringAsync()}");

        await s.RecordStatusAsync(LegalStatus.Valid, null);
        await indexer.RunOnceAsync(CancellationToken.None);
        Assert.Contains(await SearchAsync("智能导航装置2"), id => id == s.ListingId);
    }

    [Fact]
    public async Task A_listing_submitted_before_the_lapse_cannot_be_approved_after_it()
    {
        var s = await new WatchScenario(App).OpenAsync(3);
        var patent = PatentSamples.Patent(4);
        var patentId = (await Json(await s.Seller.PostAsJsonAsync("/api/patents", patent))).GetProperty("id").GetGuid();
        var listingId = (await Json(await s.Seller.PostAsJsonAsync("/api/listings", new { patentId, terms = PatentSamples.Licence() }))).GetProperty("id").GetGuid();
        await Json(await s.Seller.PostAsync($"/api/listings/{listingId}/submit", null));
        var version = (await Json(await s.Seller.GetAsync($"/api/patents/{patentId}"))).GetProperty("version").GetUInt32();
        patent["legalStatus"] = "Lapsed";
        patent["lapseReason"] = "未缴年费专利权终止";
        patent["version"] = version;
        Assert.True((await s.Seller.PutAsJsonAsync($"/api/patents/{patentId}", patent)).IsSuccessStatusCode);

        var approval = await s.Admin.PostAsync($"/api/listings/{listingId}/approve", null);
        Assert.Equal(HttpStatusCode.Conflict, approval.StatusCode);
        Assert.Contains("lapsed", await FieldErrorAsync(approval, "patentId"));
    }

    private async Task<List<Guid>> SearchAsync(string q) =>
        (await Json(await App.CreateClient().GetAsync("/api/search?q=" + Uri.EscapeDataString(q) + "&nocache=" + Guid.NewGuid())))
            .GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("listingId").GetGuid()).ToList();
}
