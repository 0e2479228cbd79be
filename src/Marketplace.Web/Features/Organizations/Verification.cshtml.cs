using Marketplace.Domain.Organizations;
using Marketplace.Web.Data;
using Marketplace.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Organizations;

/// <summary>The park office's queue of organisations waiting for verification, oldest first.</summary>
[Authorize(Roles = Roles.ParkAdmin)]
public sealed class VerificationModel(MarketplaceDb db, OrganizationService organizations) : PageModel
{
    public IReadOnlyList<Organization> Pending { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Pending = await db.Organizations.AsNoTracking().Where(o => !o.IsVerified).OrderBy(o => o.RegisteredAt).ToListAsync(ct);

    public async Task<IActionResult> OnPostVerifyAsync(Guid id, uint version, CancellationToken ct)
    {
        await organizations.VerifyAsync(id, version, ct);
        return RedirectToPage();
    }
}
