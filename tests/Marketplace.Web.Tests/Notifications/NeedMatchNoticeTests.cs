using Marketplace.Web.Tests.Matchmaking;
using static Marketplace.Web.Tests.Matchmaking.Market;

namespace Marketplace.Web.Tests.Notifications;

/// <summary>A need's organisation is told of listings published after the need that match it, once each.</summary>
public sealed class NeedMatchNoticeTests(WebApp app) : AppTest(app)
{
    [Fact]
    public async Task An_enterprise_is_told_of_a_new_matching_listing_once_and_not_of_the_market_it_posted_into()
    {
        var market = await new Market(App).OpenAsync();
        var older = await market.PublishAsync(1, "一种船舶智能导航装置", "用于近海船舶的智能导航装置，提高定位精度。", ["G01C 21/20"], PatentSamples.Licence());
        var need = await market.OpenNeedAsync();
        await market.SettleAsync();
        Assert.Empty(await Notices.ItemsAsync(market.Enterprise, "need.match"));

        var newer = await market.PublishAsync(2, "一种船舶导航定位系统", "近海船舶的导航定位系统，定位精度高。", ["G01C 21/20"], PatentSamples.Licence());
        await market.PublishAsync(3, "一种锂电池正极材料", "一种高镍三元锂电池正极材料的制备方法。", ["H01M 4/525"], PatentSamples.Licence());
        await market.SettleAsync();

        Assert.Equal("船舶导航定位技术", (await Json(await market.Enterprise.GetAsync($"/api/needs/{need}"))).GetProperty("details").GetProperty("title").GetString());
        var told = Assert.Single(await Notices.ItemsAsync(Notices.InChinese(market.Enterprise), "need.match"));
        Assert.Equal("有新挂牌与您的技术需求“船舶导航定位技术”匹配：一种船舶导航定位系统", told.GetProperty("text").GetString());
        Assert.Equal($"/Listings/Detail/{newer}", told.GetProperty("url").GetString());
        Assert.NotEqual(older, newer);

        // Another listing rematches every open need from scratch: the same listing is not told again.
        await market.PublishAsync(4, "一种海水淡化反渗透膜", "用于海水淡化的反渗透膜组件。", ["C02F 1/44"], PatentSamples.Licence());
        await market.SettleAsync();
        Assert.Contains(newer, (await Json(await market.Enterprise.GetAsync($"/api/needs/{need}/matches"))).EnumerateArray().Select(m => m.GetProperty("listingId").GetGuid()));
        Assert.Single(await Notices.ItemsAsync(market.Enterprise, "need.match"));
        Assert.Empty(await Notices.ItemsAsync(market.Office, "need.match"));
    }
}
