using Marketplace.Domain.Negotiations;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Inquiries;

/// <summary>Room and message responses with the names a reader needs.</summary>
public sealed class InquiryReader(MarketplaceDb db)
{
    public async Task<InquiryResponse> DescribeAsync(Inquiry inquiry, CancellationToken ct) => (await DescribeAsync([inquiry], ct))[0];

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

    public static string Author(string? person, string? organization) =>
        string.IsNullOrWhiteSpace(person) ? organization ?? "" : organization is null ? person : $"{person}（{organization}）";

    public static MessageResponse Describe(InquiryMessage m, string author) => new(
        m.Id, m.AuthorOrganizationId, author, m.Body, m.SentAt,
        m.AttachmentStoredName is null ? null
            : new AttachmentResponse(m.AttachmentName!, m.AttachmentType!, m.AttachmentSize ?? 0, $"/api/inquiries/{m.InquiryId}/attachments/{m.AttachmentStoredName}"));
}
