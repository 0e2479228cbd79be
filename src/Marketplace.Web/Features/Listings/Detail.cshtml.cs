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
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = ListingsFeature.DetailPagePolicy)]
public sealed class DetailModel(ListingService listings, ListingReader reader, PatentFacts facts,
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

    /// <summary>Visibility decided once: the listing's row (with its patent and organisation) is read only if the
    /// caller may see the listing, and a visible listing shows its patent. Then the co-owners' names, if any, and the
    /// history: two or three statements for any visitor.</summary>
    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        var row = await reader.VisibleDetailAsync(User, id, ct);
        Listing = reader.Describe(row);
        Patent = await facts.DescribeAsync(row.Patent, new OwnerName(row.Listing.OrganizationId, row.NameZh, row.NameEn, row.OrganizationType), ct);
        History = await reader.HistoryAsync(id, ct);
        IsOwner = User.OrganizationId() == row.Listing.OrganizationId;
        Panels = await ListingPanels.ReadAsync(panels, new ListingContext(row.Listing.Id, row.Listing.OrganizationId,
            row.Listing.Status == Domain.Listings.ListingStatus.Published, Listing.Terms.OpenLicence is not null, SessionId), User, ct);
        Version = row.Listing.Version;
    }
}
