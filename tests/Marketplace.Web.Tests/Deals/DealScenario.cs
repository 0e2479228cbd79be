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

    /// <summary>A technology-contract registration number of this year (registration follows the contract, dated today).</summary>
    public static string Contract => Number(1);

    /// <summary>This scenario's own registration number: one number is one contract, so each deal of a test has its own.</summary>
    public string ContractNumber { get; private set; } = Contract;

    public static string Number(int serial) => $"{DateTime.UtcNow.AddHours(8).Year}3710{serial:D8}";

    /// <summary>A CNIPA licence-contract record number of this year.</summary>
    public static string Record => $"X{DateTime.UtcNow.AddHours(8).Year}370000123";

    public async Task<DealScenario> AgreeAsync(object? terms = null, int n = 1)
    {
        Market = await new Market(app).OpenAsync();
        ContractNumber = Number(n);
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

    /// <summary>This year's deal figures (the dashboard's default is the current plan, which today's deals may lie outside).</summary>
    public async Task<JsonElement> TargetsAsync() =>
        (await Market.Admin.GetFromJsonAsync<JsonElement>($"/api/targets?year={DateTime.UtcNow.AddHours(8).Year}")).GetProperty("deals");
}
