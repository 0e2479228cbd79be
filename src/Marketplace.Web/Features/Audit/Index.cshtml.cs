using Marketplace.Web.Data;
using Marketplace.Web.Features.Accounts;
using Marketplace.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Features.Audit;

[Authorize(Roles = Roles.ParkAdmin)]
public sealed class AuditModel(MarketplaceDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public AuditFilter Filter { get; set; } = new();
    public AuditPage Result { get; private set; } = new([], 1, false);

    public async Task OnGetAsync(CancellationToken ct) => Result = await AuditQuery.RunAsync(db, Filter, ct);
}
