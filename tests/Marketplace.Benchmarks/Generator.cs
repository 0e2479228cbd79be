using Marketplace.Benchmarks.Relevance;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Patents;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Benchmarks;

/// <summary>
/// 100,000 published listings built from the real CNIPA records of data/patents: every real title with IPC codes
/// (green aviation, yinwenzhi, renyidake; about 14,500), each with its own abstract where the record has one, else
/// the abstract of another real record of the same IPC subclass (or a BDCI abstract), cycled until the count is
/// reached; later rounds take another abstract of the subclass. Offers (modes, prices) vary from a fixed seed.
/// </summary>
internal static class Generator
{
    /// <summary>The latency queries: the relevance benchmark's hand-written ones (Chinese keywords and English)
    /// and real titles, so the engine is timed on the queries it is judged on.</summary>
    public static IReadOnlyList<string> Queries { get; } = BuildQueries();

    private static List<string> BuildQueries()
    {
        var written = File.ReadLines("tests/Marketplace.Benchmarks/Relevance/queries.tsv").Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => l.Split('\t')[3]);
        var titles = RealRecords.Load().Where(r => r.Source == RealRecords.GreenAviation).Take(20).Select(r => r.Title);
        return [.. written, .. titles];
    }

    /// <param name="firstNumber">Added to the serial in the application numbers, so the listings can sit next to the demo
    /// catalog without a duplicate application number.</param>
    public static async Task<int> SeedAsync(MarketplaceDb db, Guid[] owners, int count, int batch = 2000, int firstNumber = 0)
    {
        if (await db.Listings.CountAsync() >= count) return 0;
        var records = RealRecords.Load();
        var titled = records.Where(r => r.IpcCodes.Count > 0).ToList();
        var abstracts = records.Where(r => r.Subclass is not null && r.Abstract.Length >= 40).GroupBy(r => r.Subclass!)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Abstract).ToArray());
        var anyAbstract = records.Where(r => r.Source == RealRecords.Bdci).Select(r => r.Abstract).ToArray();
        var random = new Random(100_000);
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = 0; i < count; i++)
        {
            var record = titled[i % titled.Count];
            var round = i / titled.Count;
            var pool = abstracts.GetValueOrDefault(record.Subclass!) ?? anyAbstract;
            var text = round == 0 && record.Abstract.Length > 0 ? record.Abstract : pool[random.Next(pool.Length)];
            var type = record.Type == PatentType.UtilityModel ? PatentType.UtilityModel : PatentType.Invention;
            var digits = $"{Filed(i, type).Year}{(type == PatentType.Invention ? 1 : 2)}{firstNumber + i:D7}";
            var owner = owners[i % owners.Length];
            var patent = Patent.Create(new PatentDetails(
                $"{digits}.{ApplicationNumber.CheckCharacter(digits)}", type, null, Cut(record.Title, 200), null, Cut(text, 5000), null,
                record.IpcCodes.Take(PatentDetails.MaxIpcCodes).ToList(), record.IpcCodes[0], ["王伟", "李静"], [new PatentOwner(owner, 100m, true)],
                Filed(i, type), Filed(i, type).AddMonths(type == PatentType.Invention ? 24 + i % 12 : 8), LegalStatus.Valid, null, null), owner, now);
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

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];

    /// <summary>Inventions filed 2013–2022, utility models 2020–2022, so each has more than the two years of its
    /// licence left.</summary>
    private static DateOnly Filed(int i, PatentType type) =>
        new(type == PatentType.Invention ? 2013 + i % 10 : 2020 + i % 3, 1 + i % 12, 1 + i % 28);

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
