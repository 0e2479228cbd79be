using Marketplace.Domain.Deals;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Sessions;
using Marketplace.Tests.Shared;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Marketplace.Browser.Tests;

/// <summary>
/// Each role walks its main pages of the Chinese UI over the demo data, with a browser that prefers English (the
/// page's language is the site's choice, not the browser's), and no page shows the server's English or an enum name.
/// One sign-in per role.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ChineseUiTests(BrowserApp app) : IAsyncLifetime
{
    /// <summary>The words a reader meets: the title, the rendered text, and placeholders, labels and tooltips.</summary>
    private const string PageWords = """
        () => [document.title, document.body.innerText,
               ...[...document.querySelectorAll("[placeholder],[aria-label],[title],[alt]")]
                  .flatMap(e => ["placeholder", "aria-label", "title", "alt"].map(a => e.getAttribute(a) ?? ""))].join("\n")
        """;

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task No_page_of_the_chinese_ui_shows_english_server_text_or_enum_names()
    {
        var (pages, data) = await SeedAsync();
        var english = new EnglishOnPage(data);
        var found = new List<string>();
        foreach (var (account, urls) in pages)
        {
            await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, Locale = "en-US" });
            context.SetDefaultNavigationTimeout(60_000);
            var page = await context.NewPageAsync();
            if (account is not null) await SignInAsync(page, account);
            foreach (var url in urls)
            {
                var response = await page.GotoAsync(url);
                Assert.True(response?.Ok, $"{url} as {account ?? "a visitor"}: {response?.Status}");
                Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
                // Live parts (charts, the board) fill in after load; their words count too.
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                var text = await page.EvaluateAsync<string>(PageWords);
                found.AddRange(english.Find(text).Select(e => $"{account ?? "visitor"} {url}: {e}"));
            }
        }
        Assert.True(found.Count == 0, "English on Chinese pages:\n" + string.Join("\n", found));
    }

    /// <summary>Banks and the park office sign in with the demo's authenticator code as well.</summary>
    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/Accounts/Login");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", DemoOptions.DefaultPassword);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync(url => !url.EndsWith("/Accounts/Login", StringComparison.Ordinal));
        if (page.Url.Contains("/Accounts/LoginWith2fa", StringComparison.Ordinal))
        {
            await page.FillAsync("#Code", Authenticator.Code(DemoPeople.DefaultAuthenticatorKey));
            await page.ClickAsync("[data-testid=login-2fa-submit]");
        }
        await page.WaitForURLAsync(url => !url.Contains("/Accounts/Login", StringComparison.Ordinal));
    }

    /// <summary>The demo data (organisations, a catalog, needs, rooms, deals, loans, sessions) and each role's main pages over it.</summary>
    private async Task<(List<(string? Account, string[] Urls)> Pages, List<string> Data)> SeedAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await DemoSeed.SeedAsync(scope.ServiceProvider, DemoOptions.DefaultPassword, TimeProvider.System, CancellationToken.None,
            authenticatorKey: DemoPeople.DefaultAuthenticatorKey);
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDb>();
        var organizations = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.CreditCode, o => o.Id);
        var hit = organizations["12371000400001010U"];
        var enterprise = organizations["91371000MA3C0A019T"];
        var listing = await db.Listings.Where(l => l.OrganizationId == hit && l.Status == ListingStatus.Published).Select(l => l.Id).FirstAsync();
        var room = await db.Inquiries.Where(i => i.OwnerOrganizationId == hit).Select(i => i.Id).FirstAsync();
        var deal = await db.Deals.Where(d => d.Status != DealStatus.Draft).Select(d => d.Id).FirstAsync();
        var need = await db.Needs.Where(n => n.OrganizationId == enterprise).Select(n => n.Id).FirstAsync();
        var pledge = await db.PledgeApplications.Where(p => p.ApplicantOrganizationId == enterprise).Select(p => p.Id).FirstAsync();
        var closed = await db.Sessions.Where(s => s.Status == SessionStatus.Closed).Select(s => s.Id).FirstAsync();
        var year = DateTime.UtcNow.AddHours(8).Year;
        var data = (await db.Organizations.Select(o => o.NameEn).ToListAsync())
            .Concat(await db.Patents.Select(p => p.TitleEn).ToListAsync())
            .Concat(await db.Patents.Select(p => p.AbstractEn).ToListAsync())
            .Concat(await db.Sessions.Select(s => s.Details.TitleEn).ToListAsync())
            .Concat(await db.Users.Select(u => u.Email).ToListAsync())
            .Select(d => d ?? "").ToList();
        List<(string?, string[])> pages =
        [
            (null, ["/", "/Search?Q=船舶", "/Listings", $"/Listings/Detail/{listing}", "/Sessions", $"/Sessions/Detail/{closed}", $"/Sessions/Board/{closed}", "/Targets"]),
            ("hit@demo.local", ["/", "/Listings/Mine", "/Inquiries", $"/Inquiries/Room/{room}", "/Needs", "/Deals", "/Organizations/Mine", "/Patents/Import"]),
            ("enterprise1@demo.local", ["/", "/Needs?show=mine", $"/Needs/Detail/{need}", "/Inquiries", "/Pledges/Mine", $"/Pledges/Detail/{pledge}"]),
            ("officer@bank1.demo.local", ["/", "/Pledges/Queue"]),
            ("park@demo.local", ["/", "/Listings/Moderation", "/Organizations/Verification", "/Pledges/Queue", "/Audit", "/Deals", $"/Deals/Detail/{deal}",
                $"/Targets/Records?Year={year}", "/Targets/Statistics", $"/Sessions/Report/{closed}", "/Needs/Unmatched", $"/Reports/WhitePaper/{year}"]),
        ];
        return (pages, data);
    }
}
