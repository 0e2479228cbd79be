using System.Security.Claims;
using Marketplace.Domain.Common;
using Marketplace.Domain.Negotiations;
using Marketplace.Web.Features.Accounts;
using Marketplace.Web.Features.Notifications;

namespace Marketplace.Web.Features.Inquiries;

/// <summary>Tells the other party of a room, live, that something arrived. Sent after the change committed.</summary>
public sealed class InquiryNotices(Notifier notifier)
{
    public const string MessageKind = "inquiry.message", OfferKind = "inquiry.offer", OpenedKind = "inquiry.opened";

    public static string RoomUrl(Guid inquiryId) => $"/Inquiries/Room/{inquiryId}";

    public Task OpenedAsync(Inquiry inquiry) => notifier.ToOrganizationAsync(inquiry.OwnerOrganizationId,
        new Notice(OpenedKind, new Text("New inquiry: {0}", inquiry.Subject), RoomUrl(inquiry.Id), inquiry.Id));

    public Task MessageAsync(Inquiry inquiry, ClaimsPrincipal author, string? preview) => notifier.ToOrganizationAsync(
        inquiry.OtherParty(author.OrganizationId()!.Value),
        new Notice(MessageKind, preview is null ? "New attachment" : new Text("New message: {0}", Shorten(preview)), RoomUrl(inquiry.Id), inquiry.Id));

    public Task OfferAsync(Inquiry inquiry, Offer offer, ClaimsPrincipal actor) => notifier.ToOrganizationAsync(
        inquiry.OtherParty(actor.OrganizationId()!.Value),
        new Notice(OfferKind, new Text("Offer {0}: {1}", offer.Number, offer.Status), RoomUrl(inquiry.Id), inquiry.Id));

    private static string Shorten(string text) => text.Length > 80 ? text[..80] + "…" : text;
}
