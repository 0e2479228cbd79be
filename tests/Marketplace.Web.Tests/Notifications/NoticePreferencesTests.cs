using System.Net;
using System.Net.Http.Json;
using Marketplace.Domain.Organizations;
using Marketplace.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Marketplace.Web.Tests.Matchmaking.Market;

namespace Marketplace.Web.Tests.Notifications;

public sealed class NoticePreferencesTests(WebApp app) : AppTest(app)
{
    private async Task<int> QueuedEmailsAsync(Guid userId) =>
        await Notices.DbAsync(App, db => db.OutgoingEmails.CountAsync(e => e.UserId == userId));

    [Fact]
    public async Task Each_kind_goes_only_to_the_channels_the_person_chose()
    {
        var person = await App.CreateUserAsync(OrganizationType.Enterprise);
        var client = await App.ClientForAsync(person);
        var defaults = await Json(await client.GetAsync("/api/notifications/preferences"));
        Assert.Equal("zh-CN", defaults.GetProperty("language").GetString());
        var opened = defaults.GetProperty("kinds").EnumerateArray().Single(k => k.GetProperty("kind").GetString() == "inquiry.opened");
        Assert.Equal((true, true, false), (opened.GetProperty("inApp").GetBoolean(), opened.GetProperty("email").GetBoolean(), opened.GetProperty("digest").GetBoolean()));
        Assert.Equal(NoticeKinds.All.Count, defaults.GetProperty("kinds").GetArrayLength());

        // E-mail only: kept (the e-mail carries it), not listed and not counted.
        var saved = await Json(await client.PutAsJsonAsync("/api/notifications/preferences",
            new { language = "en", kinds = new Dictionary<string, object> { ["inquiry.opened"] = new { inApp = false } } }));
        Assert.Equal("en", saved.GetProperty("language").GetString());
        await Notices.PostAsync(App, person.Id, NoticeKinds.InquiryOpened, 1);
        Assert.Equal(0, (await Notices.PageAsync(client)).GetProperty("total").GetInt32());
        Assert.Equal(0, await Notices.UnreadAsync(client));
        Assert.Equal(1, await QueuedEmailsAsync(person.Id));

        // In the app only: listed and counted, no e-mail.
        await Json(await client.PutAsJsonAsync("/api/notifications/preferences",
            new { kinds = new Dictionary<string, object> { ["inquiry.opened"] = new { inApp = true, email = false } } }));
        await Notices.PostAsync(App, person.Id, NoticeKinds.InquiryOpened, 1);
        Assert.Equal(1, await Notices.UnreadAsync(client));
        Assert.Equal(1, await QueuedEmailsAsync(person.Id));

        // Nothing at all: no notice is kept.
        await Json(await client.PutAsJsonAsync("/api/notifications/preferences",
            new { kinds = new Dictionary<string, object> { ["inquiry.opened"] = new { inApp = false } } }));
        await Notices.PostAsync(App, person.Id, NoticeKinds.InquiryOpened, 1);
        Assert.Equal(2, (await Notices.StoredAsync(App, person.Id)).Count);

        // The daily digest: gathered into one e-mail at the digest hour, not sent at once.
        await Json(await client.PutAsJsonAsync("/api/notifications/preferences",
            new { kinds = new Dictionary<string, object> { ["inquiry.message"] = new { digest = true, inApp = false } } }));
        await Notices.PostAsync(App, person.Id, NoticeKinds.InquiryMessage, 3);
        Assert.Equal(1, await QueuedEmailsAsync(person.Id));
        var digest = App.Services.GetRequiredService<Marketplace.Web.Features.Notifications.Email.DailyDigest>();
        Assert.Equal(1, await digest.BuildAsync(DateTimeOffset.UtcNow.AddDays(1), CancellationToken.None));
        Assert.Equal(0, await digest.BuildAsync(DateTimeOffset.UtcNow.AddDays(1), CancellationToken.None));
        var gathered = await Notices.DbAsync(App, db => db.OutgoingEmails.SingleAsync(e => e.UserId == person.Id && e.Kind == "digest"));
        Assert.Equal(3, gathered.DigestNoticeIds.Length);

        var after = await Json(await client.GetAsync("/api/notifications/preferences"));
        var kept = after.GetProperty("kinds").EnumerateArray().Single(k => k.GetProperty("kind").GetString() == "inquiry.opened");
        Assert.Equal((false, false), (kept.GetProperty("inApp").GetBoolean(), kept.GetProperty("email").GetBoolean()));
    }

    [Theory]
    [InlineData("nope", "inApp", "kinds.nope")]
    [InlineData("deal.status", "sms", "kinds.deal.status.sms")]
    public async Task An_unknown_kind_or_channel_is_refused_by_name_and_nothing_of_the_request_is_kept(string kind, string channel, string field)
    {
        var person = await App.CreateUserAsync(OrganizationType.Enterprise);
        var client = await App.ClientForAsync(person);
        var answer = await client.PutAsJsonAsync("/api/notifications/preferences", new
        {
            language = "en",
            kinds = new Dictionary<string, Dictionary<string, bool>> { ["inquiry.opened"] = new() { ["email"] = false }, [kind] = new() { [channel] = false } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains(kind == "nope" ? "nope" : "sms", await FieldErrorAsync(answer, field));
        Assert.Empty(await Notices.DbAsync(App, db => db.NoticePreferences.Where(p => p.UserId == person.Id).ToListAsync()));
        Assert.Equal("zh-CN", (await Json(await client.GetAsync("/api/notifications/preferences"))).GetProperty("language").GetString());

        var language = await client.PutAsJsonAsync("/api/notifications/preferences", new { language = "fr" });
        Assert.Equal(HttpStatusCode.BadRequest, language.StatusCode);
        Assert.Contains("fr", await FieldErrorAsync(language, "language"));
    }
}
