using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Domain.Matchmaking;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Needs;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Marketplace.Web.Tests.Matchmaking.Market;

namespace Marketplace.Web.Tests.Matchmaking;

public sealed class NeedExpiryTests(WebApp app) : AppTest(app)
{
    [Fact]
    public async Task A_need_past_its_deadline_reads_as_expired_and_the_sweep_stores_it_with_an_audit_row()
    {
        var market = await new Market(App).OpenAsync();
        await market.PublishAsync(1, "一种船舶智能导航装置", "用于近海船舶的导航定位。", ["G01C 21/20"], PatentSamples.Licence());
        var needId = await market.OpenNeedAsync(Need(days: 10));
        await market.SettleAsync();
        Assert.Single((await market.Enterprise.GetFromJsonAsync<JsonElement>($"/api/needs/{needId}/matches")).EnumerateArray());

        await using var later = App.Variant(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(new LaterClock(TimeSpan.FromDays(12)))));
        // Tokens issued today have expired by then: sign in again on the later clock.
        var enterprise = later.CreateClient();
        var login = await enterprise.PostAsJsonAsync("/api/auth/login", new { email = market.EnterpriseUser.Email, password = market.EnterpriseUser.Password });
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        enterprise.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var read = await enterprise.GetFromJsonAsync<JsonElement>($"/api/needs/{needId}");
        Assert.Equal("Expired", read.GetProperty("status").GetString());

        await later.Services.GetRequiredService<MatchingWorker>().RunOnceAsync(CancellationToken.None);
        await later.Services.GetRequiredService<MatchingWorker>().RunOnceAsync(CancellationToken.None);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDb>();
        Assert.Equal(NeedStatus.Expired, (await db.Needs.SingleAsync(n => n.Id == needId)).Status);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == needId.ToString() && a.Action == "Expired"));
        Assert.Empty(await db.NeedMatches.Where(m => m.NeedId == needId).ToListAsync());
    }
}
