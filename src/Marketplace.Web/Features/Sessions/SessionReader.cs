using System.Data;
using System.Security.Claims;
using Marketplace.Domain.Deals;
using Marketplace.Domain.Sessions;
using Marketplace.Web.Data;
using Marketplace.Web.Platform.Identity;
using Marketplace.Web.Platform;
using Marketplace.Web.Features.Targets;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Sessions;

/// <summary>Sessions as the API, the pages and the board show them: the agenda with each pitch's listing card.</summary>
public sealed class SessionReader(MarketplaceDb db, SessionEventLog log, TargetsReader targets)
{
    /// <summary>Anyone may watch an announced session; a draft is the park office's alone.</summary>
    public async Task<MatchmakingSession> FindVisibleAsync(ClaimsPrincipal? caller, Guid id, CancellationToken ct)
    {
        var admin = caller?.IsInRole(Roles.ParkAdmin) == true;
        return await db.Sessions.AsNoTracking().Include(s => s.Pitches)
                   .SingleOrDefaultAsync(s => s.Id == id && (admin || s.Status != SessionStatus.Draft), ct)
               ?? throw new NotFoundException("Session");
    }

    public IQueryable<MatchmakingSession> Visible(ClaimsPrincipal? caller) => caller?.IsInRole(Roles.ParkAdmin) == true
        ? db.Sessions.AsNoTracking()
        : db.Sessions.AsNoTracking().Where(s => s.Status != SessionStatus.Draft);

    public async Task<SessionResponse> DescribeAsync(MatchmakingSession session, CancellationToken ct) => (await DescribeAsync([session], ct))[0];

    /// <summary>Sessions with their agendas in three queries whatever their number (approved registrations, the
    /// pitched listings' cards, the interest per pitch), not three per session.</summary>
    public async Task<List<SessionResponse>> DescribeAsync(IReadOnlyList<MatchmakingSession> sessions, CancellationToken ct)
    {
        var ids = sessions.Select(s => s.Id).ToList();
        var approved = await db.SessionRegistrations.Where(r => ids.Contains(r.SessionId) && r.Status == RegistrationStatus.Approved)
            .GroupBy(r => r.SessionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var agendas = await AgendasAsync(sessions, ct);
        return sessions.Select(session => new SessionResponse(session.Id, session.Details, session.Status, session.CurrentPitchId, session.QuestionsOpen,
            agendas[session.Id], approved.GetValueOrDefault(session.Id), session.CreatedAt, session.StartedAt, session.ClosedAt, session.Version)).ToList();
    }

    public async Task<IReadOnlyList<PitchResponse>> AgendaAsync(MatchmakingSession session, CancellationToken ct) => (await AgendasAsync([session], ct))[session.Id];

    private async Task<Dictionary<Guid, IReadOnlyList<PitchResponse>>> AgendasAsync(IReadOnlyList<MatchmakingSession> sessions, CancellationToken ct)
    {
        var ids = sessions.Select(s => s.Id).ToList();
        var listingIds = sessions.SelectMany(s => s.Pitches.Select(p => p.ListingId)).Distinct().ToList();
        var cards = listingIds.Count == 0 ? [] : await (from l in db.Listings
                           join p in db.Patents on l.PatentId equals p.Id
                           join o in db.Organizations on l.OrganizationId equals o.Id
                           where listingIds.Contains(l.Id)
                           select new { l.Id, l.Terms, p.TitleZh, p.TitleEn, o.NameZh }).ToDictionaryAsync(c => c.Id, ct);
        var interest = listingIds.Count == 0 ? [] : await db.SessionInterests.Where(i => ids.Contains(i.SessionId)).GroupBy(i => i.PitchId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return sessions.ToDictionary(s => s.Id, s => (IReadOnlyList<PitchResponse>)s.Agenda.Select(p =>
        {
            var card = cards[p.ListingId];
            var price = card.Terms.Licence?.LumpSum ?? card.Terms.Transfer?.AskingPrice ?? card.Terms.Equity?.Valuation;
            return new PitchResponse(p.Id, p.ListingId, card.TitleZh, card.TitleEn, p.PresenterOrganizationId, card.NameZh, p.StartsAt, p.Minutes,
                p.State, interest.GetValueOrDefault(p.Id), [.. card.Terms.Modes], price);
        }).ToList());
    }

    /// <summary>
    /// Read in one repeatable-read transaction, so the board and its sequence number describe the same moment:
    /// events after that number apply on top of it exactly once.
    /// </summary>
    public async Task<SessionBoard> SnapshotAsync(ClaimsPrincipal? caller, Guid id, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        var sequence = await log.LastSequenceAsync(id, ct);
        var session = await FindVisibleAsync(caller, id, ct);
        var d = session.Details;
        var (offers, deals) = await TradeAsync(id, ct, announcedOnly: true);
        var questions = await (from q in db.SessionQuestions
                               join o in db.Organizations on q.OrganizationId equals o.Id
                               where q.SessionId == id
                               orderby q.At descending
                               select new BoardQuestion(q.Id, q.PitchId, o.NameZh, q.Text, q.At)).Take(50).ToListAsync(ct);
        return new SessionBoard(session.Id, d.TitleZh, d.TitleEn, d.Theme, d.StartsAt, d.EndsAt, d.Venue, d.OnlineUrl, session.Status,
            session.CurrentPitchId, session.QuestionsOpen, await AgendaAsync(session, ct), await PresenceAsync(id, ct), questions, offers, deals,
            deals.Sum(x => x.Amount), await ParkAsync(ct), sequence);
    }

    /// <summary>The park's contracted deals and disbursed pledge financing of the current plan, from the targets feature's kept
    /// totals — exactly the dashboard's headline figures.</summary>
    public async Task<ParkTotals> ParkAsync(CancellationToken ct)
    {
        var figures = await targets.ReadAsync(null, detail: false, ct);
        return new ParkTotals(figures.Deals.Contracted, figures.Deals.Target, figures.PledgeFinancing.Disbursed, figures.PledgeFinancing.Target);
    }

    /// <summary>Attendance by organisation type: checked in at the door or seen online, each registration once.</summary>
    public async Task<IReadOnlyDictionary<string, int>> PresenceAsync(Guid sessionId, CancellationToken ct) =>
        await db.SessionRegistrations.Where(r => r.SessionId == sessionId && (r.CheckedInAt != null || r.OnlineAt != null))
            .GroupBy(r => r.OrganizationType).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key.ToString(), g => g.Count, ct);

    /// <summary>
    /// Offers and deals made in the session: those of inquiries opened from it, cancelled ones left out. The public board
    /// (<paramref name="announcedOnly"/>) shows only the deals the park office announced: a deal still being negotiated
    /// into a contract is the parties' business until then.
    /// </summary>
    public async Task<(int Offers, IReadOnlyList<BoardDeal> Deals)> TradeAsync(Guid sessionId, CancellationToken ct, bool announcedOnly = false)
    {
        var offers = await db.Inquiries.Where(i => i.SessionId == sessionId).SelectMany(i => i.Offers).CountAsync(ct);
        var deals = await (from d in db.Deals
                           join p in db.Patents on d.PatentId equals p.Id
                           join s in db.Organizations on d.SellerOrganizationId equals s.Id
                           join b in db.Organizations on d.BuyerOrganizationId equals b.Id
                           where d.SessionId == sessionId && d.Status != DealStatus.Cancelled
                           orderby d.CreatedAt
                           select new BoardDeal(d.Id, p.TitleZh, s.NameZh, b.NameZh, d.ContractAmount, d.CreatedAt)).ToListAsync(ct);
        if (!announcedOnly) return (offers, deals);
        var announced = await AnnouncedAsync(sessionId, ct);
        return (offers, deals.Where(d => announced.Contains(d.DealId)).ToList());
    }

    /// <summary>The deals announced on the session's board, read from its own events.</summary>
    public async Task<HashSet<Guid>> AnnouncedAsync(Guid sessionId, CancellationToken ct)
    {
        var events = await db.SessionEvents.AsNoTracking().Where(e => e.SessionId == sessionId && e.Kind == SessionEventKinds.DealAnnounced)
            .Select(e => e.Data).ToListAsync(ct);
        return events.Select(data => System.Text.Json.JsonDocument.Parse(data).RootElement.GetProperty("deal").GetProperty("dealId").GetGuid()).ToHashSet();
    }
}
