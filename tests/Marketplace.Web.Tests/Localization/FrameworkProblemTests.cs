using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Web.Tests.Notifications;

namespace Marketplace.Web.Tests.Localization;

/// <summary>Problems the framework and the platform write themselves (an unknown API address, a wrong method, a missing
/// sign-in, a rate limit) reach a Chinese reader in Chinese, as the features' own problems do.</summary>
public sealed class FrameworkProblemTests(WebApp app) : AppTest(app)
{
    [Theory]
    [InlineData("/api/no-such-thing", HttpStatusCode.NotFound, "未找到")]
    [InlineData("/api/search/reindex", HttpStatusCode.MethodNotAllowed, "不支持该请求方法")]
    [InlineData("/api/notifications/unread", HttpStatusCode.Unauthorized, "需要登录")]
    public async Task A_problem_the_framework_writes_has_a_chinese_title(string url, HttpStatusCode status, string title)
    {
        var answer = await Notices.InChinese(App.CreateClient()).GetAsync(url);
        Assert.Equal(status, answer.StatusCode);
        Assert.Equal(title, (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());

        // The English reader keeps the framework's own words.
        var english = App.CreateClient();
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var englishTitle = (await (await english.GetAsync(url)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString();
        Assert.DoesNotContain(englishTitle!, c => c >= '\u4e00' && c <= '\u9fff');
    }

    [Fact]
    public async Task A_rate_limited_call_is_told_in_chinese_when_to_come_back()
    {
        await using var strict = App.Variant(b => b.UseSetting("RateLimiting:Auth:PermitLimit", "2"));
        var client = Notices.InChinese(strict.CreateClient());
        HttpResponseMessage last = null!;
        // Sign-in counts its failures instead (SignInLimitTests); the other account endpoints are rate-limited.
        for (var i = 0; i < 3; i++) last = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = "not a token" });
        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        var problem = await last.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("请求过于频繁", problem.GetProperty("title").GetString());
        Assert.Matches(@"^来自此地址的尝试过多，请在 \d+ 秒后再试。$", problem.GetProperty("detail").GetString());
    }
}
