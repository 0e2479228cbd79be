using System.Net;
using Marketplace.Domain.Organizations;
using Marketplace.Web.Features.Notifications;
using Marketplace.Web.Features.Notifications.Email;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Marketplace.Web.Tests.Notifications;

/// <summary>The default transport (no SMTP host): mail kept in the database once per Message-ID, shown to the park office;
/// and the unsubscribe links, good and bad.</summary>
public sealed class MailboxAndUnsubscribeTests(WebApp app) : AppTest(app)
{
    private sealed class At(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private Task<int> RunOutboxAsync(IServiceProvider? services = null) =>
        (services ?? App.Services).GetRequiredService<EmailOutbox>().RunOnceAsync(CancellationToken.None);

    private Task<List<MailboxMessage>> MailboxAsync() => Notices.DbAsync(App, db => db.MailboxMessages.AsNoTracking().ToListAsync());

    private Task<List<NoticePreference>> PreferencesAsync(Guid userId) =>
        Notices.DbAsync(App, db => db.NoticePreferences.AsNoTracking().Where(p => p.UserId == userId).ToListAsync());

    private string Token(Guid userId, string kind, TimeProvider? clock = null, IDataProtectionProvider? keys = null) =>
        new UnsubscribeTokens(keys ?? App.Services.GetRequiredService<IDataProtectionProvider>(), App.Services.GetRequiredService<IOptions<EmailOptions>>(),
            clock ?? TimeProvider.System).Create(new Unsubscription(userId, kind, NoticeChannel.Email));

    private Task<HttpResponseMessage> OneClickAsync(string token) =>
        App.CreateClient().PostAsync($"/api/notifications/unsubscribe?token={Uri.EscapeDataString(token)}",
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

    [Fact]
    public async Task Two_senders_share_the_outbox_and_each_email_is_kept_once_even_after_a_crash_between_send_and_mark()
    {
        var person = await App.CreateUserAsync(OrganizationType.Enterprise);
        await Notices.PostAsync(App, person.Id, NoticeKinds.InquiryOpened, 200);
        await using var second = App.Variant(_ => { });
        await Task.WhenAll(RunOutboxAsync(), RunOutboxAsync(second.Services));
        await RunOutboxAsync();

        var rows = await Notices.DbAsync(App, db => db.OutgoingEmails.AsNoTracking().Where(e => e.UserId == person.Id).ToListAsync());
        Assert.Equal(200, rows.Count);
        Assert.All(rows, r => Assert.Equal((1, true), (r.Attempts, r.SentAt is not null)));
        var mailbox = await MailboxAsync();
        Assert.Equal(rows.Select(r => r.MessageId).Order(), mailbox.Select(m => m.MessageId).Order());

        await Notices.DbAsync(App, db => db.OutgoingEmails.Where(e => e.UserId == person.Id).Take(10).ExecuteUpdateAsync(e => e
            .SetProperty(x => x.SentAt, (DateTimeOffset?)null).SetProperty(x => x.ClaimedUntil, DateTimeOffset.UtcNow.AddSeconds(-1))));
        Assert.Equal(10, await RunOutboxAsync());
        Assert.Equal(200, (await MailboxAsync()).Count);
    }

    [Fact]
    public async Task The_park_office_reads_kept_mail_in_the_recipients_language_and_others_may_not()
    {
        var person = await App.CreateUserAsync(OrganizationType.Enterprise);
        await Notices.PostAsync(App, person.Id, NoticeKinds.InquiryOpened, 1);
        await RunOutboxAsync();
        var kept = Assert.Single(await MailboxAsync());
        using var mime = await MimeMessage.LoadAsync(new MemoryStream(kept.Mime));
        Assert.Equal("新的询价：第1号", mime.Subject);
        Assert.Equal(person.Email, kept.To.Split('<', '>')[^2]);

        var admin = await App.CreateUserAsync(OrganizationType.ParkOffice);
        var form = new FormClient(App);
        await form.LoginAsync(admin.Email, admin.Password);
        var page = WebUtility.HtmlDecode(await form.Http.GetStringAsync($"/Notifications/Mailbox?id={Uri.EscapeDataString(kept.MessageId)}"));
        Assert.Contains("新的询价：第1号", page);
        var stranger = new FormClient(App);
        await stranger.LoginAsync(person.Email, person.Password);
        Assert.NotEqual(HttpStatusCode.OK, (await stranger.Http.GetAsync("/Notifications/Mailbox")).StatusCode);
    }

    [Fact]
    public async Task A_good_token_turns_off_only_its_kind_and_a_forged_foreign_or_expired_one_is_a_400_that_changes_nothing()
    {
        var person = await App.CreateUserAsync(OrganizationType.Enterprise);
        var good = Token(person.Id, "deal.status");

        var forged = good[..^4] + (good[^4] == 'A' ? 'B' : 'A') + good[^3..];
        var foreign = Token(person.Id, "deal.status", keys: DataProtectionProvider.Create("another-site"));
        var expired = Token(person.Id, "deal.status", clock: new At(DateTimeOffset.UtcNow.AddDays(-91)));
        var unknownKind = Token(person.Id, "deal.nothing");
        foreach (var bad in new[] { forged, foreign, expired, unknownKind, "", "not-a-token" })
        {
            var answer = await OneClickAsync(bad);
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            Assert.Contains("not valid or has expired", await FieldErrorAsync(answer, "token"));
        }
        Assert.Empty(await PreferencesAsync(person.Id));

        // A browser following the link is asked first; the GET changes nothing.
        var browser = Notices.InChinese(App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = true }));
        var asked = await browser.GetAsync($"/api/notifications/unsubscribe?token={Uri.EscapeDataString(good)}");
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("停止接收“交易进展”的邮件？", WebUtility.HtmlDecode(await asked.Content.ReadAsStringAsync()));
        Assert.Empty(await PreferencesAsync(person.Id));
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.GetAsync($"/Notifications/Unsubscribe?token={Uri.EscapeDataString(forged)}")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await OneClickAsync(good)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await OneClickAsync(good)).StatusCode);
        var off = Assert.Single(await PreferencesAsync(person.Id));
        Assert.Equal(("deal.status", false, true), (off.Kind, off.Email, off.InApp));
    }
}
