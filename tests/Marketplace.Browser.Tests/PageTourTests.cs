using static Microsoft.Playwright.Assertions;

namespace Marketplace.Browser.Tests;

/// <summary>
/// Every main page of every role at 1280 and 390 px: a screenshot kept as an artefact, the axe-core WCAG 2.1 AA
/// check, and no console error. The market is built once for the class and each role signs in once (the tests of a
/// class run one after another, so no other class resets the data in between).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PageTourTests(BrowserApp app)
{
    private static readonly SemaphoreSlim Building = new(1, 1);
    private static TourWorld? _world;

    private async Task<TourWorld> WorldAsync()
    {
        await Building.WaitAsync();
        try { return _world ??= await TourWorld.BuildAsync(app); }
        finally { Building.Release(); }
    }

    public static TheoryData<string> Roles() =>
        [TourWorld.Anonymous, TourWorld.Office, TourWorld.Enterprise, TourWorld.Park, TourWorld.Officer, TourWorld.Approver];

    private static IEnumerable<string> PagesOf(string role, TourWorld w) => role switch
    {
        TourWorld.Anonymous => ["/", "/Search?q=浮标", "/Listings", $"/Listings/Detail/{w.ListingId}", "/Sessions", $"/Sessions/Detail/{w.SessionId}",
            $"/Sessions/Board/{w.SessionId}", "/Targets", "/Accounts/Login", "/Accounts/Register"],
        TourWorld.Office => ["/", "/Patents", "/Patents/Edit", "/Listings/Mine", $"/Listings/Edit/{w.ListingId}", $"/Listings/Detail/{w.ListingId}",
            "/Inquiries", $"/Inquiries/Room/{w.RoomId}", "/Deals", $"/Deals/Detail/{w.DealId}", "/Needs", "/Organizations/Mine",
            "/Notifications", "/Notifications/Preferences", "/Watch/LegalStatus", "/Watch", $"/Watch/Patent/{w.PatentId}"],
        TourWorld.Enterprise => ["/", $"/Listings/Detail/{w.ListingId}", "/Needs", "/Needs/New", "/Inquiries", $"/Inquiries/Room/{w.RoomId}",
            "/Deals", $"/Deals/Detail/{w.DealId}", "/Pledges/Mine", "/Pledges/Apply", $"/Sessions/Board/{w.SessionId}"],
        TourWorld.Park => ["/", "/Listings/Moderation", "/Organizations/Verification", "/Needs?show=review", "/Needs/Unmatched", "/Deals",
            $"/Sessions/Detail/{w.SessionId}?PitchSearch=浮标", $"/Sessions/Console/{w.SessionId}", "/Targets", "/Targets/Statistics",
            "/Pledges/Queue", "/Audit", "/Accounts/TwoFactor", "/Targets/Plans", "/OffPlatform/Contracts", "/OffPlatform/Pledges",
            "/Notifications/Mailbox", $"/Evidence/deal/{w.DealId}", "/Watch"],
        TourWorld.Approver => ["/", "/Pledges/Queue", "/Pledges/Policy", "/Accounts/TwoFactor"],
        _ => ["/", "/Pledges/Queue", "/Accounts/TwoFactor", "/OffPlatform/Pledges", "/Notifications"],
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Every_page_of_the_role_is_accessible_error_free_and_photographed_at_both_widths(string role)
    {
        var world = await WorldAsync();
        var problems = new List<string>();
        foreach (var width in new[] { 1280, 390 })
        {
            await using var context = await world.ContextAsync(app, role, width);
            context.SetDefaultNavigationTimeout(60_000);
            var page = await context.NewPageAsync();
            var errors = PageChecks.WatchConsole(page);
            foreach (var path in PagesOf(role, world))
            {
                var response = await page.GotoAsync(path);
                Assert.True(response?.Ok, $"{role} {path}: {response?.Status}");
                if (!path.StartsWith("/Accounts")) Assert.DoesNotContain("/Accounts/Login", page.Url);
                await page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
                await PageChecks.ScreenshotAsync(page, $"{role}-{Name(path)}-{width}");
                if (width == 1280) problems.AddRange(await PageChecks.AccessibilityViolationsAsync(page));
            }
            problems.AddRange(errors);
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task The_home_page_tells_the_role_what_to_do_now(string role)
    {
        var world = await WorldAsync();
        await using var context = await world.ContextAsync(app, role, 1280);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        var section = role switch
        {
            TourWorld.Anonymous => "home-public", TourWorld.Office => "home-office", TourWorld.Enterprise => "home-enterprise",
            TourWorld.Park => "home-park", _ => "home-bank",
        };
        await Expect(page.Locator($"[data-testid={section}]")).ToBeVisibleAsync();
        switch (role)
        {
            case TourWorld.Anonymous:
                await Expect(page.Locator("[data-testid=next-session]")).ToContainTextAsync("海洋装备专场对接会");
                break;
            case TourWorld.Office or TourWorld.Enterprise:
                // The negotiation that became a deal is agreed, not open; the room is listed among the inquiries instead.
                await Expect(page.Locator("header")).ToContainTextAsync("我的工作");
                break;
            case TourWorld.Park:
                await Expect(page.Locator("[data-testid=home-park]")).ToContainTextAsync("项挂牌待审核");
                break;
            default:
                await Expect(page.Locator("[data-testid=home-bank]")).ToContainTextAsync("笔申请等待您处理");
                break;
        }
        // One line of menus at 1280 px: the header is no taller than one row of links.
        var header = await page.Locator("header.top").BoundingBoxAsync();
        Assert.True(header!.Height < 70, $"{role}: the header wraps ({header.Height}px)");
    }

    private static string Name(string path)
    {
        var name = path.Trim('/').Split('?')[0];
        name = System.Text.RegularExpressions.Regex.Replace(name, "[0-9a-f]{8}-[0-9a-f-]{27}", "x");
        return name.Length == 0 ? "home" : name.Replace('/', '_');
    }
}
