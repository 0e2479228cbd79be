using Marketplace.Domain.Common;
using Marketplace.Domain.Patents;

namespace Marketplace.Domain.Sessions;

/// <summary>What the park office says about a session (供需对接会) when it announces it.</summary>
public sealed record SessionDetails(
    string TitleZh, string? TitleEn, string Theme, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Venue, string? OnlineUrl,
    int Capacity, DateTimeOffset RegistrationDeadline)
{
    public const int MaxCapacity = 5000;

    public SessionDetails Validated()
    {
        var titleZh = TextRules.Required(TitleZh, "titleZh", "Chinese title", 200);
        var titleEn = TextRules.Optional(TitleEn, "titleEn", "English title", 200);
        var theme = TextRules.Required(Theme, "theme", "Theme", 100);
        var venue = TextRules.Optional(Venue, "venue", "Venue", 200);
        var online = TextRules.Optional(OnlineUrl, "onlineUrl", "Online address", 500);
        if (venue is null && online is null)
            throw new DomainRuleException("venue", "A session needs a venue, an online address, or both.");
        if (online is not null && !(Uri.TryCreate(online, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
            throw new DomainRuleException("onlineUrl", "The online address must be an http(s) URL.");
        if (EndsAt <= StartsAt)
            throw new DomainRuleException("endsAt", "A session ends after it starts.");
        if (EndsAt - StartsAt > TimeSpan.FromHours(12))
            throw new DomainRuleException("endsAt", "A session lasts at most 12 hours.");
        if (Capacity is < 1 or > MaxCapacity)
            throw new DomainRuleException("capacity", new Text("The capacity must be between 1 and {0}.", MaxCapacity));
        if (RegistrationDeadline > StartsAt)
            throw new DomainRuleException("registrationDeadline", "Registration closes before the session starts.");
        // Instants are kept in UTC, whatever offset the caller wrote them with; pages show them in China time.
        return this with
        {
            TitleZh = titleZh, TitleEn = titleEn, Theme = theme, Venue = venue, OnlineUrl = online, StartsAt = StartsAt.ToUniversalTime(),
            EndsAt = EndsAt.ToUniversalTime(), RegistrationDeadline = RegistrationDeadline.ToUniversalTime(),
        };
    }
}
