using Marketplace.Web.Platform.Identity;
using Marketplace.Web.Platform.Audit;
using Marketplace.Web.Platform.Localization;
using Marketplace.Web.Features.Patents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Marketplace.Domain.Negotiations;
using Marketplace.Web.Features.Inquiries;
using Marketplace.Web.Features.Needs;
using Marketplace.Web.Features.Shared;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.Listings;

/// <summary>A listing with its patent, terms and status history, and the actions the viewer may take.</summary>
public sealed class DetailModel(ListingService listings, ListingReader reader, PatentFacts facts,
    MatchReader matches, InquiryService inquiries, IStringLocalizer<SharedResource> t) : PageModel
{
    public ListingResponse Listing { get; private set; } = null!;
    public PatentResponse Patent { get; private set; } = null!;
    public IReadOnlyList<StatusChange> History { get; private set; } = [];
    public bool IsOwner { get; private set; }
    public bool IsModerator => User.IsInRole(Roles.ParkAdmin);

    /// <summary>An enterprise may ask about a published listing, or take its open licence at once.</summary>
    public bool CanInquire => User.IsInRole(Roles.Enterprise) && !IsOwner && Listing.Status == Domain.Listings.ListingStatus.Published;

    /// <summary>The needs this listing fits, for its office and the park office.</summary>
    public IReadOnlyList<MatchResponse> InterestedNeeds { get; private set; } = [];

    [BindProperty] public string? Message { get; set; }

    /// <summary>Set when the enterprise comes from a matchmaking session's board; the inquiry is then tied to it.</summary>
    [BindProperty(SupportsGet = true)] public Guid? SessionId { get; set; }
    [BindProperty] public int OpenLicenceMonths { get; set; } = 12;

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

    public async Task<IActionResult> OnPostInquireAsync(Guid id, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true) return Challenge();
        Inquiry? room = null;
        // A room starts with the enterprise saying what it wants; an empty first message leaves the office guessing.
        if (string.IsNullOrWhiteSpace(Message)) ModelState.AddModelError(nameof(Message), t["Write your first message to the owner: what you would use the patent for."]);
        else if (await this.TryAsync(async () => room = await inquiries.OpenAsync(User, new OpenInquiryRequest(id, null, Message, null, SessionId), ct), t))
            return RedirectToPage("/Inquiries/Room", new { id = room!.Id });
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostOpenLicenceAsync(Guid id, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true) return Challenge();
        Inquiry? room = null;
        if (await this.TryAsync(async () => room = (await inquiries.TakeOpenLicenceAsync(User, new OpenLicenceRequest(id, OpenLicenceMonths, null), ct)).Inquiry, t))
            return RedirectToPage("/Inquiries/Room", new { id = room!.Id });
        await LoadAsync(id, ct);
        return Page();
    }

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
        if (IsOwner || IsModerator) InterestedNeeds = await matches.ForListingAsync(User, id, ct);
        Version = row.Listing.Version;
    }
}
