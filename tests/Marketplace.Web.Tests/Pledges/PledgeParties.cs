using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Patents;
using Marketplace.Tests.Shared;
using Marketplace.Web.Platform.Identity;

namespace Marketplace.Web.Tests.Pledges;

/// <summary>An enterprise with patents, and a bank with an officer and an approver, talking to the API.</summary>
public sealed record PledgeParties(
    TestUser Enterprise, HttpClient Applicant, TestUser Officer, HttpClient OfficerClient, TestUser Approver, HttpClient ApproverClient)
{
    public Guid BankId => Officer.OrganizationId;

    public static async Task<PledgeParties> CreateAsync(WebApp app)
    {
        var enterprise = await app.CreateUserAsync(OrganizationType.Enterprise);
        var officer = await app.CreateUserAsync(OrganizationType.Bank, role: Roles.BankOfficer);
        var approver = await app.AddMemberAsync(officer, Roles.BankApprover);
        return new PledgeParties(enterprise, await app.ClientForAsync(enterprise), officer, await app.ClientForAsync(officer),
            approver, await app.ClientForAsync(approver));
    }

    /// <summary>A granted invention filed 2019 (term to 2039) with fees paid to the end, owned by the enterprise.</summary>
    public Task<Guid> PatentAsync(int n) => RegisterAsync(Applicant, PledgeSamples.Invention(n));

    public static async Task<Guid> RegisterAsync(HttpClient owner, Dictionary<string, object?> patent)
    {
        var response = await owner.PostAsJsonAsync("/api/patents", patent);
        return (await PledgeSamples.OkAsync(response)).GetProperty("id").GetGuid();
    }

    /// <summary>A draft for 1,000,000 yuan against the patents, each appraised at 3,000,000 (maximum loan 1,500,000 each).</summary>
    public async Task<JsonElement> DraftAsync(params Guid[] patentIds) =>
        await PledgeSamples.OkAsync(await Applicant.PostAsJsonAsync("/api/pledges", PledgeSamples.Application(BankId, patentIds)));

    /// <summary>Created, submitted, taken and recommended for <paramref name="amount"/> by the officer.</summary>
    public async Task<Guid> RecommendedAsync(int patentNumber, decimal amount = 1_000_000m)
    {
        var id = (await DraftAsync(await PatentAsync(patentNumber))).GetProperty("id").GetGuid();
        await StepAsync(Applicant, id, "submit");
        await StepAsync(OfficerClient, id, "take");
        await StepAsync(OfficerClient, id, "recommend", new { amount, ratePercent = 4.35m, termMonths = 24, conditions = "按季付息" });
        return id;
    }

    public static async Task<JsonElement> StepAsync(HttpClient client, Guid id, string step, object? body = null) =>
        await PledgeSamples.OkAsync(await client.PostAsJsonAsync($"/api/pledges/{id}/{step}", body ?? new { }));
}

public static class PledgeSamples
{
    public static string Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd");

    /// <summary>A CNIPA pledge registration number given this year (its year is the registration's).</summary>
    public static string Registration(int serial) => $"Y{DateTime.UtcNow.AddHours(8).Year}98{serial:D7}";

    /// <summary>This year's figures: the dashboard's default is the current plan, which today's loans may lie outside.</summary>
    public static string ThisYear => $"/api/targets?year={DateTime.UtcNow.AddHours(8).Year}";

    public static Dictionary<string, object?> Invention(int n)
    {
        var patent = PatentSamples.Patent(n);
        patent["feesPaidThrough"] = "2039-03-14";
        return patent;
    }

    /// <summary>An invention filed in 2005, so its term ended in 2025.</summary>
    public static Dictionary<string, object?> Expired(int n)
    {
        var digits = $"20051{n:D7}";
        var patent = PatentSamples.Patent(n);
        patent["applicationNumber"] = $"{digits}.{ApplicationNumber.CheckCharacter(digits)}";
        patent["filingDate"] = "2005-03-15";
        patent["grantDate"] = "2008-06-01";
        return patent;
    }

    /// <summary>A utility model ending 2029-03-14: under the default four years left.</summary>
    public static Dictionary<string, object?> ShortUtilityModel(int n)
    {
        var patent = Invention(n);
        patent["applicationNumber"] = PatentSamples.Number(n, typeDigit: 2);
        patent["type"] = "UtilityModel";
        patent["grantDate"] = "2019-10-08";
        patent["feesPaidThrough"] = "2029-03-14";
        return patent;
    }

    public static Dictionary<string, object?> Application(Guid bankId, IEnumerable<Guid> patentIds, decimal requested = 1_000_000m) => new()
    {
        ["bankId"] = bankId,
        ["requestedAmount"] = requested,
        ["termMonths"] = 24,
        ["purpose"] = "购置船舶导航设备生产线",
        ["patents"] = patentIds.Select(id => new { patentId = id, value = 3_000_000m }).ToArray(),
        ["valuation"] = new { method = "Income", appraiser = "威海正信资产评估有限公司", reportDate = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-2).ToString("yyyy-MM-dd"), reportNumber = "威正评报字〔2026〕第018号" },
        ["financials"] = new { revenue = 12_000_000m, profit = 1_500_000m, yearsTrading = 6 },
    };

    public static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
