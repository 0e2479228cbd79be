using Marketplace.Domain.Patents;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Demo;

/// <summary>The demo shows real patents, and its dates tell one story.</summary>
public sealed class DemoTimelineTests(WebApp app) : AppTest(app)
{
    private async Task SeedAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await DemoSeed.SeedAsync(scope.ServiceProvider, DemoOptions.DefaultPassword, TimeProvider.System, CancellationToken.None);
    }

    [Fact]
    public async Task The_catalog_is_the_real_records_with_valid_application_numbers()
    {
        await SeedAsync();
        var records = DemoCatalog.Records();
        Assert.Equal(310, records.Count);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDb>();
        var titles = await db.Patents.Select(p => new { p.TitleZh, p.ApplicationNumber }).ToListAsync();
        Assert.All(records, r => Assert.Contains(titles, t => t.TitleZh == r.Title));
        Assert.All(titles, t => Assert.True(ApplicationNumber.TryParse(t.ApplicationNumber, out _), t.ApplicationNumber));
        // The yinwenzhi records keep their real numbers.
        var real = records.Where(r => r.ApplicationNumber is not null).Select(r => ApplicationNumber.Parse(r.ApplicationNumber).Value).ToList();
        Assert.Equal(40, real.Count);
        Assert.All(real, n => Assert.Contains(titles, t => t.ApplicationNumber == n));
        Assert.DoesNotContain(titles, t => t.TitleZh.Contains("结构简单、成本低"));
    }

    [Fact]
    public async Task Listings_come_before_their_deals_and_sessions_and_loans_span_the_plan_years()
    {
        await SeedAsync();
        Assert.True(await App.Database.CountAsync("SELECT count(*) FROM deals") >= 12);
        Assert.Equal(0, await App.Database.CountAsync("""
            SELECT count(*) FROM deals d JOIN listings l ON l.patent_id = d.patent_id
            WHERE d.contract_date IS NOT NULL AND l.published_at IS NOT NULL AND (l.published_at AT TIME ZONE 'Asia/Shanghai')::date >= d.contract_date
            """));
        Assert.Equal(0, await App.Database.CountAsync("""
            SELECT count(*) FROM session_pitches p JOIN listings l ON l.id = p.listing_id JOIN matchmaking_sessions s ON s.id = p.session_id
            WHERE l.published_at IS NULL OR l.published_at >= s.starts_at
            """));
        Assert.Equal(0, await App.Database.CountAsync("SELECT count(*) FROM patents p JOIN listings l ON l.patent_id = p.id WHERE l.created_at < p.created_at"));
        Assert.Equal(0, await App.Database.CountAsync("SELECT count(*) FROM matchmaking_sessions WHERE starts_at < now() - interval '1 day' AND status <> 'Closed'"));
        Assert.Equal(0, await App.Database.CountAsync("SELECT count(*) FROM matchmaking_sessions WHERE details::text LIKE '%example%'"));
        Assert.Equal(4, await App.Database.CountAsync("SELECT count(DISTINCT year) FROM pledge_totals WHERE disbursed > 0 AND year BETWEEN 2022 AND 2025"));
        Assert.Equal(0, await App.Database.CountAsync("SELECT count(*) FROM audit_log WHERE occurred_at > now() + interval '1 minute'"));
    }

    [Fact]
    public async Task The_sleeping_tag_follows_the_register_and_the_deals()
    {
        await SeedAsync();
        var published = await App.Database.CountAsync("SELECT count(*) FROM listings WHERE status = 'Published'");
        var sleeping = await App.Database.CountAsync("""
            SELECT count(*) FROM listings l JOIN patents p ON p.id = l.patent_id WHERE l.status = 'Published' AND p.sleeps_until >= current_date
            """);
        Assert.InRange(sleeping, 1, published - 1);
        // A transfer in the register, or a deal recorded here, wakes a patent.
        Assert.Equal(0, await App.Database.CountAsync("SELECT count(*) FROM patents WHERE sleeps_until IS NOT NULL AND (recorded_events & 7 <> 0 OR awakened_on IS NOT NULL)"));
        Assert.True(await App.Database.CountAsync("SELECT count(*) FROM patents WHERE awakened_on IS NOT NULL") >= 6);
    }
}
