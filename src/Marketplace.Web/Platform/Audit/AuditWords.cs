using Marketplace.Domain.Deals;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Matchmaking;
using Marketplace.Domain.Negotiations;
using Marketplace.Domain.Patents;
using Marketplace.Domain.Pledges;
using Marketplace.Domain.Sessions;
using Marketplace.Web.Platform.Localization;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Platform.Audit;

/// <summary>
/// The audit log stores stable machine words (entity "Listing", action "ReworkRequested", states as enum names) so
/// that it stays evidence whatever the language; pages say them in the reader's language. Actions are keyed
/// "AuditAction.X", entities "AuditEntity.X"; a state is the display name of its entity's status enum.
/// </summary>
public static class AuditWords
{
    /// <summary>The status enum of each audited entity, so "Open" of an inquiry and "Open" of a session read differently.</summary>
    private static readonly Dictionary<string, Type> States = new()
    {
        ["Listing"] = typeof(ListingStatus),
        ["Deal"] = typeof(DealStatus),
        ["TechnologyNeed"] = typeof(NeedStatus),
        ["Inquiry"] = typeof(InquiryStatus),
        ["Payment"] = typeof(InstalmentStatus),
        ["Patent"] = typeof(LegalStatus),
        ["PledgeApplication"] = typeof(PledgeStatus),
        ["MatchmakingSession"] = typeof(SessionStatus),
        ["SessionRegistration"] = typeof(RegistrationStatus),
    };

    public const string Refused = "Refused";

    public static string Entity(this IStringLocalizer t, string entity) => t.Keyed("AuditEntity." + entity, entity);

    public static string Action(this IStringLocalizer t, string action)
    {
        // A refused step is stored as the step's name and "Refused" (a pledge step the four-eyes rule stopped).
        if (action.EndsWith(Refused, StringComparison.Ordinal) && action.Length > Refused.Length)
            return t["{0} (refused)", t.Action(action[..^Refused.Length])];
        // Stripe's event types ("payment_intent.succeeded") name what the payment provider reported.
        if (action.Contains('.') || action.Contains('_')) return t["Online payment update ({0})", action];
        return t.Keyed("AuditAction." + action, action);
    }

    public static string State(this IStringLocalizer t, string entity, string action, string? state)
    {
        if (string.IsNullOrEmpty(state)) return "";
        // An inquiry's offer steps record the offer's state, not the inquiry's.
        var type = entity == "Inquiry" && action.StartsWith("Offer", StringComparison.Ordinal) && action != "OfferAccepted"
            ? typeof(OfferStatus)
            : States.GetValueOrDefault(entity);
        if (type is not null && Enum.TryParse(type, state, out var value)) return t.Display((Enum)value);
        // Organisations are "Verified"/"Unverified"; a user's "state" is the role given.
        return t.Keyed(entity == "User" ? "Role." + state : "AuditState." + state, state);
    }

    private static string Keyed(this IStringLocalizer t, string key, string fallback) =>
        t[key] is { ResourceNotFound: false } found ? found.Value : fallback;
}
