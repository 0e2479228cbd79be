using System.Linq.Expressions;
using System.Security.Claims;
using Marketplace.Domain.Common;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Patents;
using Marketplace.Web.Platform.Identity;
using Marketplace.Web.Platform;
using Marketplace.Web.Data;
using Marketplace.Web.Data.Configurations;
using Marketplace.Web.Platform.Audit;
using Marketplace.Web.Features.Patents;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Listings;

/// <summary>Builds listing responses with their patent and organisation, and reads a listing's history.</summary>
public sealed class ListingReader(MarketplaceDb db, TimeProvider clock, PatentFacts facts)
{
    /// <summary>The one visibility rule, in one round trip with the listing's patent and offering organisation: the
    /// offering office sees its listings in every state, the park office all, others published and suspended ones only.
    /// Each reader below selects from it what it shows.</summary>
    private static readonly Expression<Func<MarketplaceDb, Guid, Guid, bool, IQueryable<VisibleListing>>> Visible =
        (db, id, organizationId, admin) =>
            from l in db.Listings.AsNoTracking()
            join p in db.Patents on l.PatentId equals p.Id
            join o in db.Organizations on l.OrganizationId equals o.Id
            where l.Id == id && (admin || l.OrganizationId == organizationId || l.Status == ListingStatus.Published || l.Status == ListingStatus.Suspended)
            select new VisibleListing { Listing = l, Patent = p, Organization = o };

    /// <summary>The visible listing with its whole patent, for the detail page (which describes the patent in full).</summary>
    public static readonly Expression<Func<MarketplaceDb, Guid, Guid, bool, IQueryable<ListingDetailRow>>> VisibleDetail =
        Select(v => new ListingDetailRow(v.Listing, v.Patent, v.Organization.NameZh, v.Organization.NameEn, v.Organization.Type));

    /// <summary>Only the columns a <see cref="ListingResponse"/> shows, for GET /api/listings/{id}: not the patent's
    /// abstracts, inventors, co-owners (jsonb) and register history, which the response never carries.</summary>
    public static readonly Expression<Func<MarketplaceDb, Guid, Guid, bool, IQueryable<ListingSummaryRow>>> VisibleSummary =
        Select(v => new ListingSummaryRow(
            v.Listing.Id, v.Listing.Status, v.Listing.Terms, v.Listing.Description, v.Listing.RejectionReason, v.Listing.OrganizationId,
            v.Organization.NameZh, v.Organization.NameEn, v.Patent.Id, v.Patent.ApplicationNumber, v.Patent.Type, v.Patent.TitleZh,
            v.Patent.TitleEn, v.Patent.MainIpc, v.Patent.FilingDate, v.Patent.TermCompensationDays,
            EF.Property<DateOnly?>(v.Patent, PatentConfiguration.SleepsUntil),
            v.Listing.CreatedAt, v.Listing.UpdatedAt, v.Listing.PublishedAt, v.Listing.Version));

    // Compiled once: the hottest reads of the catalog skip LINQ translation and its cache lookup on every call.
    private static readonly Func<MarketplaceDb, Guid, Guid, bool, IAsyncEnumerable<ListingDetailRow>> VisibleDetailCompiled =
        EF.CompileAsyncQuery(VisibleDetail);

    private static readonly Func<MarketplaceDb, Guid, Guid, bool, IAsyncEnumerable<ListingSummaryRow>> VisibleSummaryCompiled =
        EF.CompileAsyncQuery(VisibleSummary);

    /// <summary>The visibility query followed by a projection: <c>Visible(...).Select(selector)</c>, built as one
    /// expression so that EF compiles it as one statement.</summary>
    private static Expression<Func<MarketplaceDb, Guid, Guid, bool, IQueryable<T>>> Select<T>(Expression<Func<VisibleListing, T>> selector) =>
        Expression.Lambda<Func<MarketplaceDb, Guid, Guid, bool, IQueryable<T>>>(
            Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(VisibleListing), typeof(T)], Visible.Body, Expression.Quote(selector)),
            Visible.Parameters);

    public static Task<ListingDetailRow?> FindDetailAsync(MarketplaceDb db, Guid id, Guid organizationId, bool admin, CancellationToken ct) =>
        SingleAsync(VisibleDetailCompiled(db, id, organizationId, admin), ct);

    public static Task<ListingSummaryRow?> FindSummaryAsync(MarketplaceDb db, Guid id, Guid organizationId, bool admin, CancellationToken ct) =>
        SingleAsync(VisibleSummaryCompiled(db, id, organizationId, admin), ct);

    private static async Task<T?> SingleAsync<T>(IAsyncEnumerable<T> rows, CancellationToken ct) where T : class
    {
        T? row = null;
        await foreach (var found in rows.WithCancellation(ct)) row = found;
        return row;
    }

    public async Task<ListingResponse> DetailAsync(ClaimsPrincipal caller, Guid id, CancellationToken ct)
    {
        var row = await FindSummaryAsync(db, id, caller.OrganizationId() ?? Guid.Empty, caller.IsInRole(Roles.ParkAdmin), ct)
            ?? throw new NotFoundException("Listing");
        return ListingViews.Describe(row, BusinessCalendar.Today(clock));
    }

    /// <summary>The listing with its patent and organisation if the caller may see it (visibility decided once, in the query).</summary>
    public async Task<ListingDetailRow> VisibleDetailAsync(ClaimsPrincipal caller, Guid id, CancellationToken ct) =>
        await FindDetailAsync(db, id, caller.OrganizationId() ?? Guid.Empty, caller.IsInRole(Roles.ParkAdmin), ct)
        ?? throw new NotFoundException("Listing");

    public ListingResponse Describe(ListingDetailRow row)
    {
        var today = BusinessCalendar.Today(clock);
        return ListingViews.Describe(row.Listing, row.Patent, row.NameZh, row.NameEn, facts.IsSleeping(row.Patent, row.OrganizationType, today), today);
    }

    public async Task<ListingResponse> DescribeAsync(Listing listing, CancellationToken ct)
    {
        var patent = await db.Patents.AsNoTracking().SingleAsync(p => p.Id == listing.PatentId, ct);
        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == listing.OrganizationId, ct);
        var today = BusinessCalendar.Today(clock);
        return ListingViews.Describe(listing, patent, organization.NameZh, organization.NameEn, facts.IsSleeping(patent, organization.Type, today), today);
    }

    public Task<List<StatusChange>> HistoryAsync(Guid id, CancellationToken ct) => AuditHistory.HistoryAsync(db, ListingService.AuditEntity, id, ct);
}

public sealed record ListingDetailRow(Listing Listing, Patent Patent, string NameZh, string? NameEn, OrganizationType OrganizationType);

/// <summary>A listing the caller may see, with its patent and organisation: what <see cref="ListingReader"/>'s
/// readers select from (settable members, so EF can follow them into the projection).</summary>
public sealed class VisibleListing
{
    public Listing Listing { get; init; } = null!;
    public Patent Patent { get; init; } = null!;
    public Organization Organization { get; init; } = null!;
}

/// <summary>The columns a <see cref="ListingResponse"/> shows. Sleeping is the rule's stored answer
/// (<see cref="PatentConfiguration.SleepsUntil"/>, refreshed on every write of the patent), as the catalog filters on it.</summary>
public sealed record ListingSummaryRow(
    Guid Id, ListingStatus Status, ListingTerms Terms, string? Description, string? RejectionReason, Guid OrganizationId,
    string NameZh, string? NameEn, Guid PatentId, string ApplicationNumber, PatentType Type, string TitleZh, string? TitleEn,
    string MainIpc, DateOnly FilingDate, int TermCompensationDays, DateOnly? SleepsUntil,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? PublishedAt, uint Version);
