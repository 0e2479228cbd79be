using System.Security.Claims;
using Marketplace.Domain.Negotiations;
using Marketplace.Web.Platform;

namespace Marketplace.Web.Features.Inquiries;

/// <summary>Open negotiation rooms under a heading (a resource key); the enterprise's also links its deals.</summary>
public sealed record OpenRooms(string Heading, IReadOnlyList<InquiryResponse> Rooms, bool LinkDeals);

/// <summary>The caller's open rooms: second on an office's and an enterprise's home page.</summary>
public sealed class OpenRoomsOnHome(InquiryService inquiries, InquiryReader rooms) : IHomeSection
{
    private const int Few = 5;

    public HomeAudience Audience => HomeAudience.Office | HomeAudience.Enterprise;
    public int Order => 20;

    public async Task<SectionView?> ReadAsync(HomeAudience audience, ClaimsPrincipal caller, CancellationToken ct)
    {
        var open = (await inquiries.ListReadableAsync(caller, ct)).Where(i => i.Status == InquiryStatus.Open).Take(Few).ToList();
        var enterprise = audience == HomeAudience.Enterprise;
        return new("/Features/Inquiries/_HomeRooms.cshtml", new OpenRooms(
            enterprise ? "Your open negotiations" : "Enterprises asking about your patents", await rooms.DescribeAsync(open, ct), LinkDeals: enterprise));
    }
}
