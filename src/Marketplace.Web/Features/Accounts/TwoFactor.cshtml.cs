using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Marketplace.Web.Platform.Localization;
using Marketplace.Web.Platform.Identity;

namespace Marketplace.Web.Features.Accounts;

/// <summary>TOTP set-up for bank staff and the park office, who must enrol before their first action (<see cref="TwoFactorEnrolment"/>).</summary>
[Authorize(Roles = Roles.BankOfficer + "," + Roles.BankApprover + "," + Roles.ParkAdmin)]
public sealed class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> t) : PageModel
{
    public bool Enabled { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";

    [BindProperty, Required(ErrorMessage = "Enter the 6-digit code from your authenticator app.")]
    public string Code { get; set; } = "";

    /// <summary>Where the user was going when sent here to enrol.</summary>
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");
        if (!ModelState.IsValid) return await LoadAsync();
        var code = Code.Replace(" ", "").Replace("-", "");
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), t["The code is not valid."]);
            return await LoadAsync();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        await signIn.RefreshSignInAsync(user);
        return ReturnUrl is null ? RedirectToPage() : LocalRedirect(LoginModel.SafeReturnUrl(ReturnUrl));
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");
        if (TwoFactorEnrolment.RequiredFor(User)) return Forbid();
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        return RedirectToPage();
    }

    private async Task<IActionResult> LoadAsync()
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");
        Enabled = user.TwoFactorEnabled;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        SharedKey = key!;
        AuthenticatorUri = $"otpauth://totp/{Uri.EscapeDataString("Weihai IP Marketplace")}:{Uri.EscapeDataString(user.Email!)}" +
                           $"?secret={SharedKey}&issuer={Uri.EscapeDataString("Weihai IP Marketplace")}&digits=6";
        return Page();
    }
}
