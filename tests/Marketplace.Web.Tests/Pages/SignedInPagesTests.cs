using System.Net;
using Marketplace.Web.Platform;
using Microsoft.Extensions.DependencyInjection;
using Marketplace.Web.Tests.Matchmaking;
using Marketplace.Web.Tests.Pledges;

namespace Marketplace.Web.Tests.Pages;

/// <summary>Issue 22: the signed-in pages read most (a role's home, the bank's queue, a negotiation room) read their
/// rows in a few statements, and still only the caller's own.</summary>
public sealed class SignedInPagesTests(WebApp app) : AppTest(app)
{
    [Fact]
    public async Task A_bank_officers_home_takes_at_most_three_statements_and_shows_only_its_banks_waiting_applications()
    {
        var bank = await PledgeParties.CreateAsync(App);
        var other = await PledgeParties.CreateAsync(App);
        var submitted = await SubmittedAsync(bank, 1);
        var taken = await SubmittedAsync(bank, 2);
        await PledgeParties.StepAsync(bank.OfficerClient, taken, "take");
        var elsewhere = await SubmittedAsync(other, 3);
        var officer = new FormClient(App);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.LoginAsync(bank.Officer.Email, bank.Officer.Password)).StatusCode);

        var home = await officer.Http.GetStringAsync("/");
        Assert.Contains($"/Pledges/Detail/{submitted}", home);
        Assert.Contains($"/Pledges/Detail/{taken}", home);
        Assert.DoesNotContain($"/Pledges/Detail/{elsewhere}", home);
        Assert.InRange(await ReadAfreshAsync(officer.Http), 1, 3);
        Assert.Equal(0, await CountAsync(officer.Http, "/"));

        var queue = await officer.Http.GetStringAsync("/Pledges/Queue");
        Assert.Contains($"/Pledges/Detail/{submitted}", queue);
        Assert.DoesNotContain($"/Pledges/Detail/{elsewhere}", queue);
        Assert.InRange(await CountAsync(officer.Http, "/Pledges/Queue"), 1, 3);
    }

    [Fact]
    public async Task An_enterprises_home_takes_at_most_three_statements_and_shows_its_open_rooms()
    {
        var market = await new Market(App).OpenAsync();
        var listing = await market.PublishAsync(1, "一种船舶智能导航装置", "用于近海船舶的导航定位。", ["G01C 21/20"], PatentSamples.Licence());
        var room = await market.OpenInquiryAsync(listing);
        var enterprise = new FormClient(App);
        Assert.Equal(HttpStatusCode.Redirect, (await enterprise.LoginAsync(market.EnterpriseUser.Email, market.EnterpriseUser.Password)).StatusCode);

        Assert.Contains($"/Inquiries/Room/{room}", await enterprise.Http.GetStringAsync("/"));
        Assert.InRange(await ReadAfreshAsync(enterprise.Http), 1, 3);
        Assert.Equal(0, await CountAsync(enterprise.Http, "/"));
    }

    [Fact]
    public async Task A_negotiation_room_reads_its_messages_with_their_authors_in_a_few_statements()
    {
        var market = await new Market(App).OpenAsync();
        var listing = await market.PublishAsync(1, "一种船舶智能导航装置", "用于近海船舶的导航定位。", ["G01C 21/20"], PatentSamples.Licence());
        var room = await market.OpenInquiryAsync(listing, "想了解独占许可的条件。");
        var office = new FormClient(App);
        Assert.Equal(HttpStatusCode.Redirect, (await office.LoginAsync(market.OfficeUser.Email, market.OfficeUser.Password)).StatusCode);

        var page = await office.Http.GetStringAsync($"/Inquiries/Room/{room}");
        Assert.Contains("想了解独占许可的条件。", page);
        Assert.Contains(market.EnterpriseUser.DisplayName, page);
        // The room, its facts, its messages with authors, the read mark, and the layout's unread count (opening a room
        // drops it, two statements) — was eleven.
        Assert.InRange(await CountAsync(office.Http, $"/Inquiries/Room/{room}"), 1, 6);
    }

    private static async Task<Guid> SubmittedAsync(PledgeParties parties, int patent)
    {
        var id = (await parties.DraftAsync(await parties.PatentAsync(patent))).GetProperty("id").GetGuid();
        await PledgeParties.StepAsync(parties.Applicant, id, "submit");
        return id;
    }

    private Task<int> CountAsync(HttpClient client, string url) => StatementCounter.CountAsync(App.Services, client, url);

    /// <summary>The statements of a home read afresh: a repeated view is the person's kept home (PersonalHomes).</summary>
    private Task<int> ReadAfreshAsync(HttpClient client)
    {
        App.Services.GetRequiredService<PersonalHomes>().Moved();
        return CountAsync(client, "/");
    }
}
