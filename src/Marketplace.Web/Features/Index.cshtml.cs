using Marketplace.Web.Platform.Identity;
using Marketplace.Web.Features.Home;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Features;

/// <summary>The home page answers "what should I do now" for the visitor's role; everyone also sees the market.</summary>
public sealed class IndexModel(HomeReader home) : PageModel
{
    public PublicHome? Market { get; private set; }
    public OfficeHome? Office { get; private set; }
    public EnterpriseHome? Enterprise { get; private set; }
    public BankHome? Bank { get; private set; }
    public ParkHome? Park { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (User.IsInRole(Roles.ParkAdmin)) Park = await home.ParkAsync(ct);
        else if (User.IsInRole(Roles.TechTransferOffice)) Office = await home.OfficeAsync(User, ct);
        else if (User.IsInRole(Roles.Enterprise)) Enterprise = await home.EnterpriseAsync(User, ct);
        else if (User.IsInRole(Roles.BankOfficer) || User.IsInRole(Roles.BankApprover)) Bank = await home.BankAsync(User, ct);
        else Market = await home.PublicAsync(User, ct);
    }
}
