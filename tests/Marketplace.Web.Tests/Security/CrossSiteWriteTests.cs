using System.Net;
using System.Net.Http.Json;
using Marketplace.Domain.Organizations;
using Marketplace.Web.Tests.Hostile;

namespace Marketplace.Web.Tests.Security;

/// <summary>Issue 23, finding 7: an API write carried by the sign-in cookie needs this site's Origin or the antiforgery token.</summary>
public sealed class CrossSiteWriteTests(WebApp app) : AppTest(app)
{
    private async Task<(FormClient Browser, string Token, Guid Inquiry)> SignedInBrowserAsync()
    {
        var world = await new HostileWorld(App).BuildAsync(everything: false);
        var browser = new FormClient(App);
        await browser.LoginAsync(world.Market.EnterpriseUser.Email, world.Market.EnterpriseUser.Password);
        var (_, token) = await browser.GetPageAsync($"/Inquiries/Room/{world.InquiryId}");
        return (browser, token, world.InquiryId);
    }

    private static HttpRequestMessage Message(Guid inquiry, string body, string? origin = null, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/inquiries/{inquiry}/messages")
        {
            Content = new MultipartFormDataContent { { new StringContent(body), "body" } },
        };
        if (origin is not null) request.Headers.Add("Origin", origin);
        if (token is not null) request.Headers.Add("RequestVerificationToken", token);
        return request;
    }

    [Fact]
    public async Task A_cookie_write_from_another_site_or_with_neither_origin_nor_token_is_refused_and_writes_nothing()
    {
        var (browser, token, inquiry) = await SignedInBrowserAsync();
        var before = await App.Database.CountAsync("SELECT count(*) FROM inquiry_messages");

        var foreign = await browser.Http.SendAsync(Message(inquiry, "跨站写入", "https://evil.example"));
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        await FieldErrorAsync(foreign, "origin");
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.Http.SendAsync(Message(inquiry, "跨站写入", "null"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.Http.SendAsync(Message(inquiry, "跨站写入", "https://evil.example", token))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.Http.SendAsync(Message(inquiry, "无来源"))).StatusCode);
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["reason"] = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.Http.PostAsync($"/api/inquiries/{inquiry}/close", form)).StatusCode);
        Assert.Equal(before, await App.Database.CountAsync("SELECT count(*) FROM inquiry_messages"));
    }

    [Fact]
    public async Task The_refusal_is_explained_in_the_readers_language()
    {
        var (browser, _, inquiry) = await SignedInBrowserAsync();
        var request = Message(inquiry, "跨站写入", "https://evil.example");
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var refused = await browser.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("禁止操作", problem.GetProperty("title").GetString());
        Assert.Equal("已登录浏览器的写操作必须来自本站，或携带本站的防伪令牌。", problem.GetProperty("errors").GetProperty("origin")[0].GetString());
    }

    [Fact]
    public async Task A_cookie_write_from_this_site_or_with_the_pages_token_goes_through()
    {
        var (browser, token, inquiry) = await SignedInBrowserAsync();
        var own = App.Server.BaseAddress.GetLeftPart(UriPartial.Authority);
        Assert.Equal(HttpStatusCode.Created, (await browser.Http.SendAsync(Message(inquiry, "同源", own))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await browser.Http.SendAsync(Message(inquiry, "带令牌", token: token))).StatusCode);
    }

    [Fact]
    public async Task Bearer_clients_and_anonymous_callers_are_not_affected()
    {
        var user = await App.CreateUserAsync(OrganizationType.Enterprise);
        var api = await App.ClientForAsync(user);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/needs") { Content = JsonContent.Create(new { }) };
        request.Headers.Add("Origin", "https://partner.example");
        Assert.NotEqual(HttpStatusCode.Forbidden, (await api.SendAsync(request)).StatusCode);
        var anonymous = await App.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password });
        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
    }
}
