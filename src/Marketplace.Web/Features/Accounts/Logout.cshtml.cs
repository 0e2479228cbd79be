using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Marketplace.Web.Platform.Identity;

namespace Marketplace.Web.Features.Accounts;

/// <summary>Sign-out is a POST (with antiforgery), so a link on another site cannot sign a user out. The menu links
/// here and this page asks (the only page holding the sign-out form, so the other pages carry no token for it).</summary>
public sealed class LogoutModel(SignInManager<AppUser> signIn) : PageModel
{
    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Page() : RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage("/Index");
    }
}
