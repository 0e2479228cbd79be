using System.IO.Compression;
using System.Text.Json;
using Marketplace.Domain.Common;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Patents;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Audit;

namespace Marketplace.Web.Features.Demo;

/// <summary>
/// The demo catalog: 310 real Chinese patent records (DemoPatents.jsonl.gz, chosen by data/patents/demo_subset.py)
/// put under the HIT and SDU demo offices. The green-aviation records (PatSnap) have no application number, so one
/// is synthesised from the filing year and the type with a correct check character; the yinwenzhi records keep their
/// real ones. Each patent is registered, listed and published on a date of the plan years, in that order, so the
/// deals, loans and sessions that follow find them already on the market. Made through the domain's own rules.
/// </summary>
public static class DemoCatalog
{
    /// <summary>Named on every page that shows demo data (<see cref="DemoOptions.Seed"/>).</summary>
    public const string Sources = "Getttttttt/Green-Aviation-Patent-Analysis (PatSnap), yinwenzhi/patent_spider (SIPO)";

    public sealed record DemoRecord(
        string Source, string? ApplicationNumber, string Type, string PublicationNumber, string PublicationDate, string FilingDate,
        string Title, string Abstract, string Applicant, string[] Ipc, string? MainIpc, string Status);

    private static readonly DateTimeOffset FirstListing = new(2022, 1, 10, 2, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<DemoRecord> Records()
    {
        using var resource = typeof(DemoCatalog).Assembly.GetManifestResourceStream("DemoPatents.jsonl.gz")
                             ?? throw new InvalidOperationException("The demo's patent records are not embedded.");
        using var reader = new StreamReader(new GZipStream(resource, CompressionMode.Decompress));
        var records = new List<DemoRecord>();
        while (reader.ReadLine() is { } line)
            records.Add(JsonSerializer.Deserialize<DemoRecord>(line, JsonSerializerOptions.Web)!);
        return records;
    }

    public static void Seed(MarketplaceDb db, IReadOnlyList<Guid> universities, DateTimeOffset now)
    {
        var random = new Random(2026);
        var records = Records();
        var span = (now.AddDays(-45) - FirstListing).TotalDays;
        for (var i = 0; i < records.Count; i++)
        {
            var owner = universities[i % universities.Count];
            var details = Details(records[i], owner, i);
            // Registered on a day of 2022 to last month, never before its grant.
            var registered = FirstListing.AddDays(span * i / records.Count);
            if (details.GrantDate is { } grant && BusinessCalendar.ChinaDate(registered) <= grant)
                registered = new DateTimeOffset(grant.AddDays(20).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddHours(2);
            if (BusinessCalendar.ChinaDate(registered) <= details.FilingDate)
                registered = new DateTimeOffset(details.FilingDate.AddDays(30).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddHours(2);
            if (registered > now.AddDays(-20)) registered = now.AddDays(-20 - i % 7);
            var patent = Patent.Create(details, owner, registered);
            db.Patents.Add(patent);
            var day = BusinessCalendar.ChinaDate(registered);
            if (patent.WhyNotListable(day) is null && random.NextDouble() < 0.85)
                db.Listings.Add(Offer(db, patent, owner, random, registered, now));
        }
    }

    private static PatentDetails Details(DemoRecord r, Guid owner, int n)
    {
        var type = r.Type.Contains("实用新型") ? PatentType.UtilityModel : PatentType.Invention;
        var filed = DateOnly.Parse(r.FilingDate);
        var digits = $"{filed.Year}{(type == PatentType.UtilityModel ? 2 : 1)}{9_100_000 + n:D7}";
        var number = r.ApplicationNumber ?? $"{digits}.{ApplicationNumber.CheckCharacter(digits)}";
        var reading = LegalStatusTable.Read(r.Status);
        var status = reading?.Status ?? LegalStatus.Pending;
        // A grant publication (B, U) is dated on the grant; an A publication of a granted invention is not.
        var kind = r.PublicationNumber.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9')[^1];
        DateOnly? grant = status != LegalStatus.Pending && kind is 'B' or 'U' ? DateOnly.Parse(r.PublicationDate) : null;
        var gaps = RecordGaps.Inventors | (reading?.Granted == true && grant is null && status != LegalStatus.Pending ? RecordGaps.GrantDate : RecordGaps.None);
        var publication = kind is 'A' or 'B' or 'U' ? r.PublicationNumber : null;
        return new PatentDetails(number, type, publication, r.Title, null, r.Abstract, null,
            r.Ipc.Where(c => IpcCode.TryParse(c, out _)).Select(c => IpcCode.Parse(c, "ipcCodes").Value).Distinct().Take(PatentDetails.MaxIpcCodes).ToList(),
            r.MainIpc is { } main && IpcCode.TryParse(main, out var m) ? m.Value : null, [],
            [new PatentOwner(owner, 100m, ConsentToList: true)], filed, grant, status,
            status == LegalStatus.Lapsed ? reading!.Reason : null, null, null, reading?.Events ?? LegalEvents.None, gaps);
    }

    /// <summary>Drafted the day after registration, submitted, and published by the park office ten days later
    /// (the last few wait in review).</summary>
    private static Listing Offer(MarketplaceDb db, Patent patent, Guid owner, Random random, DateTimeOffset registered, DateTimeOffset now)
    {
        var created = registered.AddDays(1);
        var day = BusinessCalendar.ChinaDate(created);
        var listing = Listing.Create(patent, owner, OfferTerms(patent, random, day), null, PledgeState.None, day, created);
        listing.Submit(created.AddHours(1));
        DemoAudit.Add(db, created.AddHours(1), Listings.ListingService.AuditEntity, listing.Id, "Submitted", ListingStatus.Draft, listing.Status);
        if (random.NextDouble() < 0.93 && created.AddDays(10) < now.AddDays(-7))
        {
            listing.Approve(created.AddDays(10));
            DemoAudit.Add(db, created.AddDays(10), Listings.ListingService.AuditEntity, listing.Id, "Approved", ListingStatus.PendingReview, listing.Status);
        }
        return listing;
    }

    /// <summary>An offer on a real patent: a licence for most, an open licence for some granted inventions, equity or a
    /// transfer for others (the generated test catalog draws its offers the same way).</summary>
    public static ListingTerms OfferTerms(Patent patent, Random random, DateOnly day)
    {
        var months = Math.Min(60, patent.Remaining(day).TotalMonths);
        var open = patent.Type == PatentType.Invention && patent.IsGranted && random.NextDouble() < 0.25;
        var terms = new ListingTerms(
            random.NextDouble() < 0.7 && months > 0
                ? new LicenceTerms(open ? LicenceKind.NonExclusive : (LicenceKind)random.Next(3), "中国大陆", months, Amount(random, 5, 80) * 10_000m, random.Next(0, 2) == 0 ? null : random.Next(1, 6))
                : null,
            open ? new OpenLicenceTerms(Amount(random, 1, 10) * 10_000m, null, "按年度支付固定许可费，实施期间不限产量。", "银行转账", false) : null,
            random.NextDouble() < 0.2 ? new EquityTerms(Amount(random, 50, 500) * 10_000m, random.Next(5, 31)) : null,
            random.NextDouble() < 0.4 ? (random.Next(2) == 0 ? new TransferTerms(Amount(random, 10, 200) * 10_000m, false) : new TransferTerms(null, true)) : null);
        return terms.Modes.Count == 0 ? terms with { Transfer = new TransferTerms(null, true) } : terms;
    }

    private static decimal Amount(Random random, int min, int max) => random.Next(min, max + 1);
}

/// <summary>Audit rows dated when the demo's step would have happened, so timelines read in order.</summary>
internal static class DemoAudit
{
    public static void Add(MarketplaceDb db, DateTimeOffset at, string entity, object id, string action, object? from, object? to, string? comment = "demo") =>
        db.AuditEntries.Add(new AuditEntry
        {
            OccurredAt = at, Entity = entity, EntityId = id.ToString()!, Action = action,
            FromState = from?.ToString(), ToState = to?.ToString(), Comment = comment,
        });
}
