using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Domain.Organizations;

namespace Marketplace.Web.Tests;

public sealed class PatentsAndListingsTests(WebApp app) : AppTest(app)
{
    private async Task<(HttpClient Office, Guid PatentId)> OfficeWithPatentAsync(int n = 1)
    {
        var office = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.University));
        var created = await office.PostAsJsonAsync("/api/patents", PatentSamples.Patent(n));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (office, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Office_lists_a_patent_and_it_is_published_after_approval()
    {
        var (office, patentId) = await OfficeWithPatentAsync();
        var listing = await JsonAsync(await office.PostAsJsonAsync("/api/listings", new { patentId, terms = PatentSamples.Licence() }));
        Assert.Equal("Draft", listing.GetProperty("status").GetString());
        Assert.True(listing.GetProperty("patent").GetProperty("isSleeping").GetBoolean());
        var id = listing.GetProperty("id").GetGuid();
        var anonymous = App.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/listings/{id}")).StatusCode);

        await JsonAsync(await office.PostAsync($"/api/listings/{id}/submit", null));
        var admin = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.ParkOffice));
        var queue = await admin.GetFromJsonAsync<JsonElement>("/api/listings?status=PendingReview");
        Assert.Equal(1, queue.GetProperty("total").GetInt32());
        await JsonAsync(await admin.PostAsync($"/api/listings/{id}/approve", null));

        var catalog = await anonymous.GetFromJsonAsync<JsonElement>("/api/listings?mode=Licence&sleeping=true");
        Assert.Equal(1, catalog.GetProperty("total").GetInt32());
        Assert.Equal(0, (await anonymous.GetFromJsonAsync<JsonElement>("/api/listings?mode=Equity")).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/patents/{patentId}")).StatusCode);
        var history = await anonymous.GetFromJsonAsync<JsonElement>($"/api/listings/{id}/history");
        Assert.Equal(["Created", "Submitted", "Approved"], history.EnumerateArray().Select(h => h.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task Editing_a_published_listing_sends_it_back_to_review()
    {
        var (office, patentId) = await OfficeWithPatentAsync();
        var id = (await JsonAsync(await office.PostAsJsonAsync("/api/listings", new { patentId, terms = PatentSamples.Licence() }))).GetProperty("id").GetGuid();
        await JsonAsync(await office.PostAsync($"/api/listings/{id}/submit", null));
        var admin = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.ParkOffice));
        var approved = await JsonAsync(await admin.PostAsync($"/api/listings/{id}/approve", null));

        var edited = await JsonAsync(await office.PutAsJsonAsync($"/api/listings/{id}",
            new { terms = PatentSamples.Licence(lumpSum: 180000m), version = approved.GetProperty("version").GetUInt32() }));
        Assert.Equal("PendingReview", edited.GetProperty("status").GetString());
        Assert.Equal(0, (await App.CreateClient().GetFromJsonAsync<JsonElement>("/api/listings")).GetProperty("total").GetInt32());
        var stale = await admin.PostAsync($"/api/listings/{id}/approve?version={approved.GetProperty("version").GetUInt32()}", null);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [Theory]
    [InlineData("applicationNumber", "201910000001.0", "should be")]
    [InlineData("ipcCodes", new[] { "B63B35" }, "ipcCodes[0]")]
    [InlineData("grantDate", "2018-01-01", "grantDate")]
    [InlineData("titleZh", "", "titleZh")]
    public async Task Bad_patent_input_names_the_field_and_writes_nothing(string field, object value, string expected)
    {
        var office = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.University));
        var body = PatentSamples.Patent(1);
        body[field] = value;
        var response = await office.PostAsJsonAsync("/api/patents", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        var text = problem.ToString();
        Assert.Contains(expected, text);
        Assert.Equal(0, await App.Database.CountAsync("SELECT count(*) FROM patents"));
        Assert.Equal(0, await App.Database.CountAsync("SELECT count(*) FROM audit_log"));
    }

    [Theory]
    [InlineData(200000, 101, "licence.royaltyRatePercent")]
    [InlineData(2_000_000_000_000, 3, "licence.lumpSum")]
    [InlineData(-1, 3, "licence.lumpSum")]
    public async Task Bad_amounts_are_refused(decimal lumpSum, decimal royalty, string field)
    {
        var (office, patentId) = await OfficeWithPatentAsync();
        var response = await office.PostAsJsonAsync("/api/listings", new { patentId, terms = PatentSamples.Licence(lumpSum, royalty) });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await FieldErrorAsync(response, field);
        Assert.Equal(0, await App.Database.CountAsync("SELECT count(*) FROM listings"));
    }

    [Fact]
    public async Task Another_organisations_patent_is_404()
    {
        var (_, patentId) = await OfficeWithPatentAsync();
        var other = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.University));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/patents/{patentId}")).StatusCode);
        var body = PatentSamples.Patent(1);
        body["titleZh"] = "篡改的标题";
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsJsonAsync($"/api/patents/{patentId}", body)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync("/api/listings", new { patentId, terms = PatentSamples.Licence() })).StatusCode);
        Assert.Equal(0, await App.Database.CountAsync("SELECT count(*) FROM patents WHERE title_zh = '篡改的标题'"));
    }

    [Fact]
    public async Task Unverified_office_cannot_register_patents()
    {
        var office = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.University, verified: false));
        Assert.Equal(HttpStatusCode.Forbidden, (await office.PostAsJsonAsync("/api/patents", PatentSamples.Patent(1))).StatusCode);
    }

    [Fact]
    public async Task Markup_in_text_is_stored_as_text_and_encoded_on_pages()
    {
        var office = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.University));
        var body = PatentSamples.Patent(1);
        body["titleZh"] = "<script>alert(1)</script>导航装置";
        var created = await JsonAsync(await office.PostAsJsonAsync("/api/patents", body));
        Assert.Equal("<script>alert(1)</script>导航装置", created.GetProperty("titleZh").GetString());
        var patentId = created.GetProperty("id").GetGuid();
        var id = (await JsonAsync(await office.PostAsJsonAsync("/api/listings", new { patentId, terms = PatentSamples.Licence() }))).GetProperty("id").GetGuid();
        await office.PostAsync($"/api/listings/{id}/submit", null);
        var admin = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.ParkOffice));
        await admin.PostAsync($"/api/listings/{id}/approve", null);
        var html = await App.CreateClient().GetStringAsync($"/Listings/Detail/{id}");
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;导航装置", html);
        Assert.DoesNotContain("<script>alert(1)</script>", html);
    }

    [Fact]
    public async Task A_co_owned_patent_is_listed_only_after_every_co_owner_consents()
    {
        var university = await App.CreateUserAsync(OrganizationType.University);
        var partner = await App.CreateUserAsync(OrganizationType.Enterprise);
        var office = await App.ClientForAsync(university);
        var body = PatentSamples.Patent(5);
        body["owners"] = new[] { new { organizationId = university.OrganizationId, sharePercent = 60m }, new { organizationId = partner.OrganizationId, sharePercent = 40m } };
        var patentId = (await JsonAsync(await office.PostAsJsonAsync("/api/patents", body))).GetProperty("id").GetGuid();

        var refused = await office.PostAsJsonAsync("/api/listings", new { patentId, terms = PatentSamples.Licence() });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("co-owner", await FieldErrorAsync(refused, "patentId"));

        var stranger = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.Enterprise));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/patents/{patentId}/consent", null)).StatusCode);
        var partnerClient = await App.ClientForAsync(partner);
        await JsonAsync(await partnerClient.PostAsync($"/api/patents/{patentId}/consent", null));
        Assert.Equal(HttpStatusCode.Created, (await office.PostAsJsonAsync("/api/listings", new { patentId, terms = PatentSamples.Licence() })).StatusCode);
    }
}
