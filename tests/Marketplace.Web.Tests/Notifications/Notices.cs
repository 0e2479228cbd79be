using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Domain.Common;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Notifications;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Marketplace.Web.Tests.Matchmaking.Market;

namespace Marketplace.Web.Tests.Notifications;

/// <summary>Reads a person's notices through the API, and writes notices the way a domain-event handler does (the
/// notice board inside a transaction), for tests that need many of them.</summary>
public static class Notices
{
    public static async Task<JsonElement> PageAsync(HttpClient client, int page = 1, int pageSize = 20, bool unread = false) =>
        await Json(await client.GetAsync($"/api/notifications?page={page}&pageSize={pageSize}&unread={unread}"));

    public static async Task<List<JsonElement>> ItemsAsync(HttpClient client, string? kind = null) =>
        (await PageAsync(client, pageSize: 100)).GetProperty("items").EnumerateArray()
            .Where(n => kind is null || n.GetProperty("kind").GetString() == kind).ToList();

    public static async Task<int> UnreadAsync(HttpClient client) =>
        (await Json(await client.GetAsync("/api/notifications/unread"))).GetProperty("count").GetInt32();

    /// <summary>A client that asks for the Chinese UI.</summary>
    public static HttpClient InChinese(HttpClient client)
    {
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        return client;
    }

    /// <summary>Writes <paramref name="count"/> notices of <paramref name="kind"/> to one person, each in the way a
    /// handler does, in transactions of a thousand.</summary>
    public static async Task PostAsync(WebApplicationFactory<Program> app, Guid userId, NoticeKind kind, int count, string? dedupeKey = null)
    {
        for (var done = 0; done < count;)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MarketplaceDb>();
            var board = scope.ServiceProvider.GetRequiredService<NoticeBoard>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            for (var i = 0; i < 1000 && done < count; i++, done++)
                await board.PostAsync(NoticeAudience.Person(userId), kind, new Text("New inquiry: {0}", $"第{done + 1}号"), $"/Inquiries/Room/{Guid.Empty}", null,
                    dedupeKey is null ? null : $"{dedupeKey}:{done}");
            await transaction.CommitAsync();
        }
    }

    public static async Task<T> DbAsync<T>(WebApplicationFactory<Program> app, Func<MarketplaceDb, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<MarketplaceDb>());
    }

    public static Task<List<StoredNotice>> StoredAsync(WebApplicationFactory<Program> app, Guid userId) =>
        DbAsync(app, db => db.Notices.AsNoTracking().Where(n => n.UserId == userId).OrderBy(n => n.CreatedAt).ToListAsync());
}
