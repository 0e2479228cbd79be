using System.ComponentModel.DataAnnotations;
using Marketplace.Web.Platform.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Marketplace.Web.Platform.Identity;

namespace Marketplace.Web.Features.Accounts;

[EnableRateLimiting(AccountsFeature.AuthRateLimit)]
public sealed class LoginWith2faModel(SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter the 6-digit code from your authenticator app."), StringLength(7, MinimumLength = 6)]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty(SupportsGet = true)] public bool RememberMe { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Accounts/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var code = Code.Replace(" ", "").Replace("-", "");
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, rememberClient: false);
        if (result.Succeeded) return LocalRedirect(LoginModel.SafeReturnUrl(ReturnUrl));
        ModelState.AddModelError(string.Empty, t["The code is not valid. After 5 failed attempts the account is locked for 15 minutes."]);
        return Page();
    }
}
