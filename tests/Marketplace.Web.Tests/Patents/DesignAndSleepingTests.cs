using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Domain.Organizations;
using Marketplace.Web.Features.Search;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Patents;

/// <summary>Designs by Locarno class (entry and the search facet), and the sleeping tag and filter.</summary>
public sealed class DesignAndSleepingTests(WebApp app) : AppTest(app)
{
    private static Dictionary<string, object?> Design(int n) => new()
    {
        ["applicationNumber"] = PatentSamples.Number(n, typeDigit: 3), ["type"] = "Design", ["titleZh"] = $"船用导航仪{n}",
        ["abstractZh"] = "本外观设计产品的名称为船用导航仪。", ["locarnoClass"] = "LOC (14) Cl. 10-04", ["inventors"] = new[] { "张三" },
        ["filingDate"] = "2019-03-15", ["grantDate"] = "2019-09-10", ["legalStatus"] = "Valid",
    };

    private async Task<Guid> PublishAsync(HttpClient office, Dictionary<string, object?> patent)
    {
        var created = await office.PostAsJsonAsync("/api/patents", patent);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var patentId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var listing = await office.PostAsJsonAsync("/api/listings", new { patentId, terms = new { transfer = new { askingPrice = 100000m } } });
        Assert.True(listing.IsSuccessStatusCode, await listing.Content.ReadAsStringAsync());
        var id = (await listing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await office.PostAsync($"/api/listings/{id}/submit", null);
        var admin = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.ParkOffice));
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/listings/{id}/approve", null)).StatusCode);
        return id;
    }

    [Fact]
    public async Task A_design_is_entered_with_its_Locarno_class_and_found_by_it()
    {
        var office = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.University));
        var withIpc = Design(1);
        withIpc["ipcCodes"] = new[] { "G01C 21/20" };
        var refused = await office.PostAsJsonAsync("/api/patents", withIpc);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        await FieldErrorAsync(refused, "ipcCodes");

        await PublishAsync(office, Design(2));
        await PublishAsync(office, PatentSamples.Patent(3));
        await App.Services.GetRequiredService<SearchIndexer>().RunOnceAsync(CancellationToken.None);
        var result = await App.CreateClient().GetFromJsonAsync<JsonElement>("/api/search?locarno=10");
        Assert.Equal(1, result.GetProperty("total").GetInt64());
        var facet = result.GetProperty("facets").GetProperty("locarno").EnumerateArray().Single();
        Assert.Equal(("10", 1L), (facet.GetProperty("value").GetString(), facet.GetProperty("count").GetInt64()));
        Assert.Equal(HttpStatusCode.BadRequest, (await App.CreateClient().GetAsync("/api/search?locarno=B63")).StatusCode);
    }

    [Fact]
    public async Task Only_a_university_patent_never_put_to_use_is_sleeping_and_the_filter_agrees()
    {
        var university = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.University));
        var enterprise = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.Enterprise));
        await PublishAsync(university, PatentSamples.Patent(1));
        var transferred = PatentSamples.Patent(2);
        transferred["recordedEvents"] = "Transfer";
        await PublishAsync(university, transferred);
        await PublishAsync(enterprise, PatentSamples.Patent(3));

        var anonymous = App.CreateClient();
        var sleeping = await anonymous.GetFromJsonAsync<JsonElement>("/api/listings?sleeping=true");
        var title = Assert.Single(sleeping.GetProperty("items").EnumerateArray()).GetProperty("patent").GetProperty("titleZh").GetString();
        Assert.Equal("一种用于船舶的智能导航装置1", title);
        var awake = await anonymous.GetFromJsonAsync<JsonElement>("/api/listings?sleeping=false");
        Assert.Equal(2, awake.GetProperty("total").GetInt32());
        Assert.All(awake.GetProperty("items").EnumerateArray(), l => Assert.False(l.GetProperty("patent").GetProperty("isSleeping").GetBoolean()));
    }
}
