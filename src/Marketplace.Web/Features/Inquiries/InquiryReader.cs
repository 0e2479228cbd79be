using Marketplace.Domain.Negotiations;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Inquiries;

/// <summary>Room and message responses with the names a reader needs.</summary>
public sealed class InquiryReader(MarketplaceDb db)
{
    /// <summary>One room (its page): the patent's titles, both parties' names and its deal in one statement.</summary>
    public async Task<InquiryResponse> DescribeAsync(Inquiry i, CancellationToken ct)
    {
        var facts = await db.Patents.AsNoTracking().Where(p => p.Id == i.PatentId)
            .Select(p => new
            {
                p.TitleZh, p.TitleEn,
                Owner = db.Organizations.Where(o => o.Id == i.OwnerOrganizationId).Select(o => o.NameZh).Single(),
                Enterprise = db.Organizations.Where(o => o.Id == i.EnterpriseOrganizationId).Select(o => o.NameZh).Single(),
                Deal = db.Deals.Where(d => d.InquiryId == i.Id).Select(d => (Guid?)d.Id).FirstOrDefault(),
            })
            .SingleAsync(ct);
        return new InquiryResponse(
            i.Id, i.ListingId, i.PatentId, facts.TitleZh, facts.TitleEn, i.OwnerOrganizationId, facts.Owner,
            i.EnterpriseOrganizationId, facts.Enterprise, i.NeedId, i.SessionId, i.Subject, i.Status,
            i.Offers.OrderBy(o => o.Number).Select(InquiryMapper.ToResponse).ToList(), facts.Deal, i.CreatedAt, i.UpdatedAt, i.Version);
    }

    public async Task<IReadOnlyList<InquiryResponse>> DescribeAsync(IReadOnlyList<Inquiry> inquiries, CancellationToken ct)
    {
        var ids = inquiries.Select(i => i.Id).ToList();
        var orgIds = inquiries.SelectMany(i => new[] { i.OwnerOrganizationId, i.EnterpriseOrganizationId }).Distinct().ToList();
        var patentIds = inquiries.Select(i => i.PatentId).Distinct().ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.NameZh, ct);
        var titles = await db.Patents.AsNoTracking().Where(p => patentIds.Contains(p.Id))
            .Select(p => new { p.Id, p.TitleZh, p.TitleEn }).ToDictionaryAsync(p => p.Id, ct);
        var deals = await db.Deals.AsNoTracking().Where(d => d.InquiryId != null && ids.Contains(d.InquiryId.Value))
            .Select(d => new { d.Id, InquiryId = d.InquiryId!.Value }).ToDictionaryAsync(d => d.InquiryId, d => d.Id, ct);
        return inquiries.Select(i => new InquiryResponse(
            i.Id, i.ListingId, i.PatentId, titles[i.PatentId].TitleZh, titles[i.PatentId].TitleEn, i.OwnerOrganizationId, names[i.OwnerOrganizationId],
            i.EnterpriseOrganizationId, names[i.EnterpriseOrganizationId], i.NeedId, i.SessionId, i.Subject, i.Status,
            i.Offers.OrderBy(o => o.Number).Select(InquiryMapper.ToResponse).ToList(), deals.TryGetValue(i.Id, out var deal) ? deal : null,
            i.CreatedAt, i.UpdatedAt, i.Version)).ToList();
    }

    /// <summary>Messages with their authors as a reader knows them: the person and the organisation, never an address.</summary>
    public async Task<IReadOnlyList<MessageResponse>> DescribeAsync(IReadOnlyList<InquiryMessage> messages, CancellationToken ct)
    {
        var userIds = messages.Select(m => m.AuthorUserId).Distinct().ToList();
        var orgIds = messages.Select(m => m.AuthorOrganizationId).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var organizations = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.NameZh, ct);
        return messages.Select(m => Describe(m, Author(people.GetValueOrDefault(m.AuthorUserId), organizations.GetValueOrDefault(m.AuthorOrganizationId)))).ToList();
    }

    /// <summary>A room's messages with their authors, in one statement (the room's page).</summary>
    public async Task<IReadOnlyList<MessageResponse>> MessagesAsync(Guid inquiryId, CancellationToken ct)
    {
        var rows = await db.InquiryMessages.AsNoTracking().Where(m => m.InquiryId == inquiryId)
            .OrderBy(m => m.SentAt).Take(MessageService.RoomLimit)
            .Select(m => new
            {
                Message = m,
                Person = db.Users.Where(u => u.Id == m.AuthorUserId).Select(u => u.DisplayName).FirstOrDefault(),
                Organization = db.Organizations.Where(o => o.Id == m.AuthorOrganizationId).Select(o => o.NameZh).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows.Select(r => Describe(r.Message, Author(r.Person, r.Organization))).ToList();
    }

    public static string Author(string? person, string? organization) =>
        string.IsNullOrWhiteSpace(person) ? organization ?? "" : organization is null ? person : $"{person}（{organization}）";

    public static MessageResponse Describe(InquiryMessage m, string author) => new(
        m.Id, m.AuthorOrganizationId, author, m.Body, m.SentAt,
        m.AttachmentStoredName is null ? null
            : new AttachmentResponse(m.AttachmentName!, m.AttachmentType!, m.AttachmentSize ?? 0, $"/api/inquiries/{m.InquiryId}/attachments/{m.AttachmentStoredName}"));
}
