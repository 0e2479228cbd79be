using Marketplace.Web.Features.Patents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Features.Pledges;

/// <summary>The applicant's own applications in every state, to follow their progress.</summary>
[Authorize(Policy = PledgesFeature.Applicant)]
public sealed class MineModel(PledgeReader reader) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "Page")] public int? PageNumber { get; set; }
    public Paged<PledgeRow> Result { get; private set; } = new([], 1, PledgeReader.PageSize, 0);

    public async Task OnGetAsync(CancellationToken ct) => Result = await reader.ListAsync(User, new PledgeFilter { Page = PageNumber }, ct);
}
