using Marketplace.Web.Features.Sessions;
using Marketplace.Web.Tests.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Notifications;

public sealed class SessionReminderTests(WebApp app) : AppTest(app)
{
    [Fact]
    public async Task Approved_participants_are_reminded_once_of_a_session_starting_within_a_day_by_its_name()
    {
        var world = await new SessionWorld(App).OpenAsync(live: false);
        var startsAt = DateTimeOffset.UtcNow.AddHours(3);
        await Notices.DbAsync(App, db => db.Sessions.Where(s => s.Id == world.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.StartsAt, startsAt)));
        // Its own instance: the app's hosted one may look too, and the dedupe key keeps that to one reminder as well.
        var reminders = ActivatorUtilities.CreateInstance<SessionReminders>(App.Services);
        await reminders.RunOnceAsync(CancellationToken.None);
        await reminders.RunOnceAsync(CancellationToken.None);

        var told = Assert.Single(await Notices.ItemsAsync(Notices.InChinese(world.Market.Enterprise), "session.starting"));
        Assert.Contains("海洋装备专场对接会", told.GetProperty("text").GetString());
        Assert.Empty(await Notices.ItemsAsync(world.Market.Office, "session.starting"));
    }
}
