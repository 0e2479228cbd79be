using System.Diagnostics;
using Xunit.Abstractions;

namespace Marketplace.Web.Tests.Sweep;

/// <summary>
/// Issue 23: every Razor page route with <c>Accept: text/html</c>, anonymously and signed in by the form as each role,
/// with the victims', other and unknown ids and boundary values in its query and in every POST handler's form. No page
/// may answer 5xx or show another organisation's secret; the count of cases is kept in TestResults/sweep-pages.txt.
/// </summary>
public sealed class PageSweepTests(WebApp app, ITestOutputHelper output) : AppTest(app)
{
    [Fact]
    public async Task Every_page_as_every_role_with_boundary_values_answers_below_500_without_foreign_data()
    {
        var clock = Stopwatch.StartNew();
        var world = await new SweepWorld(App).BuildAsync();
        var pages = RazorPages.All(App.Services);
        var browsers = new List<SweepBrowser>();
        foreach (var caller in world.Callers)
        {
            var form = new FormClient(App);
            if (caller.User is { } user) Assert.Equal(System.Net.HttpStatusCode.Redirect, (await form.LoginAsync(user.Email, user.Password)).StatusCode);
            // The public home is cached and carries no token (decision 0020), nor does a signed-in page without a form
            // of its own; the sign-in and the sign-out forms do.
            browsers.Add(new SweepBrowser(caller, form, (await form.GetPageAsync(caller.User is null ? "/Accounts/Login" : "/Accounts/Logout")).Token));
        }
        var log = new SweepLog("pages");
        var sweep = new PageSweep(world, log);

        foreach (var owners in new[] { false, true })
        foreach (var page in pages)
            await sweep.RunAsync(page, browsers.Where(b => b.Caller.Victim == owners).ToList(), variantCallers: owners ? 2 : 1);

        output.WriteLine(log.Summary(clock.Elapsed) + $"; {pages.Count} pages, {pages.Sum(p => p.Posts.Count)} form handlers");
        log.Save(clock.Elapsed);
        Assert.True(pages.Count >= 30, $"only {pages.Count} pages found");
        Assert.True(log.Findings.Count == 0, $"{log.Findings.Count} findings:\n" + string.Join("\n", log.Findings.Take(60)));
    }
}
