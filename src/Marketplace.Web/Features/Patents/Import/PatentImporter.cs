using System.Security.Claims;
using System.Text.Json;
using Marketplace.Domain.Common;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Patents;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Accounts;
using Marketplace.Web.Features.Audit;
using Marketplace.Web.Features.Listings;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Patents.Import;

/// <summary>
/// Bulk registration of patents (and their offers) from a spreadsheet. Every row is checked in full against the
/// same domain rules as the API before anything is written; then either all rows are written in one transaction,
/// or, when the caller chose "import the valid rows", the valid ones. A dry run checks and reports without
/// writing. The application number is the key, so a second import of the same file updates instead of duplicating.
/// </summary>
public sealed class PatentImporter(MarketplaceDb db, AuditLog audit, TimeProvider clock, IPledgeRegistry pledges)
{
    private sealed record RowPlan(int Row, PatentDetails Details, Patent? Existing, ListingTerms? Terms, string? Description, Listing? ExistingListing);

    public async Task<ImportReport> ImportAsync(
        ClaimsPrincipal caller, Stream file, bool validRowsOnly, bool submitForReview, CancellationToken ct, bool dryRun = false)
    {
        var organizationId = caller.OrganizationId() ?? throw new DomainRuleException("organization", "Sign in as a member of an organisation.");
        var map = HeaderMap.Read(await SpreadsheetReader.ReadAsync(file, ct));
        var owners = await OwnerDirectory.LoadAsync(db, organizationId, ct);
        var numbers = map.DataRows.Select(r => ApplicationNumber.TryParse(new ImportRow(r.Cells, map.Columns)[ImportColumn.ApplicationNumber], out var n) ? n.Value : null)
            .OfType<string>().Distinct().ToList();
        var existing = await db.Patents.Where(p => numbers.Contains(p.ApplicationNumber)).ToDictionaryAsync(p => p.ApplicationNumber, ct);
        var patentIds = existing.Values.Select(p => p.Id).ToList();
        var listings = (await db.Listings.Where(l => patentIds.Contains(l.PatentId) && l.OrganizationId == organizationId).ToListAsync(ct))
            .Where(l => l.Status is not (ListingStatus.Withdrawn or ListingStatus.Closed or ListingStatus.Rejected))
            .ToDictionary(l => l.PatentId);

        var errors = new List<ImportIssue>();
        var notes = new List<ImportIssue>();
        var plans = new List<RowPlan>();
        var seen = new Dictionary<string, (int Row, string Fingerprint)>();
        var now = clock.GetUtcNow();
        var today = BusinessCalendar.ChinaDate(now);
        foreach (var sheetRow in map.DataRows)
        {
            var rowNumber = sheetRow.Number;
            try
            {
                var row = new ImportRow(sheetRow.Cells, map.Columns);
                var (details, rowNotes) = ImportDetails.Read(row, map, owners);
                var number = ApplicationNumber.Parse(details.ApplicationNumber).Value;
                var fingerprint = JsonSerializer.Serialize(details);
                if (seen.TryGetValue(number, out var first))
                {
                    if (first.Fingerprint != fingerprint)
                        throw new DomainRuleException("applicationNumber", new Text("{0} already appears in row {1} of this file with different data.", number, first.Row));
                    notes.Add(new ImportIssue(rowNumber, map.HeaderOf(ImportColumn.ApplicationNumber), new Text("Repeats row {0} exactly; read once.", first.Row)));
                    continue;
                }
                seen[number] = (rowNumber, fingerprint);
                existing.TryGetValue(number, out var current);
                if (current is not null && current.OwnerOrganizationId != organizationId)
                    throw new DomainRuleException("applicationNumber", new Text("{0} is registered on the platform by another organisation.", number), isConflict: true);
                // A throwaway aggregate runs every patent and offer rule without touching tracked entities.
                var probe = Patent.Create(details, organizationId, now);
                var terms = ImportOffer.Terms(row);
                var description = row[ImportColumn.Description];
                Listing? currentListing = null;
                if (terms is not null && probe.WhyNotListable(today) is { } why && probe.Gaps.HasFlag(RecordGaps.Abstract))
                {
                    // The patent goes in; its offer waits for the abstract.
                    notes.Add(new ImportIssue(rowNumber, map.HeaderOf(ImportColumn.Modes), new Text("The offer was not listed: {0}", why)));
                    terms = null;
                }
                if (terms is not null)
                {
                    var pledge = current is null ? PledgeState.None : await pledges.GetAsync(current.Id, ct);
                    Listing.Create(probe, organizationId, terms, description, pledge, today, now);
                    if (current is not null && listings.TryGetValue(current.Id, out currentListing) && currentListing.Status == ListingStatus.PendingReview
                        && (currentListing.Terms != terms || currentListing.Description != description))
                        throw new DomainRuleException("modes", "This patent's listing is under review; wait for the park office's decision before changing it.", isConflict: true);
                }
                notes.AddRange(rowNotes.Select(n => new ImportIssue(rowNumber, map.HeaderOf(n.Column), n.Note)));
                plans.Add(new RowPlan(rowNumber, details, current, terms, description, currentListing));
            }
            catch (DomainRuleException rule)
            {
                // Every refused field of the row, each under the column the file gave it.
                foreach (var one in rule is DomainRulesException many ? many.All : [rule])
                {
                    var column = ImportFields.ColumnFor(one.Field);
                    errors.Add(new ImportIssue(rowNumber, column is { } c ? map.HeaderOf(c) : one.Field, one.Text));
                }
            }
        }

        var rows = map.DataRows.Count;
        if (dryRun || (errors.Count > 0 && !validRowsOnly))
        {
            var wouldCreate = dryRun ? plans.Count(p => p.Existing is null) : 0;
            return new ImportReport(rows, 0, wouldCreate, dryRun ? plans.Count - wouldCreate : 0,
                dryRun ? plans.Count(p => p.Terms is not null && p.ExistingListing is null) : 0,
                dryRun ? plans.Count(p => p.Terms is not null && p.ExistingListing is not null) : 0, errors, notes, map.Preview, dryRun);
        }
        var counts = await WriteAsync(plans, organizationId, submitForReview, now, today, ct);
        return new ImportReport(rows, plans.Count, counts.PatentsCreated, counts.PatentsUpdated, counts.ListingsCreated, counts.ListingsUpdated,
            errors, notes, map.Preview, DryRun: false);
    }

    private async Task<(int PatentsCreated, int PatentsUpdated, int ListingsCreated, int ListingsUpdated)> WriteAsync(
        List<RowPlan> plans, Guid organizationId, bool submit, DateTimeOffset now, DateOnly today, CancellationToken ct)
    {
        int patentsCreated = 0, patentsUpdated = 0, listingsCreated = 0, listingsUpdated = 0;
        await using var transaction = await db.Database.BeginUnitOfWorkAsync(ct);
        foreach (var plan in plans)
        {
            var patent = plan.Existing;
            if (patent is null)
            {
                patent = Patent.Create(plan.Details, organizationId, now);
                db.Patents.Add(patent);
                audit.Record(PatentService.AuditEntity, patent.Id, "Imported", null, patent.LegalStatus.ToString());
                patentsCreated++;
            }
            else
            {
                patent.Update(plan.Details, now);
                audit.Record(PatentService.AuditEntity, patent.Id, "ImportUpdated", null, patent.LegalStatus.ToString());
                patentsUpdated++;
            }
            if (plan.Terms is null) continue;
            var listing = plan.ExistingListing;
            // The same offer imported again changes nothing, so a published listing does not go back to review.
            if (listing is not null && listing.Terms == plan.Terms && listing.Description == plan.Description) continue;
            var pledge = plan.Existing is null ? PledgeState.None : await pledges.GetAsync(patent.Id, ct);
            var before = listing?.Status.ToString();
            if (listing is null)
            {
                listing = Listing.Create(patent, organizationId, plan.Terms, plan.Description, pledge, today, now);
                db.Listings.Add(listing);
                listingsCreated++;
            }
            else
            {
                listing.UpdateTerms(patent, plan.Terms, plan.Description, pledge, today, now);
                listingsUpdated++;
            }
            if (submit && listing.Status is ListingStatus.Draft or ListingStatus.Rework) listing.Submit(now);
            audit.Record(ListingService.AuditEntity, listing.Id, "Imported", before, listing.Status.ToString());
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (patentsCreated, patentsUpdated, listingsCreated, listingsUpdated);
    }
}
