using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Marketplace.Domain.Organizations;
using Marketplace.Web.Tests.Deals;
using Marketplace.Web.Tests.OffPlatform;
using Marketplace.Web.Tests.Pledges;
using Marketplace.Web.Tests.Sessions;
using static Marketplace.Web.Tests.Matchmaking.Market;

namespace Marketplace.Web.Tests.Dashboard;

/// <summary>
/// One truth: after every kind of change — a deal signed, cancelled, paid, refunded; a loan disbursed; evidence
/// documented and verified; registrations imported by a bank and by the park office; a plan entered and edited —
/// the kept totals equal the records recomputed, and the dashboard, the records page, the exports, the white paper and
/// the session board's park figure all show the same figures for the same scope.
/// </summary>
public sealed partial class OneTruthTests(WebApp app) : AppTest(app)
{
    private static readonly int Year = DateTime.UtcNow.AddHours(8).Year;

    [Fact]
    public async Task Every_page_shows_what_the_records_add_up_to_after_a_random_sequence_of_every_kind_of_change()
    {
        var random = new Random(20);
        var deals = new List<(DealScenario Deal, Guid Instalment, string State)>();
        for (var n = 1; n <= 3; n++)
        {
            var s = await new DealScenario(App).AgreeAsync(Licence(100_000m * n), n);
            var instalment = (await s.ScheduleAsync(("Upfront", 100_000m * n))).GetProperty("instalments")[0].GetProperty("id").GetGuid();
            deals.Add((s, instalment, "draft"));
        }
        var admin = deals[0].Deal.Market.Admin;
        var bank = await PledgeParties.CreateAsync(App);
        var loan = await bank.RecommendedAsync(50, amount: 500_000m);
        await PledgeParties.StepAsync(bank.ApproverClient, loan, "approve");
        await PledgeParties.StepAsync(bank.OfficerClient, loan, "register", new { registrationNumber = PledgeSamples.Registration(1234), registeredOn = PledgeSamples.Today });
        var session = (await Json(await admin.PostAsJsonAsync("/api/sessions", SessionWorld.Details()))).GetProperty("id").GetGuid();
        await Json(await admin.PostAsJsonAsync($"/api/sessions/{session}/pitches", new { listingId = deals[0].Deal.ListingId, startsAt = SessionWorld.Start, minutes = 20 }));
        await Json(await admin.PostAsync($"/api/sessions/{session}/open", null));
        var (tranches, imports, plan) = (0, 0, (Guid?)null);

        for (var step = 0; step < 16; step++)
        {
            var i = random.Next(deals.Count);
            var (s, instalment, state) = deals[i];
            switch (random.Next(7))
            {
                case 0 when state == "draft": await s.SignAsync(); state = "signed"; break;
                case 1 when state == "signed" && random.Next(3) == 0:
                    await Json(await s.Seller.PostAsJsonAsync($"/api/deals/{s.DealId}/cancel", new { reason = "合同解除。" })); state = "cancelled"; break;
                case 1 when state == "signed":
                    await Json(await s.Buyer.PostAsJsonAsync($"/api/payments/{instalment}/report-transfer", new { reference = $"ICBC-{step}" }));
                    await Json(await s.Seller.PostAsync($"/api/payments/{instalment}/confirm-transfer", null));
                    state = "paid";
                    break;
                case 2 when state is "signed" or "paid":
                    await Json(await EvidenceTests.AttachAsync(s.Seller, "deal", s.DealId, "ContractPdf", EvidenceTests.Pdf($"deal {step}"), "contract.pdf"));
                    if (random.Next(2) == 0) await Json(await admin.PostAsync($"/api/evidence/deal/{s.DealId}/verify", null));
                    if (state == "paid") await Json(await EvidenceTests.AttachAsync(s.Buyer, "payment", instalment, "BankStatementLine", EvidenceTests.Pdf($"paid {step}"), "s.pdf"));
                    break;
                case 3:
                    await PledgeParties.StepAsync(bank.OfficerClient, loan, "disburse", new { amount = 10_000m + step });
                    tranches++;
                    if (random.Next(2) == 0)
                        await Json(await EvidenceTests.AttachAsync(bank.OfficerClient, "tranche", loan, "BankStatementLine", EvidenceTests.Pdf($"t {step}"), "t.pdf", tranches));
                    break;
                case 4:
                    imports++;
                    await ContractImportTests.ImportAsync(admin, ContractImportTests.Row(DealScenario.Number(700 + imports), "转让", 5_000m * imports));
                    break;
                case 5 when plan is null:
                    plan = (await Json(await admin.PostAsJsonAsync("/api/targets/plans",
                        new { name = "后续计划", from = $"{Year}-01-01", to = $"{Year + 2}-12-31", deals = 4_000_000m, pledgeFinancing = 700_000_000m, sessionsPerYear = 5 })))
                        .GetProperty("id").GetGuid();
                    break;
                case 5:
                    var current = (await admin.GetFromJsonAsync<JsonElement>("/api/targets/plans")).EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == plan);
                    await Json(await admin.PutAsJsonAsync($"/api/targets/plans/{plan}", new
                    {
                        name = "后续计划", from = $"{Year}-01-01", to = $"{Year + 2}-12-31", deals = 4_000_000m + step, pledgeFinancing = 700_000_000m, sessionsPerYear = 5,
                        version = current.GetProperty("version").GetUInt32(),
                    }));
                    break;
                default:
                    await PledgeImportTests.ImportAsync(bank.OfficerClient, PledgeImportTests.Registration(step, 300_000m, 50_000m, 25_000m, certificate: null));
                    break;
            }
            deals[i] = (s, instalment, state);
            await new TotalsTests(App).AssertKeptEqualsRecordsAsync(admin);
            await AssertOneTruthAsync(admin, session);
        }
        await new TotalsTests(App).AssertRebuildChangesNothingAsync();
    }

    private async Task AssertOneTruthAsync(HttpClient admin, Guid session)
    {
        var figures = await admin.GetFromJsonAsync<JsonElement>($"/api/targets?year={Year}");
        var (contracted, received) = (figures.GetProperty("deals").GetProperty("contracted").GetDecimal(), figures.GetProperty("deals").GetProperty("received").GetDecimal());
        var disbursed = figures.GetProperty("pledgeFinancing").GetProperty("disbursed").GetDecimal();
        async Task<decimal> RecordsAsync(string kind, string filter = "") =>
            (await admin.GetFromJsonAsync<JsonElement>($"/api/targets/records/{kind}?year={Year}{filter}")).GetProperty("total").GetDecimal();
        Assert.Equal((contracted, received, disbursed), (await RecordsAsync("deals"), await RecordsAsync("payments"), await RecordsAsync("loans")));
        foreach (var split in figures.GetProperty("evidence").EnumerateArray().Where(e => e.GetProperty("key").GetString() != "sessions"))
        {
            var kind = split.GetProperty("key").GetString() switch { "contracted" => "deals", "received" => "payments", _ => "loans" };
            foreach (var state in new[] { "Declared", "Documented", "Verified" })
                Assert.Equal(split.GetProperty(state.ToLowerInvariant()).GetDecimal(), await RecordsAsync(kind, $"&evidence={state}"));
        }
        var period = $"from={Year}-01-01&to={Year}-12-31";
        // The park office's spreadsheets are read in Chinese, the headers included.
        admin.DefaultRequestHeaders.AcceptLanguage.Clear();
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        Assert.Equal(contracted, CsvSum(await admin.GetByteArrayAsync($"/api/exports/deals?format=csv&{period}"), "合同金额(元)"));
        Assert.Equal(disbursed, CsvSum(await admin.GetByteArrayAsync($"/api/exports/loans?format=csv&{period}"), "放款金额(元)"));

        var paper = await admin.GetStringAsync($"/Reports/WhitePaper/{Year}");
        decimal Paper(string key) => decimal.Parse(Regex.Match(paper, $"data-testid=\"year-{key}\" data-value=\"([^\"]+)\"").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.Equal((contracted, received, disbursed), (Paper("contracted"), Paper("received"), Paper("disbursed")));

        // The board shows the plan the dashboard opens on: the same two figures.
        var current = await App.CreateClient().GetFromJsonAsync<JsonElement>("/api/targets");
        var park = (await App.CreateClient().GetFromJsonAsync<JsonElement>($"/api/sessions/{session}/board")).GetProperty("park");
        Assert.Equal((current.GetProperty("deals").GetProperty("contracted").GetDecimal(), current.GetProperty("pledgeFinancing").GetProperty("disbursed").GetDecimal()),
            (park.GetProperty("deals").GetDecimal(), park.GetProperty("pledges").GetDecimal()));
    }

    private static decimal CsvSum(byte[] csv, string column)
    {
        var lines = Encoding.UTF8.GetString(csv).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var at = Array.IndexOf(lines[0].Split(','), column);
        Assert.True(at >= 0, $"no column {column} in {lines[0]}");
        return lines.Skip(1).Sum(l => decimal.Parse(l.Split(',')[at], CultureInfo.InvariantCulture));
    }
}
