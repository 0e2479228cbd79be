using Marketplace.Domain.Common;
using Marketplace.Web.Features.Accounts;
using Marketplace.Web.Features.Audit;
using Marketplace.Web.Features.Localization;
using Marketplace.Web.Features.Patents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.Listings;

/// <summary>A listing with its patent, terms and status history, and the actions the viewer may take.</summary>
public sealed class DetailModel(ListingService listings, ListingReader reader, PatentService patents, PatentFacts facts,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public ListingResponse Listing { get; private set; } = null!;
    public PatentResponse Patent { get; private set; } = null!;
    public IReadOnlyList<StatusChange> History { get; private set; } = [];
    public bool IsOwner { get; private set; }
    public bool IsModerator => User.IsInRole(Roles.ParkAdmin);

    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public uint Version { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Page();
    }

    public Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken ct) => ActAsync(id, () => listings.SubmitAsync(User, id, Version, ct), ct);
    public Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct) => ActAsync(id, () => listings.WithdrawAsync(User, id, Version, ct), ct);
    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct) => Moderate(id, () => listings.ApproveAsync(id, Version, ct), ct);
    public Task<IActionResult> OnPostRejectAsync(Guid id, CancellationToken ct) => Moderate(id, () => listings.RejectAsync(id, new ModerationRequest(Reason, Version), ct), ct);
    public Task<IActionResult> OnPostReworkAsync(Guid id, CancellationToken ct) => Moderate(id, () => listings.ReworkAsync(id, new ModerationRequest(Reason, Version), ct), ct);

    private Task<IActionResult> Moderate(Guid id, Func<Task> action, CancellationToken ct) =>
        IsModerator ? ActAsync(id, action, ct) : Task.FromResult<IActionResult>(Forbid());

    private async Task<IActionResult> ActAsync(Guid id, Func<Task> action, CancellationToken ct)
    {
        try
        {
            await action();
            return RedirectToPage(new { id });
        }
        catch (DomainRuleException rule)
        {
            ModelState.AddModelError(string.Empty, t[rule.Message]);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, t["Someone else changed this listing meanwhile. Reload the page and try again."]);
        }
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        var listing = await listings.FindVisibleAsync(User, id, ct);
        Listing = await reader.DescribeAsync(listing, ct);
        Patent = await facts.DescribeAsync(await patents.FindVisibleAsync(User, listing.PatentId, ct), ct);
        History = await reader.HistoryAsync(id, ct);
        IsOwner = User.OrganizationId() == listing.OrganizationId;
        Version = listing.Version;
    }
}
