using Marketplace.Domain.Common;
using Marketplace.Domain.Negotiations;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Notifications;

namespace Marketplace.Web.Features.Inquiries;

/// <summary>Tells the other party of a room that something arrived: a new room, a message, an offer or an answer to one.
/// Written with the change (the party that acted is never told of its own step).</summary>
public sealed class InquiryNotices(NoticeBoard board)
    : IDomainEventHandler<InquiryOpened>, IDomainEventHandler<InquiryMessagePosted>, IDomainEventHandler<OfferMoved>
{
    public static string RoomUrl(Guid inquiryId) => $"/Inquiries/Room/{inquiryId}";

    public Task HandleAsync(InquiryOpened opened, CancellationToken ct) =>
        board.PostAsync(NoticeAudience.Organization(opened.OwnerOrganizationId), NoticeKinds.InquiryOpened,
            new Text("New inquiry: {0}", opened.Subject), RoomUrl(opened.InquiryId), opened.InquiryId, ct: ct);

    public Task HandleAsync(InquiryMessagePosted posted, CancellationToken ct) =>
        board.PostAsync(NoticeAudience.Organization(posted.RecipientOrganizationId), NoticeKinds.InquiryMessage,
            posted.Preview is null ? "New attachment" : new Text("New message: {0}", Shorten(posted.Preview)), RoomUrl(posted.InquiryId), posted.InquiryId, ct: ct);

    public Task HandleAsync(OfferMoved moved, CancellationToken ct) =>
        board.PostAsync(NoticeAudience.Organization(moved.RecipientOrganizationId), moved.IsAnswer ? NoticeKinds.InquiryAnswer : NoticeKinds.InquiryOffer,
            new Text("Offer {0}: {1}", moved.Number, moved.Status), RoomUrl(moved.InquiryId), moved.InquiryId, ct: ct);

    private static string Shorten(string text) => text.Length > 80 ? text[..80] + "…" : text;
}
