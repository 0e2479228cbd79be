using System.Net;

namespace Marketplace.Web.Tests.Sessions;

public sealed class SessionPagesTests(WebApp app) : AppTest(app)
{
    [Fact]
    public async Task The_office_pages_render_and_the_board_is_public()
    {
        var world = await new SessionWorld(App).OpenAsync();
        await world.StartPitchAsync(0);
        foreach (var page in new[] { "/Sessions", $"/Sessions/Detail/{world.Id}", $"/Sessions/Console/{world.Id}", $"/Sessions/Report/{world.Id}" })
        {
            var html = await (await world.Market.Admin.GetAsync(page)).EnsureSuccessStatusCode().Content.ReadAsStringAsync();
            Assert.Contains("海洋装备专场对接会", html);
        }
        var board = await App.CreateClient().GetAsync($"/Sessions/Board/{world.Id}");
        Assert.Contains($"data-session-board=\"{world.Id}\"", await board.EnsureSuccessStatusCode().Content.ReadAsStringAsync());
        var csv = await world.Market.Admin.GetAsync($"/Sessions/Report/{world.Id}?handler=Csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, (await world.Market.Enterprise.GetAsync($"/Sessions/Console/{world.Id}")).StatusCode);
    }
}
