using System.ComponentModel.DataAnnotations;
using Marketplace.Domain.Common;
using Marketplace.Domain.Organizations;
using Marketplace.Web.Features.Organizations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Marketplace.Web.Features.Localization;

namespace Marketplace.Web.Features.Accounts;

/// <summary>Self-registration of an organisation and its first user; the organisation starts unverified.</summary>
[EnableRateLimiting(AccountsFeature.AuthRateLimit)]
public sealed class RegisterModel(OrganizationService organizations, SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public RegisterInput Input { get; set; } = new();

    public static readonly OrganizationType[] SelfServiceTypes =
        [OrganizationType.Enterprise, OrganizationType.University, OrganizationType.Bank, OrganizationType.ServiceAgency];

    public sealed class RegisterInput
    {
        [Required(ErrorMessage = "Enter the organisation's Chinese name."), MaxCharacters(200, "Name (Chinese)")]
        public string NameZh { get; set; } = "";
        [MaxCharacters(200, "Name (English, optional)")] public string? NameEn { get; set; }
        [RequiredField("Organisation type")] public OrganizationType Type { get; set; } = OrganizationType.Enterprise;
        [Required(ErrorMessage = "Enter the 18-character unified social credit code.")]
        public string CreditCode { get; set; } = "";
        [Required(ErrorMessage = "Enter a contact name."), MaxCharacters(100, "Contact name")] public string ContactName { get; set; } = "";
        [Required(ErrorMessage = "Enter a contact phone."), MaxCharacters(30, "Contact phone")] public string ContactPhone { get; set; } = "";
        [Required(ErrorMessage = "Enter your name."), MaxCharacters(100, "Your name")] public string DisplayName { get; set; } = "";
        [Required(ErrorMessage = "Enter your email address."), EmailAddress(ErrorMessage = "Enter a valid email address.")]
        public string Email { get; set; } = "";
        [Required(ErrorMessage = "Choose a password."), DataType(DataType.Password)] public string Password { get; set; } = "";
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        if (!SelfServiceTypes.Contains(Input.Type))
        {
            ModelState.AddModelError("Input.Type", t["Choose an organisation type."]);
            return Page();
        }
        var request = new RegisterOrganizationRequest(
            Input.NameZh, Input.NameEn, Input.Type, Input.CreditCode, Input.ContactName, Input.ContactPhone,
            Input.Email, Input.Email, Input.DisplayName, Input.Password);
        try
        {
            var (_, user) = await organizations.RegisterAsync(request, ct);
            await signIn.SignInAsync(user, isPersistent: false);
            return RedirectToPage("/Organizations/Mine");
        }
        catch (DomainRuleException rule)
        {
            // The rule names an API field (camelCase); the form's inputs carry the same names in PascalCase.
            var key = rule.Field switch
            {
                "email" or "contactEmail" => "Input.Email",
                "password" => "Input.Password",
                _ => "Input." + char.ToUpperInvariant(rule.Field[0]) + rule.Field[1..],
            };
            ModelState.AddModelError(key, t.Say(rule.Text));
            return Page();
        }
    }
}
