using System.Security.Claims;
using Marketplace.Domain.Common;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Patents;
using Marketplace.Web.Data;
using Marketplace.Web.Data.Configurations;
using Marketplace.Web.Platform.Identity;
using Marketplace.Web.Features.Patents;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Listings;

/// <summary>Catalog filters, shared by GET /api/listings and the catalog pages.</summary>
public sealed class CatalogFilter
{
    public string? Q { get; set; }
    public PatentType? Type { get; set; }
    public string? Mode { get; set; }
    public Guid? Owner { get; set; }
    public bool? Sleeping { get; set; }
    /// <summary>An IPC prefix: a section (B), class (B63) or subclass (B63B).</summary>
    public string? Field { get; set; }
    /// <summary>Only the caller's own listings, in every state.</summary>
    public bool? Mine { get; set; }
    /// <summary>Another state than Published: for the caller's own listings, or any for the park office.</summary>
    public ListingStatus? Status { get; set; }
    public int? Page { get; set; }
    public int? PageSize { get; set; }
    /// <summary>The public catalog's page after this place (<see cref="CatalogCursor"/>): the next page, read from there.</summary>
    public string? After { get; set; }
    /// <summary>The public catalog's page before this place: the previous page.</summary>
    public string? Before { get; set; }
}

/// <summary>
/// The catalog: published (and suspended) listings for everyone; an office's own listings in any state; any state for the park
/// office's moderation queue. The sleeping filter reads the domain rule's stored answer (the day the patent sleeps
/// until, refreshed on every write of the patent), so the rule is not repeated here.
/// </summary>
public sealed class CatalogQuery(MarketplaceDb db, TimeProvider clock, PatentFacts facts, CatalogTotals totals)
{
    public async Task<Paged<ListingResponse>> RunAsync(ClaimsPrincipal caller, CatalogFilter filter, CancellationToken ct)
    {
        var today = BusinessCalendar.Today(clock);
        // The listing's own columns are filtered before the join: without a filter on the patent or the organisation,
        // the total is then an index-only count of listings, not a count of 100,000 joined rows on every page view
        // (every listing has exactly one patent and one organisation, so both count the same).
        var listings = db.Listings.AsNoTracking();
        var organizationId = caller.OrganizationId();
        var mine = filter.Mine == true;
        if (mine) listings = listings.Where(l => l.OrganizationId == organizationId);
        var mayFilterStatus = mine || caller.IsInRole(Roles.ParkAdmin);
        var ownStates = filter.Status is not null && mayFilterStatus;
        if (ownStates) listings = listings.Where(l => l.Status == filter.Status);
        // A suspended listing (its patent lapsed) stays in the catalog, marked, so that those who saw it know why it
        // cannot be taken; search and matching leave it out.
        else if (!mine) listings = listings.Where(l => l.Status == ListingStatus.Published || l.Status == ListingStatus.Suspended);
        if (!string.IsNullOrWhiteSpace(filter.Mode)) listings = listings.Where(l => EF.Property<string[]>(l, ListingConfiguration.Modes).Contains(filter.Mode));
        if (filter.Owner is { } owner) listings = listings.Where(l => l.OrganizationId == owner);
        var joinedFilter = !string.IsNullOrWhiteSpace(filter.Q) || filter.Type is not null || !string.IsNullOrWhiteSpace(filter.Field) || filter.Sleeping is not null;

        var paging = new PageQuery(filter.Page, filter.PageSize);
        Func<Task<int>> count = () => joinedFilter ? OnPatent(ListingRow.Query(db, listings), filter, today).CountAsync(ct) : listings.CountAsync(ct);
        var total = CatalogTotals.Keeps(filter) ? await totals.CountAsync(filter, count) : await count();

        var (after, before) = (Cursor(filter.After, "after", mine || ownStates), Cursor(filter.Before, "before", mine || ownStates));
        if (after is { } a)
            listings = listings.Where(l => EF.Functions.LessThan(ValueTuple.Create(l.PublishedAt!.Value, l.CreatedAt, l.Id), ValueTuple.Create(a.PublishedAt, a.CreatedAt, a.Id)));
        if (before is { } b)
            listings = listings.Where(l => EF.Functions.GreaterThan(ValueTuple.Create(l.PublishedAt!.Value, l.CreatedAt, l.Id), ValueTuple.Create(b.PublishedAt, b.CreatedAt, b.Id)));
        // A cursor starts the walk at its row instead of counting the rows before the page; the page before a cursor
        // is read backwards from it and turned round.
        var backwards = before is not null && after is null;
        var skip = after is null && before is null ? paging.Skip : 0;
        // Without a filter on the patent, the page of listings is cut first (walking ix_listings_catalog, the catalog's
        // order) and only its rows are joined: joining first made PostgreSQL sort every published listing per view.
        var paged = joinedFilter
            ? Order(OnPatent(ListingRow.Query(db, listings), filter, today), backwards).Skip(skip).Take(paging.Size)
            : Order(ListingRow.Query(db, Order(listings, backwards).Skip(skip).Take(paging.Size)), backwards);
        var page = await paged.ToListAsync(ct);
        if (backwards) page.Reverse();
        return new Paged<ListingResponse>(page.Select(r => Describe(r, today)).ToList(), paging.PageNumber, paging.Size, total);
    }

    /// <summary>The filters on the patent (free text, type, field, sleeping), applied to the joined rows.</summary>
    private static IQueryable<ListingRow> OnPatent(IQueryable<ListingRow> rows, CatalogFilter filter, DateOnly today)
    {
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var pattern = "%" + filter.Q.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            rows = rows.Where(r => EF.Functions.ILike(r.Patent.TitleZh, pattern) || EF.Functions.ILike(r.Patent.TitleEn ?? "", pattern)
                                   || EF.Functions.ILike(r.Patent.ApplicationNumber, pattern));
        }
        if (filter.Type is { } type) rows = rows.Where(r => r.Patent.Type == type);
        if (!string.IsNullOrWhiteSpace(filter.Field))
        {
            var prefix = filter.Field.Trim().ToUpperInvariant();
            rows = rows.Where(r => r.Patent.IpcCodes.Any(c => c.StartsWith(prefix)));
        }
        if (filter.Sleeping is { } sleeping)
        {
            rows = sleeping
                ? rows.Where(r => EF.Property<DateOnly?>(r.Patent, PatentConfiguration.SleepsUntil) >= today)
                : rows.Where(r => !(EF.Property<DateOnly?>(r.Patent, PatentConfiguration.SleepsUntil) >= today));
        }
        return rows;
    }

    /// <summary>The catalog's order, newest published first; id last, so that every row has one place a cursor can name.</summary>
    private static IQueryable<Listing> Order(IQueryable<Listing> listings, bool backwards) => backwards
        ? listings.OrderBy(l => l.PublishedAt).ThenBy(l => l.CreatedAt).ThenBy(l => l.Id)
        : listings.OrderByDescending(l => l.PublishedAt).ThenByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id);

    private static IQueryable<ListingRow> Order(IQueryable<ListingRow> rows, bool backwards) => backwards
        ? rows.OrderBy(r => r.Listing.PublishedAt).ThenBy(r => r.Listing.CreatedAt).ThenBy(r => r.Listing.Id)
        : rows.OrderByDescending(r => r.Listing.PublishedAt).ThenByDescending(r => r.Listing.CreatedAt).ThenByDescending(r => r.Listing.Id);

    /// <summary>A cursor pages the public catalog, whose listings all have a publication time; an office's own list and
    /// the moderation queue hold drafts without one and page by number.</summary>
    private static CatalogCursor? Cursor(string? text, string field, bool ownOrQueue)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (ownOrQueue) throw new DomainRuleException(field, "Only the public catalog pages by link; use page numbers here.");
        return CatalogCursor.Parse(text, field);
    }

    private ListingResponse Describe(ListingRow r, DateOnly today) =>
        ListingViews.Describe(r.Listing, r.Patent, r.NameZh, r.NameEn, facts.IsSleeping(r.Patent, r.OwnerType, today), today);
}

public static class ListingViews
{
    public static ListingResponse Describe(Listing l, Patent p, string nameZh, string? nameEn, bool sleeping, DateOnly today)
    {
        var remaining = p.Remaining(today);
        return new ListingResponse(
            l.Id, l.Status, l.Terms.Modes, l.Terms, l.Description, l.RejectionReason, l.OrganizationId, nameZh, nameEn,
            new ListingPatent(p.Id, p.ApplicationNumber, p.Type, p.TitleZh, p.TitleEn, p.MainIpc, p.TermEnd,
                remaining.Years, remaining.Months, sleeping),
            l.CreatedAt, l.UpdatedAt, l.PublishedAt, l.Version);
    }

    /// <summary>The same response from the columns it shows (GET /api/listings/{id}).</summary>
    public static ListingResponse Describe(ListingSummaryRow r, DateOnly today)
    {
        var remaining = PatentTerm.Remaining(r.Type, r.FilingDate, today, r.TermCompensationDays);
        return new ListingResponse(
            r.Id, r.Status, r.Terms.Modes, r.Terms, r.Description, r.RejectionReason, r.OrganizationId, r.NameZh, r.NameEn,
            new ListingPatent(r.PatentId, r.ApplicationNumber, r.Type, r.TitleZh, r.TitleEn, r.MainIpc,
                PatentTerm.End(r.Type, r.FilingDate, r.TermCompensationDays), remaining.Years, remaining.Months,
                r.SleepsUntil is { } until && today <= until),
            r.CreatedAt, r.UpdatedAt, r.PublishedAt, r.Version);
    }
}
