using System.Net;
using System.Net.Http.Json;
using Marketplace.Domain.Organizations;
using Marketplace.Web.Features.Notifications;
using Marketplace.Web.Features.Notifications.Email;
using Marketplace.Web.Tests.Matchmaking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using static Marketplace.Web.Tests.Matchmaking.Market;

namespace Marketplace.Web.Tests.Notifications;

public sealed class EmailDeliveryTests(MailApp app) : MailTest(app)
{
    private Task<int> RunOutboxAsync() => App.Services.GetRequiredService<EmailOutbox>().RunOnceAsync(CancellationToken.None);

    private Task<OutgoingEmail> RowAsync(Guid userId) =>
        Notices.DbAsync(App, db => db.OutgoingEmails.AsNoTracking().SingleAsync(e => e.UserId == userId));

    private async Task<OutgoingEmail> WaitForFailureAsync(Guid userId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var row = await RowAsync(userId);
            if (row.LastError is not null && row.ClaimedUntil is null) return row;
            await Task.Delay(100, timeout.Token);
        }
    }

    /// <summary>The back-off has passed (the test moves the row's next attempt to now instead of waiting).</summary>
    private Task MakeDueAsync(Guid userId) => Notices.DbAsync(App, db =>
        db.OutgoingEmails.Where(e => e.UserId == userId).ExecuteUpdateAsync(e => e.SetProperty(x => x.NotBefore, DateTimeOffset.UtcNow.AddSeconds(-1))));

    [Fact]
    public async Task An_approval_is_mailed_in_each_readers_language_with_text_and_html_a_link_and_a_one_click_unsubscribe()
    {
        var market = await new Market(App).OpenAsync();
        var colleague = await App.AddMemberAsync(market.OfficeUser, market.OfficeUser.Role);
        await Json(await (await App.ClientForAsync(colleague)).PutAsJsonAsync("/api/notifications/preferences", new { language = "en" }));
        var listing = await market.PublishAsync(1, "一种船舶智能导航装置", "导航。", ["G01C 21/20"], PatentSamples.Licence());

        var mails = (await App.Smtp.WaitForAsync(2)).Where(m => m.Headers[EmailComposer.KindHeader] == "listing.approved").ToList();
        Assert.Equal(2, mails.Count);
        var chinese = Assert.Single(mails, m => m.To.Mailboxes.Single().Address == market.OfficeUser.Email);
        var english = Assert.Single(mails, m => m.To.Mailboxes.Single().Address == colleague.Email);
        Assert.Equal("您的挂牌“一种船舶智能导航装置”已审核通过并发布。", chinese.Subject);
        Assert.Equal("Your listing of 一种船舶智能导航装置 was approved and is published.", english.Subject);
        Assert.Contains("威海知识产权交易平台", chinese.From.ToString());

        var link = $"{MailApp.PublicBaseUrl}/Listings/Detail/{listing}";
        foreach (var (mail, language) in new[] { (chinese, "zh-CN"), (english, "en") })
        {
            Assert.Contains(link, mail.TextBody);
            Assert.Contains($"<a href=\"{link}\">", mail.HtmlBody);
            Assert.Contains($"lang=\"{language}\"", mail.HtmlBody);
            Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
            Assert.StartsWith($"<{MailApp.PublicBaseUrl}/api/notifications/unsubscribe?token=", mail.Headers["List-Unsubscribe"]);
            Assert.EndsWith("@notices.weihai-marketplace", mail.MessageId);
        }
        Assert.Contains("一键退订", chinese.TextBody);
        Assert.Contains("Unsubscribe with one click", english.TextBody);

        // RFC 8058: the mail provider POSTs the one-click body to the header's URI, with no cookie and no antiforgery token.
        var uri = new Uri(english.Headers["List-Unsubscribe"]!.Trim('<', '>'));
        var anonymous = App.CreateClient();
        var answer = await anonymous.PostAsync(uri.PathAndQuery, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var chosen = await Notices.DbAsync(App, db => db.NoticePreferences.AsNoTracking().Where(p => p.UserId == colleague.Id || p.UserId == market.OfficeUser.Id).ToListAsync());
        var off = Assert.Single(chosen);
        Assert.Equal((colleague.Id, "listing.approved", false, true), (off.UserId, off.Kind, off.Email, off.InApp));
    }

    [Fact]
    public async Task A_refusing_server_leaves_the_email_queued_and_it_goes_once_when_the_server_takes_it()
    {
        App.Smtp.Mode = TestSmtpServer.Behaviour.Refuse;
        var person = await App.CreateUserAsync(OrganizationType.Enterprise);
        await Notices.PostAsync(App, person.Id, NoticeKinds.InquiryOpened, 1);

        var refused = await WaitForFailureAsync(person.Id);
        Assert.Null(refused.SentAt);
        Assert.Equal(1, refused.Attempts);
        Assert.True(refused.NotBefore > DateTimeOffset.UtcNow.AddSeconds(10), $"next attempt at {refused.NotBefore}");
        Assert.Equal(0, await RunOutboxAsync());
        Assert.Empty(App.Smtp.Received);
        var client = await App.ClientForAsync(person);
        Assert.Equal(1, await Notices.UnreadAsync(client));

        App.Smtp.Mode = TestSmtpServer.Behaviour.Accept;
        await MakeDueAsync(person.Id);
        Assert.Equal(1, await RunOutboxAsync());
        var mail = Assert.Single(await App.Smtp.WaitForAsync(1));
        var sent = await RowAsync(person.Id);
        Assert.Equal((2, sent.MessageId), (sent.Attempts, mail.MessageId));
        Assert.NotNull(sent.SentAt);

        Assert.Equal(0, await RunOutboxAsync());
        Assert.Single(App.Smtp.Received);
    }

    [Fact]
    public async Task A_server_that_does_not_answer_times_out_while_the_app_keeps_serving_and_the_email_stays_queued()
    {
        App.Smtp.Mode = TestSmtpServer.Behaviour.Hang;
        var person = await App.CreateUserAsync(OrganizationType.Enterprise);
        var client = await App.ClientForAsync(person);
        var before = App.Smtp.Attempts;
        await Notices.PostAsync(App, person.Id, NoticeKinds.InquiryOpened, 1);
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
            while (App.Smtp.Attempts == before) await Task.Delay(50, timeout.Token);

        // The sender is waiting on the server now; pages and the API answer meanwhile.
        Assert.Equal(1, (await Notices.PageAsync(client)).GetProperty("total").GetInt32());
        Assert.Null((await RowAsync(person.Id)).SentAt);

        var timedOut = await WaitForFailureAsync(person.Id);
        Assert.Null(timedOut.SentAt);
        Assert.Contains("Timeout", timedOut.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(App.Smtp.Received);

        App.Smtp.Mode = TestSmtpServer.Behaviour.Accept;
        await MakeDueAsync(person.Id);
        Assert.Equal(1, await RunOutboxAsync());
        Assert.Single(await App.Smtp.WaitForAsync(1));
    }

    [Fact]
    public async Task A_sender_that_died_between_the_servers_acceptance_and_the_mark_sends_again_under_the_same_message_id()
    {
        var person = await App.CreateUserAsync(OrganizationType.Enterprise);
        await Notices.PostAsync(App, person.Id, NoticeKinds.InquiryOpened, 1);
        var first = Assert.Single(await App.Smtp.WaitForAsync(1));
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
            while ((await RowAsync(person.Id)).SentAt is null) await Task.Delay(50, timeout.Token);

        // What a crash after the server's 250 and before the mark leaves: claimed, unsent, its lease run out.
        await Notices.DbAsync(App, db => db.OutgoingEmails.Where(e => e.UserId == person.Id).ExecuteUpdateAsync(e => e
            .SetProperty(x => x.SentAt, (DateTimeOffset?)null).SetProperty(x => x.ClaimedUntil, DateTimeOffset.UtcNow.AddSeconds(-1))));
        Assert.Equal(1, await RunOutboxAsync());
        var again = (await App.Smtp.WaitForAsync(2))[1];
        Assert.Equal(first.MessageId, again.MessageId);
        Assert.Equal(first.Subject, again.Subject);
        Assert.Equal(0, await RunOutboxAsync());
        Assert.Equal(2, App.Smtp.Received.Count);
    }

    [Fact]
    public async Task Sent_emails_older_than_the_retention_are_pruned_and_unsent_or_recent_ones_stay()
    {
        var market = await new Market(App).OpenAsync();
        var keep = App.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<EmailOptions>>().Value.KeepSent;
        var (old, recent, unsent) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var longAgo = DateTimeOffset.UtcNow - keep - TimeSpan.FromDays(1);
        await Notices.DbAsync(App, async db =>
        {
            db.OutgoingEmails.AddRange(
                new OutgoingEmail { Id = old, UserId = market.OfficeUser.Id, Kind = "listing.approved", CreatedAt = longAgo, NotBefore = longAgo, SentAt = longAgo },
                new OutgoingEmail { Id = recent, UserId = market.OfficeUser.Id, Kind = "listing.approved", CreatedAt = longAgo, NotBefore = longAgo, SentAt = DateTimeOffset.UtcNow },
                new OutgoingEmail { Id = unsent, UserId = market.OfficeUser.Id, Kind = "listing.approved", CreatedAt = longAgo, NotBefore = DateTimeOffset.UtcNow.AddDays(1), LastError = "refused" });
            return await db.SaveChangesAsync();
        });

        Assert.Equal(1, await App.Services.GetRequiredService<EmailOutbox>().PruneAsync(CancellationToken.None));
        var left = await Notices.DbAsync(App, db => db.OutgoingEmails.AsNoTracking().Select(e => e.Id).ToListAsync());
        Assert.DoesNotContain(old, left);
        Assert.Contains(recent, left);
        Assert.Contains(unsent, left);
    }
}
