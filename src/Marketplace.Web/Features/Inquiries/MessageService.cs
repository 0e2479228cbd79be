using System.Security.Claims;
using Marketplace.Domain.Negotiations;
using Marketplace.Web.Data;
using Marketplace.Web.Platform.Identity;
using Marketplace.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Inquiries;

/// <summary>Messages and attachments in a room, and who has read up to where.</summary>
public sealed class MessageService(MarketplaceDb db, TimeProvider clock, InquiryService inquiries, UnreadMessages unread)
{
    /// <summary>The most messages a room shows or a client reads at once.</summary>
    public const int RoomLimit = 1000;

    /// <summary>A message; at least a text or a file. The file is checked by its first bytes and stored under a generated name.</summary>
    public async Task<InquiryMessage> SendAsync(ClaimsPrincipal caller, Guid inquiryId, string? body, IFormFile? file, CancellationToken ct)
    {
        var inquiry = await inquiries.FindReadableAsync(caller, inquiryId, ct);
        if (!inquiry.IsParty(caller.OrganizationId() ?? Guid.Empty)) throw new NotFoundException("Inquiry");
        if (string.IsNullOrWhiteSpace(body) && file is null)
            throw new Domain.Common.DomainRuleException("body", "Write a message or attach a file.");
        var message = NewMessage(caller, inquiry.Id, body, clock.GetUtcNow());
        if (file is not null) await AttachAsync(message, file, ct);
        db.InquiryMessages.Add(message);
        // The room raises the event (its parties are told in this transaction); the room itself is not changed.
        var room = await db.Inquiries.FindAsync([inquiry.Id], ct) ?? throw new NotFoundException("Inquiry");
        room.PostMessage(caller.OrganizationId()!.Value, message.Body ?? message.AttachmentName);
        await db.SaveChangesAsync(ct);
        return message;
    }

    internal static InquiryMessage NewMessage(ClaimsPrincipal caller, Guid inquiryId, string? body, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        InquiryId = inquiryId,
        AuthorUserId = caller.UserId()!.Value,
        AuthorOrganizationId = caller.OrganizationId()!.Value,
        AuthorName = caller.FindFirstValue(ClaimTypes.Email) ?? caller.Identity?.Name ?? "",
        Body = MessageRules.Body(body),
        SentAt = now,
    };

    public async Task<IReadOnlyList<InquiryMessage>> ListAsync(ClaimsPrincipal caller, Guid inquiryId, DateTimeOffset? after, CancellationToken ct)
    {
        var inquiry = await inquiries.FindReadableAsync(caller, inquiryId, ct);
        var messages = await db.InquiryMessages.AsNoTracking().Where(m => m.InquiryId == inquiry.Id && (after == null || m.SentAt > after))
            .OrderBy(m => m.SentAt).Take(RoomLimit).ToListAsync(ct);
        await MarkReadAsync(caller, inquiry.Id, ct);
        return messages;
    }

    public async Task<(AttachmentBlob Blob, InquiryMessage Message)> AttachmentAsync(ClaimsPrincipal caller, Guid inquiryId, string storedName, CancellationToken ct)
    {
        var inquiry = await inquiries.FindReadableAsync(caller, inquiryId, ct);
        var message = await db.InquiryMessages.AsNoTracking().SingleOrDefaultAsync(m => m.InquiryId == inquiry.Id && m.AttachmentStoredName == storedName, ct)
                      ?? throw new NotFoundException("Attachment");
        return (await db.AttachmentBlobs.AsNoTracking().SingleAsync(b => b.StoredName == storedName, ct), message);
    }

    /// <summary>Opening a room reads it: everything in it up to now stops counting as unread for this user.</summary>
    public async Task MarkReadAsync(ClaimsPrincipal caller, Guid inquiryId, CancellationToken ct)
    {
        if (caller.UserId() is not { } userId) return;
        var now = clock.GetUtcNow();
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO inquiry_reads (inquiry_id, user_id, read_at) VALUES ({inquiryId}, {userId}, {now}) ON CONFLICT (inquiry_id, user_id) DO UPDATE SET read_at = excluded.read_at", ct);
        unread.Read(userId);
    }

    /// <summary>Messages and offers from the other party in this user's rooms that arrived after they last opened the room.</summary>
    public async Task<int> UnreadCountAsync(ClaimsPrincipal caller, CancellationToken ct)
    {
        if (caller.OrganizationId() is not { } org || caller.UserId() is not { } user) return 0;
        var rooms = db.Inquiries.Where(i => i.OwnerOrganizationId == org || i.EnterpriseOrganizationId == org)
            .Select(i => new { i.Id, ReadAt = db.InquiryReads.Where(r => r.InquiryId == i.Id && r.UserId == user).Select(r => (DateTimeOffset?)r.ReadAt).FirstOrDefault() });
        var messages = await (from r in rooms
                              join m in db.InquiryMessages on r.Id equals m.InquiryId
                              where m.AuthorOrganizationId != org && (r.ReadAt == null || m.SentAt > r.ReadAt)
                              select m.Id).CountAsync(ct);
        var offers = await (from r in rooms
                            join o in db.Set<Offer>() on r.Id equals o.InquiryId
                            where o.ProposedByOrganizationId != org && (r.ReadAt == null || o.CreatedAt > r.ReadAt)
                            select o.Id).CountAsync(ct);
        return messages + offers;
    }

    private async Task AttachAsync(InquiryMessage message, IFormFile file, CancellationToken ct)
    {
        await using var stream = file.OpenReadStream();
        var head = new byte[AttachmentRules.HeadLength];
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        var (name, type) = AttachmentRules.Check(file.FileName, file.ContentType, file.Length, head.AsSpan(0, read));
        stream.Position = 0;
        using var content = new MemoryStream((int)file.Length);
        await stream.CopyToAsync(content, ct);
        var storedName = Guid.NewGuid().ToString("N");
        db.AttachmentBlobs.Add(new AttachmentBlob { StoredName = storedName, Content = content.ToArray() });
        (message.AttachmentName, message.AttachmentType, message.AttachmentSize, message.AttachmentStoredName) = (name, type, file.Length, storedName);
    }
}
