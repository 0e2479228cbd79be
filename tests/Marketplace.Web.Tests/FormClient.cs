using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Marketplace.Web.Tests;

/// <summary>Drives Razor Pages forms as a browser would: cookies kept, the antiforgery token read from the page.</summary>
public sealed partial class FormClient(WebApp app)
{
    public HttpClient Http { get; } = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<(string Html, string Token)> GetPageAsync(string url)
    {
        var html = await Http.GetStringAsync(url);
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, $"no antiforgery token on {url}");
        return (html, match.Groups[1].Value);
    }

    public Task<HttpResponseMessage> PostFormAsync(string url, string? token, params (string Key, string Value)[] fields)
    {
        var values = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).ToList();
        if (token is not null) values.Add(new("__RequestVerificationToken", token));
        return Http.PostAsync(url, new FormUrlEncodedContent(values));
    }

    /// <summary>Signs in with the form; a user enrolled in two-factor sign-in then types the authenticator's code.</summary>
    public async Task<HttpResponseMessage> LoginAsync(string email, string password)
    {
        var (_, token) = await GetPageAsync("/Accounts/Login");
        var response = await PostFormAsync("/Accounts/Login", token, ("Input.Email", email), ("Input.Password", password));
        if (response.Headers.Location?.OriginalString.Contains("/Accounts/LoginWith2fa") != true
            || !app.AuthenticatorKeys.TryGetValue(email, out var key)) return response;
        var second = response.Headers.Location.OriginalString;
        var (_, token2) = await GetPageAsync(second);
        return await PostFormAsync(second, token2, ("Code", Marketplace.Tests.Shared.Authenticator.Code(key)));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
