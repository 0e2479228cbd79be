using Marketplace.Web.Data;
using Marketplace.Web.Platform.Identity;
using Marketplace.Web.Features.Notifications.Email;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Marketplace.Web.Features.Notifications;

/// <summary>
/// The park office's view of outgoing mail: the e-mails kept in the database (when no SMTP server is configured), one of
/// them read as its recipient would, and the outbox — queued, retrying (with the last error) and in doubt (a lease that
/// ran out unsent: the sender died between the server's acceptance and the mark).
/// </summary>
[Authorize(Roles = Roles.ParkAdmin)]
public sealed class MailboxModel(MarketplaceDb db, TimeProvider clock) : PageModel
{
    public sealed record Outbox(int Queued, int Retrying, int InDoubt, int Sent, IReadOnlyList<OutgoingEmail> Failing);

    [BindProperty(SupportsGet = true, Name = "Page")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public string? Id { get; set; }
    public IReadOnlyList<MailboxMessage> Messages { get; private set; } = [];
    public int Total { get; private set; }
    public Outbox State { get; private set; } = new(0, 0, 0, 0, []);
    public (MailboxMessage Stored, string? Text, string? Html)? Open { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        Total = await db.MailboxMessages.CountAsync(ct);
        Messages = await db.MailboxMessages.AsNoTracking().OrderByDescending(m => m.StoredAt).Skip((PageNumber - 1) * 50).Take(50).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var pending = db.OutgoingEmails.AsNoTracking().Where(e => e.SentAt == null);
        State = new Outbox(
            await pending.CountAsync(e => e.Attempts == 0, ct),
            await pending.CountAsync(e => e.Attempts > 0 && (e.ClaimedUntil == null || e.ClaimedUntil >= now), ct),
            await pending.CountAsync(e => e.ClaimedUntil != null && e.ClaimedUntil < now, ct),
            await db.OutgoingEmails.CountAsync(e => e.SentAt != null, ct),
            await pending.Where(e => e.LastError != null).OrderByDescending(e => e.NotBefore).Take(20).ToListAsync(ct));
        if (Id is not null && await db.MailboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.MessageId == Id, ct) is { } stored)
        {
            using var mime = await MimeMessage.LoadAsync(new MemoryStream(stored.Mime), ct);
            Open = (stored, mime.TextBody, mime.HtmlBody);
        }
    }
}
