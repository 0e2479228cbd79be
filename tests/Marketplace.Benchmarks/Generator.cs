using Marketplace.Domain.Listings;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Patents;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Benchmarks;

/// <summary>
/// 100,000 realistic published listings: Chinese and English titles and abstracts built from the zone's fields
/// (medical devices, marine and ship equipment, electronics, new materials), with varied modes and prices.
/// </summary>
internal static class Generator
{
    private static readonly (string Zh, string En, string Ipc)[] Subjects =
    [
        ("手术吻合器", "surgical stapler", "A61B 17/072"), ("血管支架", "vascular stent", "A61F 2/82"), ("超声探头", "ultrasound probe", "A61B 8/00"),
        ("输液监测装置", "infusion monitor", "A61M 5/168"), ("康复训练机器人", "rehabilitation robot", "A61H 1/02"), ("内窥镜", "endoscope", "A61B 1/00"),
        ("船舶导航装置", "ship navigation device", "G01C 21/20"), ("海洋浮标", "ocean buoy", "B63B 22/00"), ("压载水处理装置", "ballast water treatment unit", "C02F 1/32"),
        ("水下机器人推进器", "underwater robot thruster", "B63H 5/07"), ("船体焊接工艺", "hull welding process", "B23K 31/02"), ("深海养殖网箱", "deep-sea aquaculture cage", "A01K 61/60"),
        ("图像识别方法", "image recognition method", "G06V 10/82"), ("模数转换电路", "analogue-to-digital converter", "H03M 1/12"), ("柔性电路板", "flexible circuit board", "H05K 1/02"),
        ("锂电池管理系统", "lithium battery management system", "H01M 10/42"), ("毫米波雷达天线", "millimetre-wave radar antenna", "H01Q 1/32"), ("视觉检测装置", "vision inspection device", "G01N 21/88"),
        ("高强度铝合金", "high-strength aluminium alloy", "C22C 21/00"), ("石墨烯涂层", "graphene coating", "C09D 5/08"), ("碳纤维复合材料", "carbon-fibre composite", "C08J 5/04"),
        ("耐蚀不锈钢", "corrosion-resistant stainless steel", "C22C 38/00"), ("可降解高分子材料", "degradable polymer", "C08L 67/04"), ("镁合金表面处理", "magnesium alloy surface treatment", "C23C 22/00"),
    ];
    private static readonly (string Zh, string En)[] Qualifiers =
    [
        ("智能", "intelligent"), ("低功耗", "low-power"), ("高精度", "high-precision"), ("便携式", "portable"), ("模块化", "modular"),
        ("自适应", "adaptive"), ("微型", "miniature"), ("耐高温", "heat-resistant"), ("无线", "wireless"), ("一体化", "integrated"),
    ];

    public static IReadOnlyList<string> Queries { get; } =
    [
        "船舶 导航", "surgical stapler", "手术吻合器", "锂电池", "battery management", "海洋 浮标", "ballast water", "血管支架", "stent",
        "图像识别", "image recognition", "水下机器人", "underwater thruster", "铝合金", "aluminium alloy", "石墨烯", "graphene coating",
        "超声", "ultrasound probe", "康复", "rehabilitation robot", "柔性电路板", "flexible circuit", "雷达 天线", "radar antenna",
        "不锈钢 耐蚀", "stainless steel", "可降解", "degradable polymer", "焊接", "welding", "养殖 网箱", "aquaculture", "内窥镜", "endoscope",
        "智能 船舶", "intelligent ship navigation", "低功耗 无线", "wireless low-power", "高精度 模数转换", "converter", "视觉检测", "inspection",
    ];

    /// <param name="firstNumber">Added to the serial in the application numbers, so the listings can sit next to the demo
    /// catalog (whose serials are 10,000–21,063) without a duplicate application number.</param>
    public static async Task<int> SeedAsync(MarketplaceDb db, Guid[] owners, int count, int batch = 2000, int firstNumber = 0)
    {
        if (await db.Listings.CountAsync() >= count) return 0;
        var random = new Random(100_000);
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = 0; i < count; i++)
        {
            var (zh, en, ipc) = Subjects[random.Next(Subjects.Length)];
            var (qz, qe) = Qualifiers[random.Next(Qualifiers.Length)];
            var digits = $"{2013 + i % 10}1{firstNumber + i:D7}";
            var owner = owners[i % owners.Length];
            var patent = Patent.Create(new PatentDetails(
                $"{digits}.{ApplicationNumber.CheckCharacter(digits)}", PatentType.Invention, null,
                $"一种{qz}{zh}及其方法", $"{char.ToUpperInvariant(qe[0])}{qe[1..]} {en} and method",
                $"本发明公开了一种{qz}{zh}，适用于{(i % 4) switch { 0 => "医疗器械", 1 => "船舶与海洋装备", 2 => "电子信息", _ => "新材料" }}领域，结构简单、成本低、可靠性高。",
                $"The invention discloses a {qe} {en} with a simple structure, low cost and high reliability.",
                [ipc], ipc, ["王伟", "李静"], [new PatentOwner(owner, 100m, true)],
                Filed(i), Filed(i).AddMonths(24 + i % 12), LegalStatus.Valid, null, null), owner, now);
            var terms = new ListingTerms(
                new LicenceTerms(LicenceKind.NonExclusive, "中国大陆", 24, random.Next(1, 300) * 10_000m, null), null, null,
                i % 3 == 0 ? new TransferTerms(random.Next(10, 500) * 10_000m, false) : null);
            // Published a minute apart, oldest first, as a catalog grows: one shared instant would make every
            // "newest first" page sort all the listings, which no real catalog asks of PostgreSQL.
            var published = now.AddMinutes(i - count);
            var listing = Listing.Create(patent, owner, terms, null, PledgeState.None, today, published);
            listing.Submit(published);
            listing.Approve(published);
            db.Patents.Add(patent);
            db.Listings.Add(listing);
            if ((i + 1) % batch == 0)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return count;
    }

    private static DateOnly Filed(int i) => new(2013 + i % 10, 1 + i % 12, 1 + i % 28);

    public static async Task<Guid[]> OwnersAsync(MarketplaceDb db)
    {
        var existing = await db.Organizations.Where(o => o.Type == OrganizationType.University).Select(o => o.Id).ToArrayAsync();
        if (existing.Length > 0) return existing;
        var now = DateTimeOffset.UtcNow;
        var hit = Organization.Create("哈尔滨工业大学（威海）", "HIT (Weihai)", OrganizationType.University, "12371000400001010U", new("联系人", "0631-5680000", "a@hit.example.cn"), now);
        var sdu = Organization.Create("山东大学（威海）", "SDU (Weihai)", OrganizationType.University, "12371000495571023T", new("联系人", "0631-5680001", "a@sdu.example.cn"), now);
        hit.Verify(now);
        sdu.Verify(now);
        db.Organizations.AddRange(hit, sdu);
        await db.SaveChangesAsync();
        return [hit.Id, sdu.Id];
    }
}
