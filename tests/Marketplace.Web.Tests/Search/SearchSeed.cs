using Marketplace.Domain.Listings;
using Marketplace.Domain.Patents;
using Marketplace.Web.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Search;

/// <summary>Published listings written straight through the domain, for search tests that need many.</summary>
public static class SearchSeed
{
    public sealed record Item(string TitleZh, string? TitleEn, string AbstractZh, string Ipc, decimal? Price = 100_000m, PatentType Type = PatentType.Invention);

    public static readonly Item[] RealLooking =
    [
        new("一种用于船舶的智能导航装置及方法", "Intelligent navigation device and method for ships", "本发明公开了一种用于船舶的智能导航装置，融合北斗定位与雷达信息，实现船舶自主避碰导航。", "G01C 21/20"),
        new("一种船用压载水处理装置", "Ballast water treatment device for ships", "本发明涉及船舶压载水处理，采用紫外线与过滤相结合的方式杀灭水生生物。", "C02F 1/32"),
        new("一种车载导航系统的路径规划方法", "Route planning method for vehicle navigation systems", "本发明公开了一种车载导航系统的路径规划方法，基于实时路况计算最优路线。", "G01C 21/34"),
        new("一种带关节钳口的微创手术吻合器", "Minimally invasive surgical stapler with articulating jaws", "本发明公开了一种手术吻合器，钳口可多角度转动，适用于腹腔镜手术。", "A61B 17/072"),
        new("一种医用超声探头", "Medical ultrasound probe", "本实用新型公开了一种医用超声探头，提高了成像清晰度。", "A61B 8/00", 50_000m, PatentType.UtilityModel),
        new("一种高强度耐海水腐蚀铝合金及其制备方法", "High-strength seawater-resistant aluminium alloy and its preparation", "本发明公开了一种铝合金，适用于船舶与海洋工程结构。", "C22C 21/00", null),
        new("一种锂电池管理系统", "Lithium battery management system", "本发明公开了一种锂电池管理系统，可实时监测电池单体电压与温度。", "H01M 10/42", 2_000_000m),
        new("一种水下机器人推进器", "Thruster for underwater robots", "本发明公开了一种水下机器人推进器，推进效率高、噪声低。", "B63H 5/07"),
    ];

    public static async Task<List<Guid>> SeedAsync(WebApp app, Guid organizationId, IEnumerable<Item> items)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDb>();
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var ids = new List<Guid>();
        var n = 0;
        foreach (var item in items)
        {
            n++;
            var digits = $"2019{(item.Type == PatentType.Invention ? 1 : 2)}{n:D7}";
            var patent = Patent.Create(new PatentDetails(
                $"{digits}.{ApplicationNumber.CheckCharacter(digits)}", item.Type, null, item.TitleZh, item.TitleEn, item.AbstractZh, null,
                [item.Ipc], item.Ipc, ["张三"], [new PatentOwner(organizationId, 100m, true)],
                new DateOnly(2019, 3, 1), new DateOnly(2021, 3, 1), LegalStatus.Valid, null, null), organizationId, now);
            var terms = item.Price is { } price
                ? new ListingTerms(new LicenceTerms(LicenceKind.NonExclusive, "中国大陆", 24, price, null), null, null, null)
                : new ListingTerms(null, null, null, new TransferTerms(null, true));
            var listing = Listing.Create(patent, organizationId, terms, null, PledgeState.None, today, now);
            listing.Submit(now);
            listing.Approve(now);
            db.Patents.Add(patent);
            db.Listings.Add(listing);
            ids.Add(listing.Id);
        }
        await db.SaveChangesAsync();
        return ids;
    }
}
