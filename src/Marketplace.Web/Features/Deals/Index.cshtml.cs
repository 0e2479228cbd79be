using Marketplace.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Deals;

/// <summary>An organisation's deals; for the park office, the zone's deal register with filters and CSV export.</summary>
[Authorize]
public sealed class IndexModel(DealService deals, DealReader reader) : PageModel
{
    // Plain names, so the query string is the same as the API's and the CSV export's.
    [BindProperty(SupportsGet = true)] public Domain.Deals.DealStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public Domain.Deals.DealOrigin? Origin { get; set; }
    public IReadOnlyList<DealResponse> Deals { get; private set; } = [];
    public bool IsRegister => User.IsInRole(Roles.ParkAdmin);

    public async Task OnGetAsync(CancellationToken ct) =>
        Deals = await reader.DescribeAsync(await new DealFilter { Status = Status, Year = Year, Origin = Origin }.Apply(deals.Readable(User)).Take(500).ToListAsync(ct), ct);
}
