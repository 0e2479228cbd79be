using Marketplace.Domain.Common;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Sessions;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Audit;
using Marketplace.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Sessions;

/// <summary>
/// The park office's side of a session: announce it, set its agenda, move it through its lifecycle and drive the
/// live board. Lifecycle moves are audited; everything the board shows is also appended to the session's event log.
/// </summary>
public sealed class SessionService(MarketplaceDb db, AuditLog audit, SessionEventLog log, SessionReader reader, TimeProvider clock)
{
    public const string AuditEntity = "MatchmakingSession";

    public async Task<MatchmakingSession> CreateAsync(SessionDetails details, CancellationToken ct)
    {
        var session = MatchmakingSession.Create(details, clock.GetUtcNow());
        db.Sessions.Add(session);
        audit.Record(AuditEntity, session.Id, "Created", null, session.Status.ToString());
        await db.SaveChangesAsync(ct);
        return session;
    }

    public Task<MatchmakingSession> EditAsync(Guid id, SessionRequest request, CancellationToken ct) =>
        ChangeAsync(id, request.Version, (session, _) =>
        {
            session.Edit(request.Details!, clock.GetUtcNow());
            audit.Record(AuditEntity, session.Id, "Edited", null, session.Status.ToString());
        }, ct);

    public async Task<SessionPitch> AddPitchAsync(Guid id, PitchRequest request, CancellationToken ct)
    {
        var listing = await db.Listings.AsNoTracking().SingleOrDefaultAsync(l => l.Id == request.ListingId && l.Status == ListingStatus.Published, ct)
                      ?? throw new DomainRuleException("listingId", "Only a published listing can be pitched.");
        SessionPitch? pitch = null;
        await ChangeAsync(id, null, (session, _) =>
        {
            pitch = session.AddPitch(listing.Id, listing.OrganizationId, request.StartsAt!.Value, request.Minutes!.Value, clock.GetUtcNow());
            audit.Record(AuditEntity, session.Id, "PitchAdded", null, session.Status.ToString(), listing.Id.ToString());
        }, ct);
        return pitch!;
    }

    public Task<MatchmakingSession> OpenRegistrationAsync(Guid id, uint? version, CancellationToken ct) =>
        MoveAsync(id, version, "RegistrationOpened", s => s.OpenRegistration(clock.GetUtcNow()), ct);

    /// <summary>A session counts as held from the moment it goes live; the dashboards hear of it through its event.</summary>
    public Task<MatchmakingSession> GoLiveAsync(Guid id, uint? version, CancellationToken ct) =>
        MoveAsync(id, version, "Started", s => s.GoLive(clock.GetUtcNow()), ct);

    public Task<MatchmakingSession> CloseAsync(Guid id, uint? version, CancellationToken ct) =>
        MoveAsync(id, version, "Closed", s => s.Close(clock.GetUtcNow()), ct);

    public Task<MatchmakingSession> StartPitchAsync(Guid id, Guid pitchId, CancellationToken ct) =>
        ChangeAsync(id, null, (session, events) =>
        {
            var previous = session.CurrentPitchId;
            var pitch = session.StartPitch(pitchId, clock.GetUtcNow());
            events.Add(SessionEventKinds.PitchStarted, new { pitchId = pitch.Id, previousPitchId = previous });
        }, ct);

    public Task<MatchmakingSession> SetQuestionsOpenAsync(Guid id, bool open, CancellationToken ct) =>
        ChangeAsync(id, null, (session, events) =>
        {
            session.SetQuestionsOpen(open, clock.GetUtcNow());
            events.Add(SessionEventKinds.Questions, new { open, pitchId = session.CurrentPitchId });
        }, ct);

    /// <summary>Puts a deal made in the session on everyone's board, with the session's new volume.</summary>
    public async Task<BoardDeal> AnnounceDealAsync(Guid id, Guid dealId, CancellationToken ct) => await log.WriteAsync(id, async events =>
    {
        var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException("Session");
        session.EnsureDealsCanBeAnnounced();
        var (offers, deals) = await reader.TradeAsync(id, ct);
        var deal = deals.FirstOrDefault(d => d.DealId == dealId)
                   ?? throw new DomainRuleException("dealId", "This deal was not made in this session.");
        // The board's volume counts what it shows: the deals announced so far and this one.
        var announced = await reader.AnnouncedAsync(id, ct);
        var volume = deals.Where(d => d.DealId == dealId || announced.Contains(d.DealId)).Sum(d => d.Amount);
        events.Add(SessionEventKinds.DealAnnounced, new { deal, offers, sessionVolume = volume, park = await reader.ParkAsync(ct) });
        audit.Record(AuditEntity, id, "DealAnnounced", null, session.Status.ToString(), dealId.ToString());
        return deal;
    }, ct);

    private Task<MatchmakingSession> MoveAsync(Guid id, uint? version, string action, Action<MatchmakingSession> move, CancellationToken ct) =>
        ChangeAsync(id, version, (session, events) =>
        {
            var before = session.Status.ToString();
            move(session);
            audit.Record(AuditEntity, session.Id, action, before, session.Status.ToString());
            events.Add(SessionEventKinds.Status, new { status = session.Status, currentPitchId = session.CurrentPitchId });
        }, ct);

    private Task<MatchmakingSession> ChangeAsync(Guid id, uint? version, Action<MatchmakingSession, PendingEvents> change, CancellationToken ct) =>
        log.WriteAsync(id, async events =>
        {
            var session = await db.Sessions.Include(s => s.Pitches).SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException("Session");
            Concurrency.ExpectVersion(session.Version, version);
            change(session, events);
            return session;
        }, ct);
}
