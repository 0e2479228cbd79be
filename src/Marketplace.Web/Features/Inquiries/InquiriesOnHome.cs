using System.Security.Claims;
using Marketplace.Domain.Negotiations;
using Marketplace.Web.Data;
using Marketplace.Web.Platform;
using Marketplace.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Inquiries;

/// <summary>A room as the home page lists it: its subject, both parties' names and when it last moved.</summary>
public sealed record HomeRoom(Guid Id, string Subject, string EnterpriseNameZh, string OwnerNameZh, DateTimeOffset UpdatedAt);

/// <summary>Open negotiation rooms under a heading (a resource key); the enterprise's also links its deals.</summary>
public sealed record OpenRooms(string Heading, IReadOnlyList<HomeRoom> Rooms, bool LinkDeals);

/// <summary>The caller's most recently moved open rooms: second on an office's and an enterprise's home page. One
/// statement: only the open rooms, only the few shown, with the names the tile needs (not the rooms' offers and deals).</summary>
public sealed class OpenRoomsOnHome(MarketplaceDb db) : IHomeSection
{
    private const int Few = 5;

    public HomeAudience Audience => HomeAudience.Office | HomeAudience.Enterprise;
    public int Order => 20;

    public async Task<SectionView?> ReadAsync(HomeAudience audience, ClaimsPrincipal caller, CancellationToken ct)
    {
        var organizationId = caller.OrganizationId();
        var open = await db.Inquiries.AsNoTracking()
            .Where(i => i.Status == InquiryStatus.Open && (i.OwnerOrganizationId == organizationId || i.EnterpriseOrganizationId == organizationId))
            .OrderByDescending(i => i.UpdatedAt).Take(Few)
            .Select(i => new HomeRoom(i.Id, i.Subject,
                db.Organizations.Where(o => o.Id == i.EnterpriseOrganizationId).Select(o => o.NameZh).Single(),
                db.Organizations.Where(o => o.Id == i.OwnerOrganizationId).Select(o => o.NameZh).Single(),
                i.UpdatedAt))
            .ToListAsync(ct);
        var enterprise = audience == HomeAudience.Enterprise;
        return new("/Features/Inquiries/_HomeRooms.cshtml", new OpenRooms(
            enterprise ? "Your open negotiations" : "Enterprises asking about your patents", open, LinkDeals: enterprise));
    }
}
