using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Domain.Organizations;
using Marketplace.Web.Platform.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Marketplace.Web.Tests;

public sealed class AuthTests(WebApp app) : AppTest(app)
{
    [Fact]
    public async Task Signing_out_asks_on_its_own_page_so_other_pages_carry_no_token_for_it()
    {
        var user = await App.CreateUserAsync(OrganizationType.Enterprise);
        var form = new FormClient(App);
        Assert.Equal(HttpStatusCode.Redirect, (await form.LoginAsync(user.Email, user.Password)).StatusCode);
        var home = await form.Http.GetStringAsync("/");
        Assert.Contains("href=\"/Accounts/Logout\"", home);
        Assert.DoesNotContain("__RequestVerificationToken", home);

        var (page, token) = await form.GetPageAsync("/Accounts/Logout");
        Assert.Contains("data-testid=\"logout-confirm\"", page);
        Assert.Equal(HttpStatusCode.BadRequest, (await form.PostFormAsync("/Accounts/Logout", token: null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await form.Http.GetAsync("/Organizations/Mine")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await form.PostFormAsync("/Accounts/Logout", token)).StatusCode);
        var after = await form.Http.GetAsync("/Organizations/Mine");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/Accounts/Login", after.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await form.Http.GetAsync("/Accounts/Logout")).StatusCode);
    }

    [Fact]
    public async Task Unknown_email_and_wrong_password_get_the_same_answer()
    {
        var user = await App.CreateUserAsync(OrganizationType.Enterprise);
        var client = App.CreateClient();
        var unknown = await client.PostAsJsonAsync("/api/auth/login", new { email = "nobody@example.cn", password = user.Password });
        var wrong = await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = "not the password at all" });
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(unknown.StatusCode, wrong.StatusCode);
        Assert.Equal(Without(await unknown.Content.ReadFromJsonAsync<JsonElement>(), "traceId"),
            Without(await wrong.Content.ReadFromJsonAsync<JsonElement>(), "traceId"));

        var form = new FormClient(App);
        var pageUnknown = await (await form.LoginAsync("nobody@example.cn", user.Password)).Content.ReadAsStringAsync();
        var pageWrong = await (await form.LoginAsync(user.Email, "not the password at all")).Content.ReadAsStringAsync();
        Assert.Equal(ErrorSummary(pageUnknown), ErrorSummary(pageWrong));
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_for_the_right_password()
    {
        var user = await App.CreateUserAsync(OrganizationType.Enterprise);
        var client = App.CreateClient();
        for (var i = 0; i < 5; i++)
            await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = $"wrong password {i}" });
        var right = await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.True(right.Headers.RetryAfter?.Delta > TimeSpan.FromMinutes(14));
        Assert.Equal(1, await App.Database.CountAsync($"SELECT count(*) FROM users WHERE email = '{user.Email}' AND lockout_end > now()"));
    }

    [Fact]
    public async Task Login_form_without_antiforgery_token_is_refused()
    {
        var user = await App.CreateUserAsync(OrganizationType.Enterprise);
        var form = new FormClient(App);
        var refused = await form.PostFormAsync("/Accounts/Login", null, ("Input.Email", user.Email), ("Input.Password", user.Password));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        var accepted = await form.LoginAsync(user.Email, user.Password);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        // Signing in lands on the role's home page.
        Assert.Equal("/", accepted.Headers.Location?.OriginalString);
        Assert.True(await App.Database.CountAsync("SELECT count(*) FROM data_protection_keys") > 0, "data-protection keys are kept in PostgreSQL");
    }

    [Fact]
    public async Task Failed_sign_ins_from_one_address_are_limited_with_retry_after()
    {
        await using var limited = App.Variant(b => b.UseSetting("SignIn:Throttle:PerAddress", "2"));
        var client = limited.CreateClient();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 3; i++)
            last = await client.PostAsJsonAsync("/api/auth/login", new { email = $"nobody{i}@example.cn", password = "whatever password" });
        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.True(last.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        await ProblemAsync(last);
    }

    [Fact]
    public async Task Bank_officer_turns_on_totp_and_then_needs_the_code()
    {
        var officer = await App.CreateUserAsync(OrganizationType.Bank, enrolTwoFactor: false);
        var client = await App.ClientForAsync(officer);
        var setup = await (await client.PostAsJsonAsync("/api/auth/manage/2fa", new { })).Content.ReadFromJsonAsync<JsonElement>();
        var totp = new Totp(Base32Encoding.ToBytes(setup.GetProperty("sharedKey").GetString()));
        var enabled = await client.PostAsJsonAsync("/api/auth/manage/2fa", new { enable = true, twoFactorCode = totp.ComputeTotp() });
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);

        var anonymous = App.CreateClient();
        var withoutCode = await anonymous.PostAsJsonAsync("/api/auth/login", new { email = officer.Email, password = officer.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, withoutCode.StatusCode);
        var withCode = await anonymous.PostAsJsonAsync("/api/auth/login",
            new { email = officer.Email, password = officer.Password, twoFactorCode = totp.ComputeTotp() });
        Assert.Equal(HttpStatusCode.OK, withCode.StatusCode);
    }

    [Fact]
    public async Task A_changed_security_stamp_ends_the_cookie_session_once_the_check_is_due()
    {
        var user = await App.CreateUserAsync(OrganizationType.Enterprise);
        var other = await App.CreateUserAsync(OrganizationType.Enterprise);
        var cookies = new List<string>();
        foreach (var person in new[] { user, other })
        {
            var login = await new FormClient(App).LoginAsync(person.Email, person.Password);
            cookies.Add(string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        }
        // As a password change or "sign out everywhere" does.
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByIdAsync(user.Id.ToString()))!);
        }
        async Task<HttpStatusCode> MinePageAsync(WebApplicationFactory<Program> app, string cookie)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/Organizations/Mine");
            request.Headers.Add("Cookie", cookie);
            return (await app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }).SendAsync(request)).StatusCode;
        }
        // Within the check's interval (30 minutes) the cookie is taken as it is, without reading the account.
        Assert.Equal(HttpStatusCode.OK, await MinePageAsync(App, cookies[0]));
        await using var later = App.Variant(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(new LaterClock(TimeSpan.FromMinutes(31)))));
        Assert.Equal(HttpStatusCode.Redirect, await MinePageAsync(later, cookies[0]));
        Assert.Equal(HttpStatusCode.OK, await MinePageAsync(later, cookies[1]));
    }

    [Fact]
    public async Task Me_requires_a_signed_in_user()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.CreateClient().GetAsync("/api/me")).StatusCode);
    }

    private static string Without(JsonElement json, string property) =>
        string.Join(",", json.EnumerateObject().Where(p => p.Name != property).Select(p => $"{p.Name}={p.Value}"));

    private static string ErrorSummary(string html)
    {
        var start = html.IndexOf("validation-summary-errors", StringComparison.Ordinal);
        Assert.True(start >= 0, "no error summary on the page");
        return html.Substring(start, html.IndexOf("</div>", start, StringComparison.Ordinal) - start);
    }
}
