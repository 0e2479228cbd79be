using System.Security.Claims;
using Marketplace.Web.Platform;
using Marketplace.Web.Platform.Identity;

namespace Marketplace.Web.Features.Needs;

/// <summary>The open needs a listing fits, for the listing's office and the park office, below its page's actions.</summary>
public sealed class InterestedNeedsPanel(MatchReader matches) : IListingPanel
{
    public int Order => 20;

    public async Task<SectionView?> ReadAsync(ListingContext listing, ClaimsPrincipal caller, CancellationToken ct) =>
        caller.OrganizationId() == listing.OrganizationId || caller.IsInRole(Roles.ParkAdmin)
            ? new SectionView("/Features/Needs/_InterestedNeeds.cshtml", await matches.ForListingAsync(caller, listing.ListingId, ct))
            : null;
}
