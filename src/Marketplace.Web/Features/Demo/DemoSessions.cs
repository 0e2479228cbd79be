using Marketplace.Domain.Common;
using Marketplace.Domain.Deals;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Matchmaking;
using Marketplace.Domain.Negotiations;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Sessions;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Audit;
using Marketplace.Web.Features.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Demo;

/// <summary>
/// The park's matchmaking sessions: four a year in 2023–2025, held and closed with attendance, interest and a
/// deal or two each (so their reports have something to say), and one upcoming session open for registration.
/// Made through the domain's rules at the dates they would have happened; a session pitches listings published
/// at least a month before it.
/// </summary>
public static class DemoSessions
{
    private static readonly string[] Themes = ["航空装备", "智能制造", "新能源与电力", "电子信息"];
    private static readonly int[] Months = [3, 6, 9, 11];
    private static readonly string[] Participants = ["e1", "e2", "e3", "hit", "sdu", "bank1", "bank2"];

    public static async Task SeedAsync(MarketplaceDb db, AuditLog audit, IReadOnlyDictionary<string, Guid> organizations, DateTimeOffset now, CancellationToken ct)
    {
        // Terms are stored as JSON, so licences are picked in memory; a session pitches only what was on the market then.
        var listings = (await db.Listings.Where(l => l.Status == ListingStatus.Published).OrderBy(l => l.PublishedAt).ToListAsync(ct))
            .Where(l => l.Terms.Licence is not null).ToList();
        var types = await db.Organizations.Where(o => organizations.Values.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Type, ct);
        var n = 0;
        for (var year = 2023; year <= 2025; year++)
            for (var quarter = 0; quarter < 4; quarter++, n++)
            {
                var starts = new DateTimeOffset(year, Months[quarter], 12 + quarter, 14, 0, 0, BusinessCalendar.ChinaOffset).ToUniversalTime();
                if (starts > now) continue;
                var onMarket = listings.Where(l => l.PublishedAt < starts.AddDays(-35)).ToList();
                var agenda = onMarket.Skip(Math.Max(0, onMarket.Count - 4 - n % 3 * 4)).Take(4).ToList();
                if (agenda.Count == 0) continue;
                Held(db, audit, organizations, types, agenda, $"{year}年第{quarter + 1}期{Themes[quarter]}专场供需对接会", Themes[quarter], starts, n);
            }
        var next = BusinessCalendar.ToChinaTime(now).Date.AddDays(21).AddHours(14);
        var upcoming = MatchmakingSession.Create(Details("航空与智能装备专场供需对接会", "Aviation and intelligent equipment", "航空装备",
            new DateTimeOffset(next, BusinessCalendar.ChinaOffset).ToUniversalTime()), now);
        Agenda(upcoming, listings.Take(4).ToList(), now);
        upcoming.OpenRegistration(now);
        db.Sessions.Add(upcoming);
        DemoAudit.Add(db, now, SessionService.AuditEntity, upcoming.Id, "RegistrationOpened", SessionStatus.Draft, upcoming.Status);
    }

    private static void Held(MarketplaceDb db, AuditLog audit, IReadOnlyDictionary<string, Guid> organizations, IReadOnlyDictionary<Guid, OrganizationType> types,
        List<Listing> agenda, string title, string theme, DateTimeOffset starts, int n)
    {
        var announced = starts.AddDays(-30);
        var session = MatchmakingSession.Create(Details(title, null, theme, starts), announced);
        Agenda(session, agenda, announced);
        session.OpenRegistration(announced);
        var registrations = Participants.Select((key, i) =>
        {
            var registration = SessionRegistration.Register(session, organizations[key], types[organizations[key]], null, announced.AddDays(1 + i));
            registration.Approve(session, i, announced.AddDays(2 + i));
            return registration;
        }).ToList();
        // Most come to the hall; one or two follow online.
        foreach (var (registration, i) in registrations.Select((r, i) => (r, i)).Where(x => (x.i + n) % 5 != 4))
            registration.CheckIn(session, starts.AddMinutes(-20 + i));
        session.GoLive(starts);
        foreach (var registration in registrations.Where(r => !r.Attended && (n % 2 == 0))) registration.MarkOnline(session, starts.AddMinutes(5));
        var enterprises = registrations.Where(r => r.OrganizationType == OrganizationType.Enterprise).ToList();
        foreach (var (pitch, p) in session.Agenda.ToList().Select((x, i) => (x, i)))
        {
            session.StartPitch(pitch.Id, starts.AddMinutes(20 * p));
            foreach (var enterprise in enterprises.Where((_, e) => (e + p + n) % 3 != 0))
                db.SessionInterests.Add(SessionInterest.Express(session, pitch.Id, enterprise, null, p == 0 ? "希望了解许可条件" : null, starts.AddMinutes(20 * p + 5)));
        }
        session.Close(starts.AddHours(3));
        db.Sessions.Add(session);
        db.SessionRegistrations.AddRange(registrations);
        DemoAudit.Add(db, starts.AddHours(3), SessionService.AuditEntity, session.Id, "Closed", SessionStatus.Live, session.Status);
        Deal(db, session, agenda[0], enterprises[n % enterprises.Count].OrganizationId, 150_000m + 50_000m * (n % 5), starts.AddDays(12));
    }

    /// <summary>An inquiry opened from the session and agreed weeks later: the session's deal.</summary>
    private static void Deal(MarketplaceDb db, MatchmakingSession session, Listing listing, Guid enterprise, decimal amount, DateTimeOffset at)
    {
        var inquiry = Inquiry.Open(listing.Id, listing.PatentId, listing.OrganizationId, enterprise, "对接会洽谈", null, session.Id, at.AddDays(-10));
        inquiry.Propose(listing.OrganizationId, null, new OfferTerms(TradeMode.Licence, LicenceKind.NonExclusive, "中国大陆", 36, amount, 2m), null, at.AddDays(-5));
        var offer = inquiry.Accept(inquiry.Offers[^1].Id, enterprise, null, at);
        db.Inquiries.Add(inquiry);
        db.Deals.Add(Domain.Deals.Deal.FromAcceptedOffer(inquiry, offer, at));
    }

    private static SessionDetails Details(string title, string? titleEn, string theme, DateTimeOffset starts) =>
        new(title, titleEn, theme, starts, starts.AddHours(3), "威海火炬高技术产业开发区会展中心", null, 200, starts.AddDays(-2));

    private static void Agenda(MatchmakingSession session, List<Listing> listings, DateTimeOffset now)
    {
        for (var i = 0; i < listings.Count; i++)
            session.AddPitch(listings[i].Id, listings[i].OrganizationId, session.Details.StartsAt.AddMinutes(20 * i), 15, now);
    }
}
