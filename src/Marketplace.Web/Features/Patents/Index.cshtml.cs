using Microsoft.Extensions.Localization;
using Marketplace.Web.Features.Localization;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Patents;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Patents;

/// <summary>The patents an office manages, each with its current listing (or the way to offer it).</summary>
[Authorize(Policy = PatentsFeature.CanList)]
public sealed class IndexModel(MarketplaceDb db, PatentService patents, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed record Row(Guid Id, string ApplicationNumber, PatentType Type, string TitleZh, string? TitleEn, LegalStatus LegalStatus,
        string? WhyNotListable, Guid? ListingId, ListingStatus? ListingStatus);

    [BindProperty(SupportsGet = true, Name = "Page")] public int? PageNumber { get; set; }
    /// <summary>The patent just saved, to say so.</summary>
    [BindProperty(SupportsGet = true)] public Guid? Saved { get; set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public PageQuery Paging { get; private set; } = new(1, 20);
    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var organizationId = User.OrganizationId();
        Paging = new PageQuery(PageNumber, 20);
        var mine = db.Patents.AsNoTracking().Where(p => p.OwnerOrganizationId == organizationId);
        Total = await mine.CountAsync(ct);
        var page = await mine.OrderByDescending(p => p.UpdatedAt).Skip(Paging.Skip).Take(Paging.Size).ToListAsync(ct);
        var ids = page.Select(p => p.Id).ToList();
        // The listing that matters is the newest: an older one may have been withdrawn before it was offered again.
        var listings = (await db.Listings.AsNoTracking().Where(l => ids.Contains(l.PatentId))
                .Select(l => new { l.Id, l.PatentId, l.Status, l.CreatedAt }).ToListAsync(ct))
            .GroupBy(l => l.PatentId).ToDictionary(g => g.Key, g => g.MaxBy(l => l.CreatedAt)!);
        var today = patents.Today;
        Rows = page.Select(p =>
        {
            var listing = listings.GetValueOrDefault(p.Id);
            return new Row(p.Id, p.ApplicationNumber, p.Type, p.TitleZh, p.TitleEn, p.LegalStatus, p.WhyNotListable(today) is { } why ? t.Say(why) : null,
                listing?.Id, listing?.Status);
        }).ToList();
    }
}
