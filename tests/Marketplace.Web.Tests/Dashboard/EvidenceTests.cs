using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Marketplace.Domain.Organizations;
using Marketplace.Web.Data;
using Marketplace.Web.Tests.Deals;
using Marketplace.Web.Tests.Pledges;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Marketplace.Web.Tests.Matchmaking.Market;

namespace Marketplace.Web.Tests.Dashboard;

public sealed class EvidenceTests(WebApp app) : AppTest(app)
{
    private static readonly int Year = DateTime.UtcNow.AddHours(8).Year;

    /// <summary>A small but real PDF: its first bytes make it one, whatever it is called.</summary>
    public static byte[] Pdf(string text = "contract") => System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n% {text}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

    public static async Task<HttpResponseMessage> AttachAsync(HttpClient client, string kind, Guid id, string documentKind, byte[] content, string name,
        int? tranche = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        return await client.PostAsync($"/api/evidence/{kind}/{id}/documents?documentKind={documentKind}" + (tranche is { } n ? $"&tranche={n}" : ""), form);
    }

    private static async Task<JsonElement> EvidenceOfAsync(HttpClient client, string key)
    {
        var figures = await client.GetFromJsonAsync<JsonElement>($"/api/targets?year={Year}");
        return figures.GetProperty("evidence").EnumerateArray().Single(e => e.GetProperty("key").GetString() == key);
    }

    [Fact]
    public async Task A_party_documents_a_deal_the_park_office_verifies_it_each_move_audited_and_the_dashboard_splits_the_figure()
    {
        var s = await new DealScenario(App).AgreeAsync();
        await s.SignAsync();
        var declared = await EvidenceOfAsync(s.Market.Admin, "contracted");
        Assert.Equal((300_000m, 0m, 0m), (declared.GetProperty("declared").GetDecimal(), declared.GetProperty("documented").GetDecimal(), declared.GetProperty("verified").GetDecimal()));

        var pdf = Pdf();
        var attached = await AttachAsync(s.Seller, "deal", s.DealId, "ContractPdf", pdf, "扫描件.png");
        Assert.Equal(HttpStatusCode.Created, attached.StatusCode);
        var document = await attached.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("application/pdf", Convert.ToHexStringLower(SHA256.HashData(pdf))), (document.GetProperty("contentType").GetString(), document.GetProperty("sha256").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, (await AttachAsync(s.Buyer, "deal", s.DealId, "ContractPdf", pdf, "again.pdf")).StatusCode);

        var url = document.GetProperty("url").GetString()!;
        Assert.Equal(pdf, await s.Buyer.GetByteArrayAsync(url));
        Assert.Equal(pdf, await s.Market.Admin.GetByteArrayAsync(url));
        var stranger = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.Enterprise));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/evidence/deal/{s.DealId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await AttachAsync(stranger, "deal", s.DealId, "ContractPdf", Pdf("x"), "x.pdf")).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await s.Seller.PostAsync($"/api/evidence/deal/{s.DealId}/verify", null)).StatusCode);
        var verified = await Json(await s.Market.Admin.PostAsync($"/api/evidence/deal/{s.DealId}/verify", null));
        Assert.Equal("Verified", verified.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await s.Market.Admin.PostAsync($"/api/evidence/deal/{s.DealId}/verify", null)).StatusCode);
        Assert.Equal(300_000m, (await EvidenceOfAsync(s.Market.Admin, "contracted")).GetProperty("verified").GetDecimal());
        var listed = await s.Market.Admin.GetFromJsonAsync<JsonElement>($"/api/targets/records/deals?year={Year}&evidence=Verified");
        Assert.Equal((1, 300_000m), (listed.GetProperty("count").GetInt32(), listed.GetProperty("total").GetDecimal()));
        Assert.Equal(0, (await s.Market.Admin.GetFromJsonAsync<JsonElement>($"/api/targets/records/deals?year={Year}&evidence=Declared")).GetProperty("count").GetInt32());

        await FieldErrorAsync(await s.Market.Admin.PostAsJsonAsync($"/api/evidence/deal/{s.DealId}/withdraw", new { reason = "" }), "reason");
        await Json(await s.Market.Admin.PostAsJsonAsync($"/api/evidence/deal/{s.DealId}/withdraw", new { reason = "签字页缺失" }));
        var trail = await DbAsync(db => db.AuditEntries.Where(a => a.Entity == "Deal" && a.EntityId == s.DealId.ToString() && (a.Action.Contains("Verif") || a.Action == "EvidenceDocumented"))
            .OrderBy(a => a.Id).Select(a => new { a.Action, a.FromState, a.ToState, a.UserEmail, a.Comment }).ToListAsync());
        Assert.Equal(["EvidenceDocumented", "EvidenceVerified", "VerificationWithdrawn"], trail.Select(a => a.Action));
        Assert.Equal(("Documented", "Verified"), (trail[1].FromState, trail[1].ToState));
        Assert.NotNull(trail[1].UserEmail);
        Assert.Equal("签字页缺失", trail[2].Comment);
        Assert.Equal(1, await App.Database.CountAsync("SELECT count(*) FROM audit_log WHERE entity = 'EvidenceDocument' AND action = 'Attached'"));
        await new TotalsTests(App).AssertRebuildChangesNothingAsync();
    }

    [Fact]
    public async Task A_file_that_is_no_pdf_or_image_by_content_and_a_50_MB_file_are_refused_naming_the_file()
    {
        var s = await new DealScenario(App).AgreeAsync();
        await s.SignAsync();
        var disguised = await AttachAsync(s.Seller, "deal", s.DealId, "ContractPdf", "PK\u0003\u0004 a zip called pdf"u8.ToArray(), "contract.pdf");
        Assert.Contains("PDF, PNG or JPEG", await FieldErrorAsync(disguised, "file"));
        var huge = new byte[50 * 1024 * 1024];
        "%PDF-1.4"u8.CopyTo(huge);
        var tooBig = await AttachAsync(s.Seller, "deal", s.DealId, "ContractPdf", huge, "contract.pdf");
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        await FieldErrorAsync(tooBig, "file");
        await FieldErrorAsync(await AttachAsync(s.Seller, "deal", s.DealId, "PledgeCertificate", Pdf(), "c.pdf"), "documentKind");
        Assert.Equal(0, await App.Database.CountAsync("SELECT count(*) FROM evidence_documents"));
        Assert.Equal("Declared", (await s.DealAsync()).GetProperty("evidence").GetString());
    }

    [Fact]
    public async Task A_bank_documents_a_tranche_with_its_statement_and_the_park_office_verifies_it()
    {
        var p = await PledgeParties.CreateAsync(App);
        var loan = await p.RecommendedAsync(70, amount: 400_000m);
        await PledgeParties.StepAsync(p.ApproverClient, loan, "approve");
        await PledgeParties.StepAsync(p.OfficerClient, loan, "register", new { registrationNumber = PledgeSamples.Registration(4321), registeredOn = PledgeSamples.Today });
        await PledgeParties.StepAsync(p.OfficerClient, loan, "disburse", new { amount = 150_000m });
        var admin = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.ParkOffice));
        Assert.Equal(HttpStatusCode.NotFound, (await AttachAsync(p.OfficerClient, "tranche", loan, "BankStatementLine", Pdf(), "s.pdf", tranche: 2)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await AttachAsync(p.OfficerClient, "tranche", loan, "BankStatementLine", Pdf("statement"), "流水.pdf", tranche: 1)).StatusCode);
        Assert.Equal(150_000m, (await EvidenceOfAsync(admin, "disbursed")).GetProperty("documented").GetDecimal());
        await Json(await admin.PostAsync($"/api/evidence/tranche/{loan}/verify?tranche=1", null));
        Assert.Equal(150_000m, (await EvidenceOfAsync(admin, "disbursed")).GetProperty("verified").GetDecimal());
        var other = await PledgeParties.CreateAsync(App);
        Assert.Equal(HttpStatusCode.NotFound, (await other.OfficerClient.GetAsync($"/api/evidence/tranche/{loan}?tranche=1")).StatusCode);
        var steps = await DbAsync(db => db.AuditEntries.Where(a => a.Entity == "PledgeApplication" && a.EntityId == loan.ToString() && a.Action.StartsWith("Evidence"))
            .OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(["EvidenceDocumented", "EvidenceVerified"], steps);
        await new TotalsTests(App).AssertRebuildChangesNothingAsync();
    }

    private async Task<T> DbAsync<T>(Func<MarketplaceDb, Task<T>> read)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<MarketplaceDb>());
    }
}
