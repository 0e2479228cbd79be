using System.Security.Claims;
using Marketplace.Domain.Common;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Sessions;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Accounts;
using Marketplace.Web.Features.Notifications;
using Marketplace.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Sessions;

/// <summary>
/// What participants send to the board: interest in a pitch (a lead for the listing's owner) and questions to
/// the presenter. Anyone else, signed in or not, only watches.
/// </summary>
public sealed class ParticipationService(MarketplaceDb db, SessionEventLog log, Notifier notifier, TimeProvider clock)
{
    public static string InquiryUrl(Guid sessionId, Guid listingId) => $"/Listings/Detail/{listingId}?sessionId={sessionId}";

    public async Task<InterestResult> ExpressInterestAsync(ClaimsPrincipal? caller, Guid sessionId, Guid pitchId, string? note, CancellationToken ct)
    {
        SessionInterest? interest = null;
        PendingEvents? written = null;
        var count = await log.WriteAsync(sessionId, async events =>
        {
            written = events;
            var (session, registration) = await ParticipantAsync(caller, sessionId, ct);
            interest = SessionInterest.Express(session, pitchId, registration, caller!.UserId(), note, clock.GetUtcNow());
            if (await db.SessionInterests.AnyAsync(i => i.PitchId == pitchId && i.OrganizationId == registration.OrganizationId, ct))
                throw new DomainRuleException("pitchId", "Your organisation has already expressed interest in this pitch.", isConflict: true);
            db.SessionInterests.Add(interest);
            var count = await db.SessionInterests.CountAsync(i => i.PitchId == pitchId, ct) + 1;
            events.Add(SessionEventKinds.Interest, new { pitchId, count, organizationType = OrganizationType.Enterprise });
            return count;
        }, ct);
        var url = InquiryUrl(sessionId, interest!.ListingId);
        await notifier.ToOrganizationAsync(interest.OwnerOrganizationId, new Notice("session.interest",
            interest.Note is null
                ? "An enterprise at the session is interested in your patent."
                : new Text("An enterprise at the session is interested in your patent: {0}", interest.Note),
            $"/Sessions/{sessionId}#leads", sessionId));
        return new InterestResult(written!.LastSequence, count, url);
    }

    public async Task<long> AskAsync(ClaimsPrincipal? caller, Guid sessionId, string? text, CancellationToken ct)
    {
        PendingEvents? written = null;
        await log.WriteAsync(sessionId, async events =>
        {
            written = events;
            var (session, registration) = await ParticipantAsync(caller, sessionId, ct);
            var question = SessionQuestion.Ask(session, registration, caller!.UserId(), text, clock.GetUtcNow());
            db.SessionQuestions.Add(question);
            var organization = await db.Organizations.Where(o => o.Id == registration.OrganizationId).Select(o => o.NameZh).SingleAsync(ct);
            events.Add(SessionEventKinds.Question, new BoardQuestion(question.Id, question.PitchId, organization, question.Text, question.At));
            return question;
        }, ct);
        return written!.LastSequence;
    }

    /// <summary>Leads of a session: the park office sees all, an owner those on its listings, an enterprise its own.</summary>
    public async Task<List<LeadResponse>> LeadsAsync(ClaimsPrincipal caller, Guid sessionId, CancellationToken ct)
    {
        var admin = caller.IsInRole(Roles.ParkAdmin);
        var organizationId = caller.OrganizationId();
        var rows = await (from i in db.SessionInterests
                          join l in db.Listings on i.ListingId equals l.Id
                          join p in db.Patents on l.PatentId equals p.Id
                          join o in db.Organizations on i.OrganizationId equals o.Id
                          where i.SessionId == sessionId && (admin || i.OwnerOrganizationId == organizationId || i.OrganizationId == organizationId)
                          orderby i.At
                          select new { i.Id, i.PitchId, i.ListingId, p.TitleZh, i.OrganizationId, o.NameZh, i.Note, i.At }).ToListAsync(ct);
        return rows.Select(r => new LeadResponse(r.Id, r.PitchId, r.ListingId, r.TitleZh, r.OrganizationId, r.NameZh, r.Note, r.At,
            InquiryUrl(sessionId, r.ListingId))).ToList();
    }

    private async Task<(MatchmakingSession, SessionRegistration)> ParticipantAsync(ClaimsPrincipal? caller, Guid sessionId, CancellationToken ct)
    {
        var session = await db.Sessions.AsNoTracking().Include(s => s.Pitches).SingleOrDefaultAsync(s => s.Id == sessionId && s.Status != SessionStatus.Draft, ct)
                      ?? throw new NotFoundException("Session");
        var organizationId = caller?.OrganizationId();
        var registration = organizationId is null ? null
            : await db.SessionRegistrations.AsNoTracking().SingleOrDefaultAsync(r => r.SessionId == sessionId && r.OrganizationId == organizationId, ct);
        return registration is { IsParticipant: true }
            ? (session, registration)
            : throw new ForbiddenActionException("registration", "Only approved participants of this session may send to its board; others watch.");
    }
}
