using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Features.Inquiries;

/// <summary>The organisation's negotiation rooms, most recent first (the park office sees all).</summary>
[Authorize]
public sealed class IndexModel(InquiryService inquiries, InquiryReader reader) : PageModel
{
    public IReadOnlyList<InquiryResponse> Rooms { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rooms = await reader.DescribeAsync(await inquiries.ListReadableAsync(User, ct), ct);
}
