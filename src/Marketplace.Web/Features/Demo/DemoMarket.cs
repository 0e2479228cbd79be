using Marketplace.Domain.Common;
using Marketplace.Domain.Deals;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Matchmaking;
using Marketplace.Domain.Negotiations;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Audit;
using Marketplace.Web.Features.Inquiries;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Demo;

/// <summary>
/// The demand side of the demo: a dozen published needs from the three demo enterprises, and negotiation rooms in
/// different states (talking, countered, agreed with a draft deal, ended, an open licence taken). Made through
/// the domain's rules; the matching worker computes the needs' matches after start-up.
/// </summary>
public static class DemoMarket
{
    private static readonly (string Enterprise, string Title, string Description, string[] Keywords, string[] Ipc, decimal Max, TradeMode[] Modes)[] Needs =
    [
        ("e1", "巡检无人机长航时动力", "海上风电与输电线路巡检无人机需要长航时动力电源，提高单次作业时间。", ["无人机", "动力电源"], ["B64D 27/00"], 600_000m, [TradeMode.Licence, TradeMode.OpenLicence]),
        ("e1", "多旋翼垂直起降平台", "船载多旋翼垂直起降飞行器的结构与控制技术，用于近海监测。", ["旋翼", "垂直起降"], ["B64C 29/00"], 900_000m, [TradeMode.Licence, TradeMode.Transfer]),
        ("e1", "飞行器电池管理与充电", "飞行器锂电池组的保护、管理与快速充电技术。", ["电池", "充电"], [], 500_000m, [TradeMode.Licence, TradeMode.Equity]),
        ("e1", "机翼除冰装置", "高寒海域作业飞行器的机翼自动除冰装置。", ["除冰", "机翼"], ["B64D 15/00"], 700_000m, [TradeMode.Transfer, TradeMode.Licence]),
        ("e2", "医疗转运直升机舱内设备", "医疗转运直升机舱内担架与设备固定装置。", ["直升机", "担架"], [], 400_000m, [TradeMode.Licence]),
        ("e2", "航空发动机燃油控制", "小型航空发动机的燃油计量与电子控制技术。", ["发动机", "燃油"], ["F02C 9/00"], 1_500_000m, [TradeMode.Licence, TradeMode.Equity, TradeMode.Transfer]),
        ("e2", "机载电源电机驱动", "多电飞机电机驱动系统及其上下电时序管理。", ["电机驱动", "多电飞机"], ["H02P 29/00"], 800_000m, [TradeMode.Licence, TradeMode.OpenLicence]),
        ("e2", "飞机起落架收放机构", "通用飞机起落架收放机构及位置告警。", ["起落架"], [], 1_000_000m, [TradeMode.Licence, TradeMode.Equity]),
        ("e3", "碳纤维复合材料修理", "民用飞机复合材料结构的修理工艺与装置。", ["复合材料", "修理"], ["B29C 73/00"], 800_000m, [TradeMode.Licence, TradeMode.Transfer]),
        ("e3", "石墨烯电热复合材料", "含石墨烯的电热防冰复合材料及其制备方法。", ["石墨烯", "电热"], [], 1_200_000m, [TradeMode.Transfer, TradeMode.Licence]),
        ("e3", "电动飞机牵引车", "机场电动飞机牵引车的驱动与控制系统。", ["牵引车", "电动"], ["B64F 1/22"], 1_200_000m, [TradeMode.Licence, TradeMode.Equity]),
        ("e3", "机场光储微电网", "机场APU电能替代的光伏储能系统配置。", ["光储", "机场"], [], 600_000m, [TradeMode.Licence, TradeMode.OpenLicence]),
    ];

    public static async Task SeedAsync(MarketplaceDb db, AuditLog audit, IReadOnlyDictionary<string, Guid> organizations,
        IReadOnlyDictionary<string, Guid> users, DateTimeOffset now, CancellationToken ct)
    {
        var today = BusinessCalendar.ChinaDate(now);
        foreach (var (enterprise, title, description, keywords, ipc, max, modes) in Needs)
        {
            var need = TechnologyNeed.Post(organizations[enterprise], new NeedDetails(title, description, null, ipc, keywords, null, max, modes,
                today.AddDays(60 + title.Length * 7), NeedVisibility.Public), today, now);
            need.Approve(today, now);
            db.Needs.Add(need);
            audit.Record(Features.Needs.NeedService.AuditEntity, need.Id, "Approved", NeedStatus.PendingReview.ToString(), need.Status.ToString(), "demo");
        }

        var listings = await (from l in db.Listings
                              join p in db.Patents on l.PatentId equals p.Id
                              where l.Status == ListingStatus.Published
                              orderby p.ApplicationNumber
                              select new { Listing = l, p.TitleZh }).ToListAsync(ct);
        // A room about a real listing on the topic, or else the next licence offer not taken by another room.
        var taken = new HashSet<Guid>();
        Listing Find(string topic)
        {
            var pick = listings.FirstOrDefault(l => l.TitleZh.Contains(topic) && l.Listing.Terms.Licence is not null && !taken.Contains(l.Listing.Id))
                       ?? listings.First(l => l.Listing.Terms.Licence is not null && !taken.Contains(l.Listing.Id));
            taken.Add(pick.Listing.Id);
            return pick.Listing;
        }

        // Still talking: a question, an offer, a counter-offer waiting for an answer.
        var talking = Room(Find("无人机"), organizations["e1"], "无人机专利许可洽谈", now);
        Say(db, talking, users, "enterprise1@demo.local", organizations["e1"], "您好，我们想就该专利申请普通许可，能否介绍一下技术成熟度？", now.AddHours(-30));
        Say(db, talking, users, OwnerEmail(talking, organizations), talking.OwnerOrganizationId, "已完成样机试飞，可提供测试报告。", now.AddHours(-28));
        var first = talking.Propose(organizations["e1"], users["enterprise1@demo.local"], Licence(150_000m), "首次报价", now.AddHours(-26));
        talking.Counter(first.Id, talking.OwnerOrganizationId, users[OwnerEmail(talking, organizations)], Licence(220_000m), "含技术指导", now.AddHours(-20));

        // Agreed: the office's offer accepted, which makes a draft deal.
        var agreed = Room(Find("发动机"), organizations["e2"], "发动机控制技术许可", now);
        Say(db, agreed, users, "enterprise2@demo.local", organizations["e2"], "希望取得该专利的许可。", now.AddHours(-50));
        var offer = agreed.Propose(agreed.OwnerOrganizationId, users[OwnerEmail(agreed, organizations)], Licence(380_000m), null, now.AddHours(-48));
        agreed.Accept(offer.Id, organizations["e2"], users["enterprise2@demo.local"], now.AddHours(-40));
        var deal = Deal.FromAcceptedOffer(agreed, offer, now.AddHours(-40));
        db.Deals.Add(deal);

        // Ended without agreement after a rejected offer.
        var ended = Room(Find("复合材料"), organizations["e3"], "复合材料专利转让询价", now);
        var low = ended.Propose(organizations["e3"], users["enterprise3@demo.local"], new OfferTerms(TradeMode.Transfer, Price: 100_000m), "预算有限", now.AddHours(-70));
        ended.Reject(low.Id, ended.OwnerOrganizationId, users[OwnerEmail(ended, organizations)], now.AddHours(-60));
        ended.Close(organizations["e3"], users["enterprise3@demo.local"], now.AddHours(-59));

        foreach (var room in new[] { talking, agreed, ended })
        {
            db.Inquiries.Add(room);
            audit.Record(InquiryService.AuditEntity, room.Id, "Opened", null, room.Status.ToString(), "demo");
        }
    }

    private static Inquiry Room(Listing listing, Guid enterprise, string subject, DateTimeOffset now) =>
        Inquiry.Open(listing.Id, listing.PatentId, listing.OrganizationId, enterprise, subject, null, null, now.AddDays(-3));

    private static OfferTerms Licence(decimal lumpSum) => new(TradeMode.Licence, LicenceKind.NonExclusive, "中国大陆", 36, lumpSum, 2m);

    private static string OwnerEmail(Inquiry room, IReadOnlyDictionary<string, Guid> organizations) =>
        room.OwnerOrganizationId == organizations["hit"] ? "hit@demo.local" : "sdu@demo.local";

    private static void Say(MarketplaceDb db, Inquiry room, IReadOnlyDictionary<string, Guid> users, string email, Guid organization,
        string body, DateTimeOffset at) => db.InquiryMessages.Add(new InquiryMessage
        {
            Id = Guid.CreateVersion7(at), InquiryId = room.Id, AuthorUserId = users[email], AuthorOrganizationId = organization,
            AuthorName = email, Body = MessageRules.Body(body), SentAt = at,
        });
}
