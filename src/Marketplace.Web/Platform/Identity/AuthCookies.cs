namespace Marketplace.Web.Platform.Identity;

/// <summary>
/// The sign-in cookie's name. Accounts issues the cookie; Platform's output caching must recognise a signed-in
/// visitor before authentication has run, so the name lives here and the dependency points from the feature to Platform.
/// </summary>
public static class AuthCookies
{
    public const string SignIn = "marketplace.auth";
}
