using System.Security.Claims;
using Marketplace.Domain.Common;
using Marketplace.Domain.Sessions;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Accounts;
using Marketplace.Web.Features.Audit;
using Marketplace.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Sessions;

/// <summary>
/// Registration, the office's approval, and attendance. Decisions run under the session's lock, so two approvals
/// cannot both take the last place; a first check-in or first online visit updates the board's presence counts.
/// </summary>
public sealed class RegistrationService(MarketplaceDb db, AuditLog audit, SessionEventLog log, SessionReader reader, TimeProvider clock)
{
    public const string AuditEntity = "SessionRegistration";

    public async Task<SessionRegistration> RegisterAsync(ClaimsPrincipal caller, Guid sessionId, CancellationToken ct)
    {
        var organizationId = caller.OrganizationId()!.Value;
        var type = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Type).SingleAsync(ct);
        return await log.WriteAsync(sessionId, async _ =>
        {
            var session = await FindSessionAsync(sessionId, ct);
            if (await db.SessionRegistrations.AnyAsync(r => r.SessionId == sessionId && r.OrganizationId == organizationId, ct))
                throw new DomainRuleException("organization", "Your organisation is already registered for this session.", isConflict: true);
            var registration = SessionRegistration.Register(session, organizationId, type, caller.UserId(), clock.GetUtcNow());
            db.SessionRegistrations.Add(registration);
            audit.Record(AuditEntity, registration.Id, "Registered", null, registration.Status.ToString(), sessionId.ToString());
            return registration;
        }, ct);
    }

    public Task<SessionRegistration> ApproveAsync(Guid sessionId, Guid id, uint? version, CancellationToken ct) =>
        DecideAsync(sessionId, id, version, "Approved", async (session, registration) =>
        {
            var approved = await db.SessionRegistrations.CountAsync(r => r.SessionId == sessionId && r.Status == RegistrationStatus.Approved, ct);
            registration.Approve(session, approved, clock.GetUtcNow());
        }, ct);

    public Task<SessionRegistration> RejectAsync(Guid sessionId, Guid id, uint? version, CancellationToken ct) =>
        DecideAsync(sessionId, id, version, "Rejected", (session, registration) =>
        {
            registration.Reject(session, clock.GetUtcNow());
            return Task.CompletedTask;
        }, ct);

    /// <summary>At the door: the park office types the code shown by the participant.</summary>
    public Task<SessionRegistration> CheckInAsync(Guid sessionId, string? code, CancellationToken ct) =>
        log.WriteAsync(sessionId, async events =>
        {
            var session = await FindSessionAsync(sessionId, ct);
            var normalized = SessionRegistration.NormalizeCode(code);
            var registration = await db.SessionRegistrations.SingleOrDefaultAsync(r => r.SessionId == sessionId && r.CheckInCode == normalized, ct)
                               ?? throw new DomainRuleException("code", "No registration of this session has this code.");
            if (registration.CheckIn(session, clock.GetUtcNow()))
            {
                audit.Record(AuditEntity, registration.Id, "CheckedIn", null, registration.Status.ToString());
                await AddPresenceAsync(sessionId, events, ct);
            }
            return registration;
        }, ct);

    /// <summary>An approved participant on the live board attends online; the first visit is an event.</summary>
    public async Task<SessionRegistration?> MarkOnlineAsync(Guid sessionId, Guid organizationId, CancellationToken ct)
    {
        var registration = await db.SessionRegistrations.AsNoTracking().SingleOrDefaultAsync(r => r.SessionId == sessionId && r.OrganizationId == organizationId, ct);
        if (registration is not { IsParticipant: true, OnlineAt: null }) return registration;
        return await log.WriteAsync(sessionId, async events =>
        {
            var session = await FindSessionAsync(sessionId, ct);
            var tracked = await db.SessionRegistrations.SingleAsync(r => r.Id == registration.Id, ct);
            if (tracked.MarkOnline(session, clock.GetUtcNow())) await AddPresenceAsync(sessionId, events, ct);
            return tracked;
        }, ct);
    }

    public async Task<List<RegistrationResponse>> ListAsync(ClaimsPrincipal caller, Guid sessionId, CancellationToken ct)
    {
        await reader.FindVisibleAsync(caller, sessionId, ct);
        var admin = caller.IsInRole(Roles.ParkAdmin);
        var organizationId = caller.OrganizationId();
        return await (from r in db.SessionRegistrations
                      join o in db.Organizations on r.OrganizationId equals o.Id
                      where r.SessionId == sessionId && (admin || r.OrganizationId == organizationId)
                      orderby r.RegisteredAt
                      select new RegistrationResponse(r.Id, r.SessionId, r.OrganizationId, o.NameZh, r.OrganizationType, r.Status,
                          r.Status == RegistrationStatus.Approved ? r.CheckInCode : null, r.RegisteredAt, r.CheckedInAt, r.OnlineAt, r.Version)).ToListAsync(ct);
    }

    private async Task AddPresenceAsync(Guid sessionId, PendingEvents events, CancellationToken ct)
    {
        // Saved first so the counts include this participant; the transaction is still open.
        await db.SaveChangesAsync(ct);
        var presence = await reader.PresenceAsync(sessionId, ct);
        events.Add(SessionEventKinds.Presence, new { presence, total = presence.Values.Sum() });
    }

    private Task<SessionRegistration> DecideAsync(Guid sessionId, Guid id, uint? version, string action,
        Func<MatchmakingSession, SessionRegistration, Task> decide, CancellationToken ct) =>
        log.WriteAsync(sessionId, async _ =>
        {
            var session = await FindSessionAsync(sessionId, ct);
            var registration = await db.SessionRegistrations.SingleOrDefaultAsync(r => r.Id == id && r.SessionId == sessionId, ct)
                               ?? throw new NotFoundException("Registration");
            Concurrency.ExpectVersion(registration.Version, version);
            var before = registration.Status.ToString();
            await decide(session, registration);
            audit.Record(AuditEntity, registration.Id, action, before, registration.Status.ToString());
            return registration;
        }, ct);

    private async Task<MatchmakingSession> FindSessionAsync(Guid id, CancellationToken ct) =>
        await db.Sessions.AsNoTracking().Include(s => s.Pitches).SingleOrDefaultAsync(s => s.Id == id && s.Status != SessionStatus.Draft, ct)
        ?? throw new NotFoundException("Session");
}
