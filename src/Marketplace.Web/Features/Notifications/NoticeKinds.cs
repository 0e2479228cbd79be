using Marketplace.Domain.Common;

namespace Marketplace.Web.Features.Notifications;

/// <summary>A way of telling someone: on the site (the notification centre and its badge), by e-mail at once, or
/// gathered into one e-mail a day.</summary>
public enum NoticeChannel
{
    InApp,
    Email,
    Digest,
}

/// <summary>What a notice is about, with the channels a person gets until they choose otherwise.</summary>
/// <param name="Name">A stable name the browser, the API and the preferences use, e.g. <c>deal.status</c>.</param>
/// <param name="Title">What the preferences page calls it.</param>
public sealed record NoticeKind(string Name, Text Title, bool Email, bool Digest = false);

/// <summary>
/// Every kind of notice (the list). Defaults: everything in the app; by e-mail what a person acts on or
/// must not miss (decisions, money, deadlines); chat messages and session reminders only in the app.
/// </summary>
public static class NoticeKinds
{
    public static readonly NoticeKind
        ListingApproved = new("listing.approved", "Listing approved", Email: true),
        ListingRejected = new("listing.rejected", "Listing rejected", Email: true),
        ListingRework = new("listing.rework", "Listing sent back for rework", Email: true),
        InquiryOpened = new("inquiry.opened", "New inquiry", Email: true),
        InquiryMessage = new("inquiry.message", "New message in an inquiry", Email: false),
        InquiryOffer = new("inquiry.offer", "New offer or counter-offer", Email: true),
        InquiryAnswer = new("inquiry.answer", "Answer to an offer", Email: true),
        DealStep = new("deal.status", "Deal step", Email: true),
        PaymentReceived = new("payment.received", "Payment received", Email: true),
        PaymentRefunded = new("payment.refunded", "Payment refunded", Email: true),
        PaymentReported = new("payment.reported", "Bank transfer reported", Email: true),
        PledgeSubmitted = new("pledge.submitted", "Pledge application submitted (bank officers)", Email: true),
        PledgeRecommended = new("pledge.recommended", "Pledge application recommended (bank approvers)", Email: true),
        PledgeStatus = new("pledge.status", "Pledge application state changed", Email: false),
        PledgeDecided = new("pledge.decided", "Pledge application decided", Email: true),
        PledgeRegistered = new("pledge.registered", "Pledge registered", Email: true),
        PledgeDisbursed = new("pledge.disbursed", "Loan disbursed", Email: true),
        WatchAlert = new("watch.alert", "Patent watch alert", Email: true),
        SearchMatch = new("search.match", "New listing matching a saved search", Email: true),
        NeedMatch = new("need.match", "New listing matching a technology need", Email: true),
        SessionAnnounced = new("session.announced", "Matchmaking session announced", Email: false, Digest: true),
        SessionRegistration = new("session.registration", "Session registration decided", Email: true),
        SessionStarting = new("session.starting", "Session starting within 24 hours", Email: true),
        SessionInterest = new("session.interest", "Interest in a pitch", Email: false);

    public static readonly IReadOnlyList<NoticeKind> All =
    [
        ListingApproved, ListingRejected, ListingRework, InquiryOpened, InquiryMessage, InquiryOffer, InquiryAnswer, DealStep,
        PaymentReceived, PaymentRefunded, PaymentReported, PledgeSubmitted, PledgeRecommended, PledgeStatus, PledgeDecided,
        PledgeRegistered, PledgeDisbursed, WatchAlert, SearchMatch, NeedMatch, SessionAnnounced, SessionRegistration,
        SessionStarting, SessionInterest,
    ];

    private static readonly Dictionary<string, NoticeKind> ByName = All.ToDictionary(k => k.Name);

    public static NoticeKind? Find(string? name) => name is not null && ByName.TryGetValue(name, out var kind) ? kind : null;

    public static bool Default(this NoticeKind kind, NoticeChannel channel) => channel switch
    {
        NoticeChannel.InApp => true,
        NoticeChannel.Email => kind.Email,
        _ => kind.Digest,
    };
}
