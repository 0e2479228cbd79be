using Marketplace.Domain.Common;
using Marketplace.Domain.Sessions;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Notifications;
using Marketplace.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Sessions;

/// <summary>A session opened for registration is announced to everyone who may register; a registration's decision
/// reaches the organisation that registered. Both are written with the change.</summary>
public sealed class SessionNotices(MarketplaceDb db, NoticeBoard board) : IDomainEventHandler<SessionStatusChanged>, IDomainEventHandler<RegistrationDecided>
{
    public static string Url(Guid sessionId) => $"/Sessions/Detail/{sessionId}";

    public async Task HandleAsync(SessionStatusChanged changed, CancellationToken ct)
    {
        if (changed is not { From: SessionStatus.Draft, To: SessionStatus.Open }) return;
        var session = db.Sessions.Local.FirstOrDefault(s => s.Id == changed.SessionId) ?? await db.Sessions.FindAsync([changed.SessionId], ct);
        if (session is null) return;
        await board.PostAsync(NoticeAudience.SessionPublic, NoticeKinds.SessionAnnounced,
            new Text("A matchmaking session is open for registration: {0}, {1}", session.Details.TitleZh, session.StartsAt),
            Url(session.Id), session.Id, $"session.announced:{session.Id}", ct);
    }

    public Task HandleAsync(RegistrationDecided decided, CancellationToken ct) =>
        board.PostAsync(NoticeAudience.Organization(decided.OrganizationId), NoticeKinds.SessionRegistration,
            new Text("Your registration for a matchmaking session was decided: {0}", decided.Status), Url(decided.SessionId), decided.SessionId, ct: ct);
}

/// <summary>
/// Reminds the approved participants of a session that starts within 24 hours, once: the reminder's dedupe key makes a
/// second look (this instance's next pass, or another instance's) write nothing.
/// </summary>
public sealed class SessionReminders(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SessionReminders> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PollingLoop.RunAsync(async ct => await RunOnceAsync(ct), () => TimeSpan.FromMinutes(1), clock, logger, "Session reminders", stoppingToken);

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDb>();
        var board = scope.ServiceProvider.GetRequiredService<NoticeBoard>();
        var now = clock.GetUtcNow();
        var soon = await db.Sessions.AsNoTracking()
            .Where(s => s.Status == SessionStatus.Open && s.StartsAt > now && s.StartsAt <= now.AddHours(24))
            // The whole details, not .TitleZh: a member of a value-converted jsonb column is not read in SQL (it comes back empty).
            .Select(s => new { s.Id, s.Details, s.StartsAt }).ToListAsync(ct);
        var told = 0;
        foreach (var session in soon)
        {
            var participants = await db.SessionRegistrations.Where(r => r.SessionId == session.Id && r.Status == RegistrationStatus.Approved)
                .Select(r => r.OrganizationId).Distinct().ToListAsync(ct);
            if (participants.Count == 0) continue;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            told += await board.PostAsync(new NoticeAudience(participants), NoticeKinds.SessionStarting,
                new Text("The matchmaking session {0} starts at {1}.", session.Details.TitleZh, session.StartsAt), SessionNotices.Url(session.Id), session.Id,
                $"session.starting:{session.Id}", ct);
            await transaction.CommitAsync(ct);
        }
        return told;
    }
}
