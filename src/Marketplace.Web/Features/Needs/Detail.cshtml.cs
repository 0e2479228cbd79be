using Marketplace.Domain.Matchmaking;
using Marketplace.Web.Platform.Identity;
using Marketplace.Web.Features.Inquiries;
using Marketplace.Web.Features.Listings;
using Marketplace.Web.Platform.Localization;
using Marketplace.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.Needs;

/// <summary>A need with its matches and their reasons; the enterprise opens inquiries from here, the park office moderates.</summary>
[Authorize]
public sealed class DetailModel(NeedService needs, NeedReader reader, MatchReader matches, InquiryService inquiries,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public NeedResponse Need { get; private set; } = null!;
    public IReadOnlyList<MatchResponse> Matches { get; private set; } = [];
    public bool IsOwner { get; private set; }
    public bool IsModerator => User.IsInRole(Roles.ParkAdmin);

    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public uint Version { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Page();
    }

    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) => ActAsync(id, () => needs.CloseAsync(User, id, Version, ct), ct);
    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct) => Moderate(id, () => needs.ApproveAsync(id, Version, ct), ct);
    public Task<IActionResult> OnPostRejectAsync(Guid id, CancellationToken ct) => Moderate(id, () => needs.RejectAsync(id, Reason, Version, ct), ct);
    public Task<IActionResult> OnPostReworkAsync(Guid id, CancellationToken ct) => Moderate(id, () => needs.ReworkAsync(id, Reason, Version, ct), ct);

    /// <summary>Opens an inquiry on a matched listing, linked to this need.</summary>
    public async Task<IActionResult> OnPostInquireAsync(Guid id, Guid listingId, CancellationToken ct)
    {
        Domain.Negotiations.Inquiry? room = null;
        if (await this.TryAsync(async () => room = await inquiries.OpenAsync(User, new OpenInquiryRequest(listingId, null, null, id), ct), t))
            return RedirectToPage("/Inquiries/Room", new { id = room!.Id });
        await LoadAsync(id, ct);
        return Page();
    }

    private Task<IActionResult> Moderate(Guid id, Func<Task> action, CancellationToken ct) =>
        IsModerator ? ActAsync(id, action, ct) : Task.FromResult<IActionResult>(Forbid());

    private Task<IActionResult> ActAsync(Guid id, Func<Task> action, CancellationToken ct) => this.StepAsync(id, action, () => LoadAsync(id, ct), t);

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        var need = await needs.FindVisibleAsync(User, id, ct);
        Need = await reader.DescribeAsync(need, ct);
        IsOwner = User.OrganizationId() == need.OrganizationId;
        Matches = IsOwner || IsModerator ? await matches.ForNeedAsync(id, ct) : [];
        Version = need.Version;
    }

    public static string Budget(NeedDetails d) => (d.BudgetMin, d.BudgetMax) switch
    {
        (null, null) => "—",
        ({ } min, null) => $"≥ {Formats.Cny(min)}",
        (null, { } max) => $"≤ {Formats.Cny(max)}",
        var (min, max) => $"{Formats.Cny(min!.Value)} – {Formats.Cny(max!.Value)}",
    };
}
