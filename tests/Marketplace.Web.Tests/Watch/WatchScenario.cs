using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Patents;
using Marketplace.Tests.Shared;
using Marketplace.Web.Features.Accounts;
using Marketplace.Web.Features.Search;
using Marketplace.Web.Tests.Pledges;
using Microsoft.Extensions.DependencyInjection;
using static Marketplace.Web.Tests.Matchmaking.Market;
using Marketplace.Web.Platform.Identity;

namespace Marketplace.Web.Tests.Watch;

/// <summary>
/// One patent with everything a lapse touches: an enterprise owns it, lists it (published), pledges it at a bank
/// (submitted); one buyer negotiates over it (open room), another has a deal on it that is not yet signed.
/// </summary>
public sealed class WatchScenario(WebApp app)
{
    public TestUser SellerUser { get; private set; } = null!;
    public HttpClient Seller { get; private set; } = null!;
    public HttpClient Admin { get; private set; } = null!;
    public TestUser Officer { get; private set; } = null!;
    public HttpClient Bank { get; private set; } = null!;
    public HttpClient OtherBank { get; private set; } = null!;
    public Dictionary<string, object?> PatentBody { get; private set; } = null!;
    public Guid PatentId { get; private set; }
    public Guid ListingId { get; private set; }
    public Guid LoanId { get; private set; }
    public Guid RoomId { get; private set; }
    public Guid DealId { get; private set; }

    public async Task<WatchScenario> OpenAsync(int n)
    {
        SellerUser = await app.CreateUserAsync(OrganizationType.Enterprise);
        Seller = await app.ClientForAsync(SellerUser);
        Admin = await app.ClientForAsync(await app.CreateUserAsync(OrganizationType.ParkOffice));
        Officer = await app.CreateUserAsync(OrganizationType.Bank, role: Roles.BankOfficer);
        Bank = await app.ClientForAsync(Officer);
        OtherBank = await app.ClientForAsync(await app.CreateUserAsync(OrganizationType.Bank, role: Roles.BankOfficer));

        PatentBody = PledgeSamples.Invention(n);
        PatentId = (await Json(await Seller.PostAsJsonAsync("/api/patents", PatentBody))).GetProperty("id").GetGuid();
        ListingId = (await Json(await Seller.PostAsJsonAsync("/api/listings", new { patentId = PatentId, terms = PatentSamples.Licence() })))
            .GetProperty("id").GetGuid();
        await Json(await Seller.PostAsync($"/api/listings/{ListingId}/submit", null));
        await Json(await Admin.PostAsync($"/api/listings/{ListingId}/approve", null));

        LoanId = (await Json(await Seller.PostAsJsonAsync("/api/pledges", PledgeSamples.Application(Officer.OrganizationId, [PatentId]))))
            .GetProperty("id").GetGuid();
        await PledgeParties.StepAsync(Seller, LoanId, "submit");

        var negotiator = await app.ClientForAsync(await app.CreateUserAsync(OrganizationType.Enterprise));
        RoomId = (await Json(await negotiator.PostAsJsonAsync("/api/inquiries", new { listingId = ListingId, message = "您好，想了解许可条件。" })))
            .GetProperty("id").GetGuid();

        var buyer = await app.ClientForAsync(await app.CreateUserAsync(OrganizationType.Enterprise));
        var dealRoom = (await Json(await buyer.PostAsJsonAsync("/api/inquiries", new { listingId = ListingId, message = "想谈许可。" }))).GetProperty("id").GetGuid();
        var offer = await Json(await Seller.PostAsJsonAsync($"/api/inquiries/{dealRoom}/offers", Licence(300_000m)));
        DealId = (await Json(await buyer.PostAsync($"/api/offers/{offer.GetProperty("id")}/accept", null))).GetProperty("dealId").GetGuid();
        return this;
    }

    /// <summary>The owner records the register's state on the patent (as from CNIPA's register).</summary>
    public async Task<HttpResponseMessage> RecordStatusAsync(LegalStatus status, string? reason)
    {
        var current = await Json(await Seller.GetAsync($"/api/patents/{PatentId}"));
        var body = new Dictionary<string, object?>(PatentBody)
        {
            ["legalStatus"] = status.ToString(), ["lapseReason"] = reason, ["version"] = current.GetProperty("version").GetUInt32(),
        };
        return await Seller.PutAsJsonAsync($"/api/patents/{PatentId}", body);
    }

    /// <summary>The listing's state once the indexer has heard of the change (it evicts the listing's cached answer).</summary>
    public async Task<string> ListingStatusAsync()
    {
        await app.Services.GetRequiredService<SearchIndexer>().RunOnceAsync(CancellationToken.None);
        return (await Json(await Admin.GetAsync($"/api/listings/{ListingId}"))).GetProperty("status").GetString()!;
    }

    public async Task<JsonElement> WatchlistAsync(HttpClient bank) => await Json(await bank.GetAsync("/api/pledges/watchlist"));

    public async Task<List<string>> AuditActionsAsync(string entity, Guid id) =>
        (await Json(await Admin.GetAsync($"/api/audit?entity={entity}&entityId={id}"))).GetProperty("entries").EnumerateArray()
            .Select(e => e.GetProperty("action").GetString()!).ToList();
}
