using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Web.Tests.Matchmaking;
using static Marketplace.Web.Tests.Matchmaking.Market;

namespace Marketplace.Web.Tests.Deals;

/// <summary>A deal born from an accepted offer, with helpers for its steps.</summary>
public sealed class DealScenario(WebApp app)
{
    public Market Market { get; private set; } = null!;
    public Guid DealId { get; private set; }
    public Guid ListingId { get; private set; }
    public HttpClient Seller => Market.Office;
    public HttpClient Buyer => Market.Enterprise;

    /// <summary>The contract number of the first scenario (n = 1); a registration number belongs to one deal, so each has its own.</summary>
    public const string Contract = "2025370010000001";

    public static string ContractOf(int n) => $"2025370010{n:D6}";

    public string ContractNumber { get; private set; } = Contract;

    public async Task<DealScenario> AgreeAsync(object? terms = null, int n = 1)
    {
        ContractNumber = ContractOf(n);
        Market = await new Market(app).OpenAsync();
        ListingId = await Market.PublishAsync(n, "一种船舶智能导航装置", "导航。", ["G01C 21/20"], PatentSamples.Licence());
        var room = await Market.OpenInquiryAsync(ListingId);
        var offer = await Json(await Market.Office.PostAsJsonAsync($"/api/inquiries/{room}/offers", terms ?? Licence(300_000m)));
        var accepted = await Json(await Market.Enterprise.PostAsync($"/api/offers/{offer.GetProperty("id")}/accept", null));
        DealId = accepted.GetProperty("dealId").GetGuid();
        return this;
    }

    public static string Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd");

    public async Task<JsonElement> ScheduleAsync(params (string Kind, decimal Amount)[] lines) =>
        await Json(await Seller.PutAsJsonAsync($"/api/deals/{DealId}/payments", new
        {
            instalments = lines.Select((l, i) => new { kind = l.Kind, label = $"第{i + 1}期", dueDate = Today, amount = l.Amount }),
        }));

    public async Task<JsonElement> SignAsync()
    {
        await Json(await Seller.PostAsJsonAsync($"/api/deals/{DealId}/sign", new { contractDate = Today, registrationNumber = ContractNumber }));
        return await Json(await Buyer.PostAsJsonAsync($"/api/deals/{DealId}/sign", new { contractDate = Today, registrationNumber = ContractNumber }));
    }

    public Task<JsonElement> DealAsync() => Seller.GetFromJsonAsync<JsonElement>($"/api/deals/{DealId}");

    public async Task<JsonElement> TargetsAsync() => (await Market.Admin.GetFromJsonAsync<JsonElement>("/api/targets")).GetProperty("deals");
}
