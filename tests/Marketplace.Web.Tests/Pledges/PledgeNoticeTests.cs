using Marketplace.Domain.Organizations;
using static Marketplace.Web.Tests.Pledges.PledgeParties;

namespace Marketplace.Web.Tests.Pledges;

public sealed class PledgeNoticeTests(WebApp app) : AppTest(app)
{
    [Fact]
    public async Task The_applicant_hears_of_each_state_change_and_the_park_office_of_the_figures()
    {
        var p = await PledgeParties.CreateAsync(App);
        var id = (await p.DraftAsync(await p.PatentAsync(1))).GetProperty("id").GetGuid();
        var (applicant, applicantNotices) = await LiveNotices.ConnectAsync(App, p.Enterprise);
        var (park, parkNotices) = await LiveNotices.ConnectAsync(App, await App.CreateUserAsync(OrganizationType.ParkOffice));
        await using var _ = applicant;
        await using var __ = park;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        await StepAsync(p.Applicant, id, "submit");
        await StepAsync(p.OfficerClient, id, "take");
        // Its own submission is announced too: every member of the organisation follows the application.
        Assert.Equal("pledge.status", (await applicantNotices.ReadAsync(timeout.Token)).Kind);
        var taken = await applicantNotices.ReadAsync(timeout.Token);
        Assert.Equal(("pledge.status", id, $"/Pledges/Detail/{id}"), (taken.Kind, taken.SubjectId!.Value, taken.Url));
        Assert.Contains("审查中", taken.Text);

        await StepAsync(p.OfficerClient, id, "recommend", new { amount = 1_000_000m, ratePercent = 4.35m, termMonths = 24 });
        await StepAsync(p.ApproverClient, id, "approve");
        Assert.Equal("targets.pledges", (await parkNotices.ReadAsync(timeout.Token)).Kind);
    }
}
