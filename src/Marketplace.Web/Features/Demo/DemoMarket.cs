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
        ("e1", "渔船导航定位技术", "提高近海渔船导航定位精度的智能导航技术，用于自主研发的渔船导航终端。", ["导航", "船舶"], ["G01C 21/00"], 500_000m, [TradeMode.Licence, TradeMode.OpenLicence]),
        ("e1", "海洋环境监测浮标", "用于近海水质和气象监测的浮标系统，需长期无人值守。", ["浮标", "海洋监测"], [], 800_000m, [TradeMode.Licence, TradeMode.Transfer]),
        ("e1", "水下机器人推进器", "海底管线巡检用水下机器人的推进装置。", ["水下机器人", "推进器"], ["B63H 5/00"], 900_000m, [TradeMode.Licence, TradeMode.Equity]),
        ("e1", "深远海养殖网箱", "抗风浪的深海养殖网箱，用于威海近海养殖基地。", ["养殖", "网箱"], [], 1_200_000m, [TradeMode.Transfer, TradeMode.Licence]),
        ("e2", "腹腔镜吻合器", "我公司生产腹腔镜器械，需要微创手术吻合器技术，提高吻合可靠性。", ["吻合器", "微创"], ["A61B 17/00"], 800_000m, [TradeMode.Licence]),
        ("e2", "可吸收血管支架", "寻求可降解材料制成的血管支架及其制备工艺。", ["血管支架", "可降解"], [], 2_000_000m, [TradeMode.Licence, TradeMode.Equity, TradeMode.Transfer]),
        ("e2", "便携式超声探头", "医用超声成像探头的设计，用于便携式B超设备。", ["超声", "探头"], ["A61B 8/00"], 600_000m, [TradeMode.Licence, TradeMode.OpenLicence]),
        ("e2", "康复训练机器人", "用于中风患者下肢康复训练的机器人。", ["康复", "机器人"], [], 1_000_000m, [TradeMode.Licence, TradeMode.Equity]),
        ("e3", "石墨烯防腐涂层", "船舶与海工装备用石墨烯防腐复合涂层。", ["石墨烯", "涂层"], ["C09D 5/00"], 800_000m, [TradeMode.Licence, TradeMode.Transfer]),
        ("e3", "耐海水腐蚀不锈钢", "海洋工程用耐海水腐蚀的不锈钢材料。", ["不锈钢", "耐腐蚀"], [], 1_500_000m, [TradeMode.Transfer, TradeMode.Licence]),
        ("e3", "高强度铝合金", "船舶上层建筑轻量化用的高强度铝合金。", ["铝合金", "高强度"], ["C22C 21/00"], 1_200_000m, [TradeMode.Licence, TradeMode.Equity]),
        ("e3", "可降解包装材料", "可降解高分子包装材料及其制备方法。", ["可降解", "高分子"], [], 600_000m, [TradeMode.Licence, TradeMode.OpenLicence]),
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
        Listing Find(string topic) => listings.First(l => l.TitleZh.Contains(topic) && l.Listing.Terms.Licence is not null).Listing;

        // Still talking: a question, an offer, a counter-offer waiting for an answer.
        var talking = Room(Find("船舶的智能导航装置"), organizations["e1"], "导航装置许可洽谈", now);
        Say(db, talking, users, "enterprise1@demo.local", organizations["e1"], "您好，我们想就该导航装置申请普通许可，能否介绍一下技术成熟度？", now.AddHours(-30));
        Say(db, talking, users, OwnerEmail(talking, organizations), talking.OwnerOrganizationId, "已完成样机海试，可提供测试报告。", now.AddHours(-28));
        var first = talking.Propose(organizations["e1"], users["enterprise1@demo.local"], Licence(150_000m), "首次报价", now.AddHours(-26));
        talking.Counter(first.Id, talking.OwnerOrganizationId, users[OwnerEmail(talking, organizations)], Licence(220_000m), "含技术指导", now.AddHours(-20));

        // Agreed: the office's offer accepted, which makes a draft deal.
        var agreed = Room(Find("微创手术吻合器"), organizations["e2"], "吻合器独占许可", now);
        Say(db, agreed, users, "enterprise2@demo.local", organizations["e2"], "希望取得该吻合器专利的许可。", now.AddHours(-50));
        var offer = agreed.Propose(agreed.OwnerOrganizationId, users[OwnerEmail(agreed, organizations)], Licence(380_000m), null, now.AddHours(-48));
        agreed.Accept(offer.Id, organizations["e2"], users["enterprise2@demo.local"], now.AddHours(-40));
        var deal = Deal.FromAcceptedOffer(agreed, offer, now.AddHours(-40));
        db.Deals.Add(deal);

        // Ended without agreement after a rejected offer.
        var ended = Room(Find("高强度铝合金"), organizations["e3"], "铝合金转让询价", now);
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
