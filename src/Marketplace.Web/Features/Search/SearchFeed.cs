using Marketplace.Domain.Common;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Organizations;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Listings;
using Marketplace.Web.Features.Patents;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Search;

/// <summary>
/// Reads the change feed and turns listings into search documents.
/// <para>Positions are transaction horizons, not row ids: ids come from a sequence when a row is inserted, so a
/// transaction can commit row 5 after another committed row 6, and a reader that had moved past 6 would never
/// see 5. The horizon <c>pg_snapshot_xmin</c> is the oldest transaction still running; every change written by a
/// transaction below it is committed (or rolled back) for good. A reader takes the changes with
/// <c>from ≤ tx &lt; horizon</c> and then stands at the horizon.</para>
/// </summary>
public sealed class SearchFeed(MarketplaceDb db, PatentFacts facts, TimeProvider clock)
{
    public async Task<ulong> HorizonAsync(CancellationToken ct) =>
        ulong.Parse(await db.Database.SqlQuery<string>($"SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS \"Value\"").SingleAsync(ct));

    /// <summary>The listings touched by changes in [from, to), including every listing of a changed patent.</summary>
    public async Task<IReadOnlyList<Guid>> ChangedListingsAsync(ulong from, ulong to, CancellationToken ct)
    {
        var fromText = from.ToString();
        var toText = to.ToString();
        return await db.Database.SqlQuery<Guid>($"""
            SELECT DISTINCT l.id AS "Value"
            FROM search_changes c
            JOIN listings l ON l.id = c.listing_id OR l.patent_id = c.patent_id
            WHERE c.tx >= {fromText}::xid8 AND c.tx < {toText}::xid8
            """).ToListAsync(ct);
    }

    /// <summary>Documents for the published ones among <paramref name="listingIds"/> (all published listings when
    /// null, in pages); the rest are to be removed from the index.</summary>
    public async Task<(List<SearchDocument> Published, List<Guid> Removed)> DocumentsAsync(IReadOnlyList<Guid> listingIds, CancellationToken ct)
    {
        var rows = await Published().Where(r => listingIds.Contains(r.Listing.Id)).ToListAsync(ct);
        var docs = rows.Select(ToDocument).ToList();
        var found = docs.Select(d => d.ListingId).ToHashSet();
        return (docs, listingIds.Where(id => !found.Contains(id)).ToList());
    }

    public async IAsyncEnumerable<List<SearchDocument>> AllPublishedAsync(int batchSize, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        Guid? after = null;
        while (true)
        {
            var query = Published();
            if (after is { } last) query = query.Where(r => r.Listing.Id.CompareTo(last) > 0);
            var rows = await query.OrderBy(r => r.Listing.Id).Take(batchSize).ToListAsync(ct);
            if (rows.Count == 0) yield break;
            after = rows[^1].Listing.Id;
            yield return rows.Select(ToDocument).ToList();
        }
    }

    private IQueryable<ListingRow> Published() => ListingRow.Query(db).Where(r => r.Listing.Status == ListingStatus.Published);

    private SearchDocument ToDocument(ListingRow r)
    {
        var today = BusinessCalendar.Today(clock);
        var t = r.Listing.Terms;
        var prices = new[] { t.Licence?.LumpSum, t.OpenLicence?.AnnualFee, t.Equity?.Valuation, t.Transfer?.AskingPrice }.OfType<decimal>().ToList();
        return new SearchDocument(
            r.Listing.Id, r.Patent.Id, r.Patent.ApplicationNumber, r.Patent.TitleZh, r.Patent.TitleEn, r.Patent.AbstractZh, r.Patent.AbstractEn,
            r.Patent.IpcCodes, IpcGlossary.Describe(r.Patent.IpcCodes), r.Listing.OrganizationId, r.NameZh, r.NameEn, r.OwnerType.ToString(),
            r.Patent.Inventors, r.Patent.Type.ToString(), r.Patent.LegalStatus.ToString(), t.Modes,
            facts.IsSleeping(r.Patent, r.OwnerType, today), r.Patent.Remaining(today).TotalMonths,
            prices.Count > 0 ? prices.Min() : null, r.Listing.PublishedAt ?? r.Listing.UpdatedAt)
        {
            PublicationNumber = r.Patent.PublicationNumber, LocarnoClass = r.Patent.LocarnoClass,
        };
    }
}
