using System.Net;
using System.Net.Http.Json;
using Marketplace.Tests.Shared;
using Marketplace.Web.Tests.Matchmaking;

namespace Marketplace.Web.Tests.Hostile;

/// <summary>Razor forms posted the way a forged cross-site form or a careless script would, and markup in every text
/// field a page shows.</summary>
public sealed class FormTests(WebApp app) : AppTest(app)
{
    private const string Script = "<script>alert(1)</script>";
    private const string Encoded = "&lt;script&gt;alert(1)&lt;/script&gt;";

    private async Task<FormClient> SignedInAsync(TestUser? user)
    {
        var form = new FormClient(App);
        if (user is not null) Assert.Equal(HttpStatusCode.Redirect, (await form.LoginAsync(user.Email, user.Password)).StatusCode);
        return form;
    }

    [Theory]
    [InlineData(null, "/Accounts/Register", "Input.NameZh=伪造公司&Input.Type=Enterprise&Input.CreditCode=914403001922038216&Input.ContactName=x&Input.ContactPhone=0631-5800001&Input.DisplayName=x&Input.Email=forged@example.cn&Input.Password=correct horse battery staple")]
    [InlineData("enterprise", "/Needs/New", "Form.Title=伪造的需求&Form.Description=伪造&Form.Visibility=Public")]
    [InlineData("enterprise", "/Inquiries/Room/{inquiry}?handler=Send", "Body=伪造的留言")]
    [InlineData("enterprise", "/Inquiries/Room/{inquiry}?handler=Close", "Version=1")]
    [InlineData("office", "/Listings/Detail/{draft}?handler=Submit", "Version=1")]
    [InlineData("office", "/Organizations/Mine?handler=Contact", "Contact.Name=伪造&Contact.Phone=0631-5800000&Contact.Email=f@example.cn")]
    [InlineData("admin", "/Listings/Detail/{draft}?handler=Reject", "Reason=伪造")]
    [InlineData("office", "/Accounts/Logout", "")]
    public async Task A_form_post_without_an_antiforgery_token_is_400_and_changes_nothing(string? who, string url, string fields)
    {
        var w = await new HostileWorld(App).BuildAsync(everything: false);
        var user = who switch { "enterprise" => w.Market.EnterpriseUser, "office" => w.Market.OfficeUser, "admin" => await AdminAsync(), _ => null };
        var form = await SignedInAsync(user);
        var audit = await App.Database.CountAsync("SELECT count(*) FROM audit_log");
        var messages = await App.Database.CountAsync("SELECT count(*) FROM inquiry_messages");

        var pairs = fields.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).Select(p => (p[0], p[1])).ToArray();
        var response = await form.PostFormAsync(w.Resolve(url), token: null, pairs);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(audit, await App.Database.CountAsync("SELECT count(*) FROM audit_log"));
        Assert.Equal(messages, await App.Database.CountAsync("SELECT count(*) FROM inquiry_messages"));
        Assert.Equal(0, await App.Database.CountAsync("SELECT count(*) FROM organizations WHERE name_zh = '伪造公司' OR contact_name = '伪造'"));
        Assert.Equal("Draft", (await w.Market.Office.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/listings/{w.DraftListingId}")).GetProperty("status").GetString());
        if (user is not null) Assert.Equal(HttpStatusCode.OK, (await form.Http.GetAsync("/Organizations/Mine")).StatusCode);
    }

    private async Task<TestUser> AdminAsync() => await App.CreateUserAsync(Domain.Organizations.OrganizationType.ParkOffice);

    [Theory]
    [InlineData(null, "/Accounts/Register", "Input.NameZh", "input.nameZh")]
    [InlineData("enterprise", "/Needs/New", "Form.Title", "form.title")]
    [InlineData("office", "/Organizations/Mine?handler=Contact", "Contact.Name", "contact.name")]
    public async Task A_nul_character_in_a_form_field_is_400_naming_the_field(string? who, string url, string field, string named)
    {
        var w = await new HostileWorld(App).BuildAsync(everything: false);
        var form = await SignedInAsync(who switch { "enterprise" => w.Market.EnterpriseUser, "office" => w.Market.OfficeUser, _ => null });
        var (_, token) = await form.GetPageAsync(url.Split('?')[0]);
        var organizations = await App.Database.CountAsync("SELECT count(*) FROM organizations");
        var audit = await App.Database.CountAsync("SELECT count(*) FROM audit_log");

        var response = await form.PostFormAsync(url, token, (field, "威海\0公司"), ("Input.Type", "Enterprise"), ("Input.CreditCode", "914403001922038216"),
            ("Input.Email", "nul@example.cn"), ("Input.Password", "correct horse battery staple"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await FieldErrorAsync(response, named);
        Assert.Equal(organizations, await App.Database.CountAsync("SELECT count(*) FROM organizations"));
        Assert.Equal(audit, await App.Database.CountAsync("SELECT count(*) FROM audit_log"));
    }

    /// <summary>Markup goes into every text field the API takes; each page that shows one must show it as text.</summary>
    private async Task<(HostileWorld World, Guid NeedId, Guid ListingId)> MarkupEverywhereAsync()
    {
        var w = new HostileWorld(App);
        await w.Market.OpenAsync();
        var patent = PatentSamples.Patent(3);
        patent["titleZh"] = Script + "船舶导航装置";
        patent["titleEn"] = Script + "ship navigation";
        patent["abstractZh"] = Script + "一种船舶导航装置。";
        var patentId = (await Market.Json(await w.Market.Office.PostAsJsonAsync("/api/patents", patent))).GetProperty("id").GetGuid();
        var listingId = (await Market.Json(await w.Market.Office.PostAsJsonAsync("/api/listings",
            new { patentId, terms = PatentSamples.Licence(), description = Script + "许可说明" }))).GetProperty("id").GetGuid();
        await Market.Json(await w.Market.Office.PostAsync($"/api/listings/{listingId}/submit", null));
        await Market.Json(await w.Market.Admin.PostAsync($"/api/listings/{listingId}/approve", null));
        var contact = await w.Market.Office.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/organizations/{w.Market.OfficeUser.OrganizationId}");
        await Market.Json(await w.Market.Office.PutAsJsonAsync($"/api/organizations/{w.Market.OfficeUser.OrganizationId}/contact", new
        {
            contactName = Script, contactPhone = "0631-5800000", contactEmail = "c@example.cn", version = contact.GetProperty("version").GetUInt32(),
        }));
        var needId = await w.Market.OpenNeedAsync(Market.Need(title: Script + "导航需求", description: Script + "需要船舶导航技术。"));
        var inquiry = await w.Market.OpenInquiryAsync(listingId, Script + "您好");
        await Market.Json(await w.Market.Office.PostAsync($"/api/inquiries/{inquiry}/messages", HostileWorld.Attachment(Script, Script + ".pdf")));
        await w.Market.SettleAsync();
        return (w, needId, listingId);
    }

    [Theory]
    [InlineData(null, "/Listings/Detail/{listing}")]
    [InlineData(null, "/Listings")]
    [InlineData(null, "/Search?q=导航")]
    [InlineData(null, "/Search?q=ship")]
    [InlineData("enterprise", "/Needs/Detail/{need}")]
    [InlineData("enterprise", "/Inquiries/Room/{inquiry}")]
    [InlineData("office", "/Inquiries/Room/{inquiry}")]
    [InlineData("office", "/Organizations/Mine")]
    public async Task Markup_in_text_fields_is_stored_verbatim_and_encoded_on_every_page(string? who, string url)
    {
        var (w, needId, listingId) = await MarkupEverywhereAsync();
        Assert.Equal(1, await App.Database.CountAsync($"SELECT count(*) FROM listings WHERE description = '{Script}许可说明'"));
        var inquiry = await App.Database.CountAsync("SELECT count(*) FROM inquiries") == 1
            ? (await w.Market.Enterprise.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/inquiries"))[0].GetProperty("id").GetGuid() : Guid.Empty;
        var form = await SignedInAsync(who switch { "enterprise" => w.Market.EnterpriseUser, "office" => w.Market.OfficeUser, _ => null });

        var html = await form.Http.GetStringAsync(url.Replace("{listing}", listingId.ToString()).Replace("{need}", needId.ToString())
            .Replace("{inquiry}", inquiry.ToString()));

        Assert.Contains(Encoded, html);
        Assert.DoesNotContain(Script, html);
    }
}
