using Marketplace.Domain.Common;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Patents;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Shared;

/// <summary>
/// The generated 24-topic catalog the demo had before it showed real records, kept for the matching-quality test
/// whose labelled needs (<see cref="MatchingLabels"/>) name its topics. Not demo data: tests only.
/// </summary>
public static class GeneratedCatalog
{
    private sealed record Topic(string Zh, string En, string Ipc);

    private static readonly Topic[][] Industries =
    [
        [new("一种微创手术吻合器", "Minimally invasive surgical stapler", "A61B 17/072"), new("一种可降解血管支架", "Biodegradable vascular stent", "A61F 2/82"),
         new("一种医用超声探头", "Medical ultrasound probe", "A61B 8/00"), new("一种智能输液监测装置", "Smart infusion monitoring device", "A61M 5/168"),
         new("一种骨科内固定钢板", "Orthopaedic internal fixation plate", "A61B 17/80"), new("一种康复训练机器人", "Rehabilitation training robot", "A61H 1/02")],
        [new("一种用于船舶的智能导航装置", "Intelligent navigation device for ships", "G01C 21/20"), new("一种海洋浮标监测系统", "Ocean buoy monitoring system", "B63B 22/00"),
         new("一种船用压载水处理装置", "Marine ballast water treatment device", "C02F 1/32"), new("一种水下机器人推进器", "Underwater robot thruster", "B63H 5/07"),
         new("一种船体焊接变形控制方法", "Method for controlling hull welding deformation", "B23K 31/02"), new("一种深海养殖网箱", "Deep-sea aquaculture cage", "A01K 61/60")],
        [new("一种基于深度学习的图像识别方法", "Deep-learning image recognition method", "G06V 10/82"), new("一种高精度模数转换电路", "High-precision analogue-to-digital converter circuit", "H03M 1/12"),
         new("一种柔性印刷电路板", "Flexible printed circuit board", "H05K 1/02"), new("一种锂电池管理系统", "Lithium battery management system", "H01M 10/42"),
         new("一种毫米波雷达天线", "Millimetre-wave radar antenna", "H01Q 1/32"), new("一种工业视觉检测装置", "Industrial machine-vision inspection device", "G01N 21/88")],
        [new("一种高强度铝合金", "High-strength aluminium alloy", "C22C 21/00"), new("一种石墨烯复合涂层", "Graphene composite coating", "C09D 5/08"),
         new("一种碳纤维增强树脂基复合材料", "Carbon-fibre reinforced resin composite", "C08J 5/04"), new("一种耐海水腐蚀不锈钢", "Seawater-corrosion-resistant stainless steel", "C22C 38/00"),
         new("一种可降解高分子材料", "Degradable polymer material", "C08L 67/04"), new("一种镁合金表面处理工艺", "Surface treatment process for magnesium alloy", "C23C 22/00")],
    ];

    private static readonly (string Zh, string En)[] Variants =
        [("", ""), ("及其制备方法", " and its preparation method"), ("及系统", " and system"), ("及其控制方法", " and its control method"), ("及其应用", " and its use")];
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "孙", "徐"];
    private static readonly string[] GivenNames = ["伟", "芳", "磊", "静", "强", "敏", "洋", "婷", "涛", "丽", "军", "晨", "浩", "雪"];

    /// <summary>Under the demo's two university offices, which <c>DemoSeed</c> created without its catalog.</summary>
    public static async Task SeedAsync(MarketplaceDb db, int count, DateTimeOffset now)
    {
        var universities = await db.Organizations.Where(o => o.CreditCode == "12371000400001010U" || o.CreditCode == "12371000495571023T")
            .OrderBy(o => o.CreditCode).Select(o => o.Id).ToListAsync();
        Seed(db, universities, count, now);
        await db.SaveChangesAsync();
    }

    private static void Seed(MarketplaceDb db, IReadOnlyList<Guid> universities, int count, DateTimeOffset now)
    {
        var random = new Random(2026);
        var today = BusinessCalendar.ChinaDate(now);
        for (var i = 0; i < count; i++)
        {
            var owner = universities[i % universities.Count];
            var industry = Industries[i % Industries.Length];
            var invention = random.NextDouble() < 0.7;
            // A utility model protects a product's shape or structure, never a method or a material as such.
            var devices = industry.Where(t => !new[] { "方法", "工艺", "材料", "合金", "涂层", "钢" }.Any(t.Zh.Contains)).ToArray();
            if (devices.Length == 0) invention = true;
            var topics = invention ? industry : devices;
            var topic = topics[random.Next(topics.Length)];
            var variant = invention ? Variants[random.Next(Variants.Length)] : Variants[random.Next(2) * 2];
            var type = invention ? PatentType.Invention : PatentType.UtilityModel;
            var filed = new DateOnly(invention ? random.Next(2012, 2023) : random.Next(2018, 2024), random.Next(1, 13), random.Next(1, 29));
            var digits = $"{filed.Year}{(invention ? 1 : 2)}{10_000 + i * 37:D7}";
            var roll = random.NextDouble();
            var status = roll < 0.05 ? LegalStatus.Lapsed : roll < 0.1 ? LegalStatus.Pending : LegalStatus.Valid;
            DateOnly? granted = status == LegalStatus.Pending ? null : filed.AddMonths(invention ? random.Next(20, 40) : random.Next(6, 12));
            if (granted > today) (granted, status) = (null, LegalStatus.Pending);
            var details = new PatentDetails(
                $"{digits}.{ApplicationNumber.CheckCharacter(digits)}", type, null,
                topic.Zh + variant.Zh, topic.En + variant.En,
                $"本{(invention ? "发明" : "实用新型")}公开了{topic.Zh}{variant.Zh}，结构简单、成本低，适用于{(i % 4) switch { 0 => "医疗器械", 1 => "海洋与船舶装备", 2 => "电子信息", _ => "新材料" }}领域的产业化应用。",
                null, [topic.Ipc], topic.Ipc, Inventors(random),
                [new PatentOwner(owner, 100m, ConsentToList: true)], filed, granted, status,
                status == LegalStatus.Lapsed ? "未缴年费专利权终止" : null, null);
            var patent = Patent.Create(details, owner, now);
            db.Patents.Add(patent);
            if (patent.WhyNotListable(today) is null && random.NextDouble() < 0.85)
                db.Listings.Add(Offer(patent, owner, random, today, now));
        }
    }

    private static Listing Offer(Patent patent, Guid owner, Random random, DateOnly today, DateTimeOffset now)
    {
        var terms = Marketplace.Web.Features.Demo.DemoCatalog.OfferTerms(patent, random, today);
        var listing = Listing.Create(patent, owner, terms, null, PledgeState.None, today, now);
        var stage = random.NextDouble();
        if (stage < 0.9) listing.Submit(now);
        if (stage < 0.8) listing.Approve(now);
        return listing;
    }


    private static string[] Inventors(Random random) =>
        Enumerable.Range(0, random.Next(2, 5)).Select(_ => Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)]
            + (random.Next(2) == 0 ? GivenNames[random.Next(GivenNames.Length)] : "")).Distinct().ToArray();
}
