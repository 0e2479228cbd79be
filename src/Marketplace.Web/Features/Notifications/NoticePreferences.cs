using System.Text.Json.Serialization;
using Marketplace.Domain.Common;
using Marketplace.Web.Data;
using Marketplace.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.Notifications;

public sealed record KindPreference(string Kind, string Title, bool InApp, bool Email, bool Digest);

public sealed record PreferencesResponse(string Language, IReadOnlyList<KindPreference> Kinds);

/// <summary>PUT /api/notifications/preferences: <c>{ "language": "en", "kinds": { "deal.status": { "email": false } } }</c>;
/// a channel left out keeps its value.</summary>
public sealed class PreferencesRequest
{
    public string? Language { get; set; }
    public Dictionary<string, Dictionary<string, bool>>? Kinds { get; set; }
}

/// <summary>Each person's channels per kind, and the language of their e-mails. A kind or channel the site does not know is
/// refused by name (400), and nothing of the request is kept.</summary>
public sealed class NoticePreferences(MarketplaceDb db, IStringLocalizer<SharedResource> t)
{
    public static readonly IReadOnlyDictionary<string, NoticeChannel> ChannelNames = new Dictionary<string, NoticeChannel>(StringComparer.OrdinalIgnoreCase)
    {
        ["inApp"] = NoticeChannel.InApp, ["email"] = NoticeChannel.Email, ["digest"] = NoticeChannel.Digest,
    };

    public async Task<PreferencesResponse> GetAsync(Guid userId, CancellationToken ct)
    {
        var chosen = await db.NoticePreferences.AsNoTracking().Where(p => p.UserId == userId).ToDictionaryAsync(p => p.Kind, ct);
        var language = await db.NoticeInboxes.Where(i => i.UserId == userId).Select(i => i.Language).SingleOrDefaultAsync(ct) ?? LocalizationFeature.Chinese.Name;
        return new PreferencesResponse(language, NoticeKinds.All.Select(k => chosen.TryGetValue(k.Name, out var p)
            ? new KindPreference(k.Name, t.Say(k.Title), p.InApp, p.Email, p.Digest)
            : new KindPreference(k.Name, t.Say(k.Title), k.Default(NoticeChannel.InApp), k.Default(NoticeChannel.Email), k.Default(NoticeChannel.Digest))).ToList());
    }

    public async Task<PreferencesResponse> SetAsync(Guid userId, PreferencesRequest request, CancellationToken ct)
    {
        var language = request.Language is null ? null
            : LocalizationFeature.TrySupported(request.Language, out var culture) ? culture.Name
            : throw new DomainRuleException("language", new Text("'{0}' is not one of: {1}.", request.Language, "zh-CN, en"));
        var changes = Validate(request.Kinds ?? []);
        foreach (var (kind, channels) in changes)
            foreach (var (channel, on) in channels) await SetAsync(userId, kind, channel, on, ct);
        if (language is not null) await SetLanguageAsync(userId, language, ct);
        await db.SaveChangesAsync(ct);
        return await GetAsync(userId, ct);
    }

    /// <summary>Turns one channel of one kind on or off (the one-click unsubscribe turns e-mail off). Saved by the caller.</summary>
    public async Task SetAsync(Guid userId, NoticeKind kind, NoticeChannel channel, bool on, CancellationToken ct)
    {
        var row = await db.NoticePreferences.FindAsync([userId, kind.Name], ct);
        if (row is null)
        {
            row = new NoticePreference
            {
                UserId = userId, Kind = kind.Name,
                InApp = kind.Default(NoticeChannel.InApp), Email = kind.Default(NoticeChannel.Email), Digest = kind.Default(NoticeChannel.Digest),
            };
            db.NoticePreferences.Add(row);
        }
        switch (channel)
        {
            case NoticeChannel.InApp: row.InApp = on; break;
            case NoticeChannel.Email: row.Email = on; break;
            default: row.Digest = on; break;
        }
    }

    private async Task SetLanguageAsync(Guid userId, string language, CancellationToken ct)
    {
        var inbox = await db.NoticeInboxes.FindAsync([userId], ct);
        if (inbox is null) db.NoticeInboxes.Add(new NoticeInbox { UserId = userId, Language = language });
        else inbox.Language = language;
    }

    private static List<(NoticeKind Kind, List<(NoticeChannel, bool)> Channels)> Validate(Dictionary<string, Dictionary<string, bool>> kinds)
    {
        var result = new List<(NoticeKind, List<(NoticeChannel, bool)>)>();
        foreach (var (name, channels) in kinds)
        {
            var kind = NoticeKinds.Find(name) ?? throw new DomainRuleException($"kinds.{name}", new Text("'{0}' is not a kind of notice.", name));
            var list = new List<(NoticeChannel, bool)>();
            foreach (var (channel, on) in channels ?? [])
                list.Add((ChannelNames.TryGetValue(channel, out var known) ? known
                    : throw new DomainRuleException($"kinds.{name}.{channel}", new Text("'{0}' is not a channel; the channels are inApp, email and digest.", channel)), on));
            result.Add((kind, list));
        }
        return result;
    }
}
