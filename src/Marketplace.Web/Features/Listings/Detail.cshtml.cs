using Marketplace.Web.Platform.Identity;
using Marketplace.Web.Platform.Audit;
using Marketplace.Web.Platform.Localization;
using Marketplace.Web.Features.Patents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Marketplace.Web.Platform;
using Marketplace.Web.Features.Shared;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.Listings;

/// <summary>A listing with its patent, terms and status history, and the actions the viewer may take.</summary>
public sealed class DetailModel(ListingService listings, ListingReader reader, PatentService patents, PatentFacts facts,
    IEnumerable<IListingPanel> panels, IStringLocalizer<SharedResource> t) : PageModel
{
    public ListingResponse Listing { get; private set; } = null!;
    public PatentResponse Patent { get; private set; } = null!;
    public IReadOnlyList<StatusChange> History { get; private set; } = [];
    public bool IsOwner { get; private set; }
    public bool IsModerator => User.IsInRole(Roles.ParkAdmin);

    /// <summary>What other features show on this page (asking the owner, the needs it fits), by <see cref="IListingPanel"/>.</summary>
    public IReadOnlyList<SectionView> Panels { get; private set; } = [];

    /// <summary>Set when the enterprise comes from a matchmaking session's board; an inquiry is then tied to it.</summary>
    [BindProperty(SupportsGet = true)] public Guid? SessionId { get; set; }

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

    private Task<IActionResult> ActAsync(Guid id, Func<Task> action, CancellationToken ct) => this.StepAsync(id, action, () => LoadAsync(id, ct), t);

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        var listing = await listings.FindVisibleAsync(User, id, ct);
        Listing = await reader.DescribeAsync(listing, ct);
        Patent = await facts.DescribeAsync(await patents.FindVisibleAsync(User, listing.PatentId, ct), ct);
        History = await reader.HistoryAsync(id, ct);
        IsOwner = User.OrganizationId() == listing.OrganizationId;
        Panels = await ListingPanels.ReadAsync(panels, new ListingContext(listing.Id, listing.OrganizationId,
            listing.Status == Domain.Listings.ListingStatus.Published, Listing.Terms.OpenLicence is not null, SessionId), User, ct);
        Version = listing.Version;
    }
}
