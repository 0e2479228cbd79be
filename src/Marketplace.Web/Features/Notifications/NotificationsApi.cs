using System.Security.Claims;
using Marketplace.Domain.Common;
using Marketplace.Web.Data;
using Marketplace.Web.Platform.Identity;
using Marketplace.Web.Features.Notifications.Email;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Notifications;

public static class NotificationsApi
{
    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/notifications").WithTags("Notifications");
        var mine = api.MapGroup("").RequireAuthorization();
        mine.MapGet("/", async (int? page, int? pageSize, bool? unread, ClaimsPrincipal user, NotificationCentre centre, CancellationToken ct) =>
            TypedResults.Ok(await centre.ListAsync(Me(user), page, pageSize, unread ?? false, ct)));
        mine.MapGet("/unread", async (ClaimsPrincipal user, UnreadNotices unread, CancellationToken ct) =>
            TypedResults.Ok(new { count = await unread.CountAsync(Me(user), ct) }));
        mine.MapPost("/{id:guid}/read", async (Guid id, ClaimsPrincipal user, NotificationCentre centre, CancellationToken ct) =>
            TypedResults.Ok(new { unread = await centre.MarkReadAsync(Me(user), id, ct) }));
        mine.MapPost("/read-all", async (ClaimsPrincipal user, NotificationCentre centre, CancellationToken ct) =>
            TypedResults.Ok(new { unread = await centre.MarkAllReadAsync(Me(user), ct) }));
        mine.MapGet("/preferences", async (ClaimsPrincipal user, NoticePreferences preferences, CancellationToken ct) =>
            TypedResults.Ok(await preferences.GetAsync(Me(user), ct)));
        mine.MapPut("/preferences", async (PreferencesRequest request, ClaimsPrincipal user, NoticePreferences preferences, CancellationToken ct) =>
            TypedResults.Ok(await preferences.SetAsync(Me(user), request, ct)));

        // RFC 8058 one-click: the mail provider POSTs "List-Unsubscribe=One-Click" with no cookie and no antiforgery token;
        // the signed token is the authority. A browser that opens the link (GET) is shown the page that asks first.
        api.MapPost("/unsubscribe", Unsubscribe).AllowAnonymous().DisableAntiforgery();
        api.MapGet("/unsubscribe", (string? token) => TypedResults.Redirect($"/Notifications/Unsubscribe?token={Uri.EscapeDataString(token ?? "")}"))
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<Ok<UnsubscribeResult>> Unsubscribe(string? token, Unsubscriber unsubscriber, CancellationToken ct) =>
        TypedResults.Ok(await unsubscriber.ApplyAsync(token, ct));

    private static Guid Me(ClaimsPrincipal user) => user.UserId() ?? throw new ForbiddenActionException("user", "Sign in as a person to read notices.");
}

public sealed record UnsubscribeResult(string Kind, string Channel);

/// <summary>Applies an unsubscribe token: e-mail of its kind off, or the daily digest off for every kind. A forged or
/// expired token is a 400 and changes nothing.</summary>
public sealed class Unsubscriber(UnsubscribeTokens tokens, NoticePreferences preferences, MarketplaceDb db)
{
    public async Task<UnsubscribeResult> ApplyAsync(string? token, CancellationToken ct)
    {
        var what = tokens.Read(token) ?? throw new DomainRuleException("token", "This unsubscribe link is not valid or has expired.");
        var kinds = what.Kind == OutgoingEmail.DigestKind ? NoticeKinds.All.ToList()
            : [NoticeKinds.Find(what.Kind) ?? throw new DomainRuleException("token", "This unsubscribe link is not valid or has expired.")];
        if (!await db.Users.AnyAsync(u => u.Id == what.UserId, ct)) throw new DomainRuleException("token", "This unsubscribe link is not valid or has expired.");
        foreach (var kind in kinds) await preferences.SetAsync(what.UserId, kind, what.Channel, false, ct);
        await db.SaveChangesAsync(ct);
        return new UnsubscribeResult(what.Kind, what.Channel.ToString());
    }
}
