using System.Security.Claims;
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
/// or, when the caller chose "import the valid rows", the valid ones. The application number is the key, so a
/// second import of the same file updates instead of duplicating.
/// </summary>
public sealed class PatentImporter(MarketplaceDb db, AuditLog audit, TimeProvider clock, IPledgeRegistry pledges)
{
    private sealed record RowPlan(int Row, PatentDetails Details, Patent? Existing, ListingTerms? Terms, string? Description, Listing? ExistingListing);

    public async Task<ImportReport> ImportAsync(ClaimsPrincipal caller, Stream file, bool validRowsOnly, bool submitForReview, CancellationToken ct)
    {
        var organizationId = caller.OrganizationId() ?? throw new DomainRuleException("organization", "Sign in as a member of an organisation.");
        var rows = await SpreadsheetReader.ReadAsync(file, ct);
        if (rows.Count < 2) throw new DomainRuleException("file", "The file has a header row but no patents.");
        var (columns, ignored) = ReadHeader(rows[0]);
        var owners = await OwnerDirectory.LoadAsync(db, organizationId, ct);
        var numbers = rows.Skip(1).Select(r => ApplicationNumber.TryParse(Cell(r, columns, ImportColumn.ApplicationNumber), out var n) ? n.Value : null)
            .OfType<string>().Distinct().ToList();
        var existing = await db.Patents.Where(p => numbers.Contains(p.ApplicationNumber)).ToDictionaryAsync(p => p.ApplicationNumber, ct);
        var patentIds = existing.Values.Select(p => p.Id).ToList();
        var listings = (await db.Listings.Where(l => patentIds.Contains(l.PatentId) && l.OrganizationId == organizationId).ToListAsync(ct))
            .Where(l => l.Status is not (ListingStatus.Withdrawn or ListingStatus.Closed or ListingStatus.Rejected))
            .ToDictionary(l => l.PatentId);

        var errors = new List<ImportError>();
        var plans = new List<RowPlan>();
        var seen = new Dictionary<string, int>();
        var now = clock.GetUtcNow();
        var today = BusinessCalendar.ChinaDate(now);
        for (var i = 1; i < rows.Count; i++)
        {
            var rowNumber = i + 1;
            try
            {
                var row = new ImportRow(rows[i], columns);
                var details = ReadDetails(row, owners, organizationId);
                var number = ApplicationNumber.Parse(details.ApplicationNumber).Value;
                if (!seen.TryAdd(number, rowNumber))
                    throw new DomainRuleException("applicationNumber", $"{number} already appears in row {seen[number]} of this file.");
                existing.TryGetValue(number, out var current);
                if (current is not null && current.OwnerOrganizationId != organizationId)
                    throw new DomainRuleException("applicationNumber", $"{number} is registered on the platform by another organisation.", isConflict: true);
                // A throwaway aggregate runs every patent and offer rule without touching tracked entities.
                var probe = Patent.Create(details, organizationId, now);
                var terms = row.Terms();
                var description = row[ImportColumn.Description];
                Listing? currentListing = null;
                if (terms is not null)
                {
                    var pledge = current is null ? PledgeState.None : await pledges.GetAsync(current.Id, ct);
                    Listing.Create(probe, organizationId, terms, description, pledge, today, now);
                    if (current is not null && listings.TryGetValue(current.Id, out currentListing) && currentListing.Status == ListingStatus.PendingReview)
                        throw new DomainRuleException("modes", "This patent's listing is under review; wait for the park office's decision before changing it.", isConflict: true);
                }
                plans.Add(new RowPlan(rowNumber, details, current, terms, description, currentListing));
            }
            catch (DomainRuleException rule)
            {
                errors.Add(new ImportError(rowNumber, ImportFields.HeaderFor(rule.Field), rule.Message));
            }
        }

        if (errors.Count > 0 && !validRowsOnly)
            return new ImportReport(rows.Count - 1, 0, 0, 0, 0, 0, errors, ignored);
        var counts = await WriteAsync(plans, organizationId, submitForReview, now, today, ct);
        return new ImportReport(rows.Count - 1, plans.Count, counts.PatentsCreated, counts.PatentsUpdated, counts.ListingsCreated, counts.ListingsUpdated, errors, ignored);
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
            var pledge = plan.Existing is null ? PledgeState.None : await pledges.GetAsync(patent.Id, ct);
            var listing = plan.ExistingListing;
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

    private static PatentDetails ReadDetails(ImportRow row, OwnerDirectory owners, Guid organizationId)
    {
        var number = ApplicationNumber.Parse(row[ImportColumn.ApplicationNumber]);
        var grant = row.Date(ImportColumn.GrantDate);
        var (status, reason) = row.Status(granted: grant is not null);
        return new PatentDetails(
            number.Value, row.Type() ?? number.Type, row[ImportColumn.PublicationNumber], row[ImportColumn.Title] ?? "", row[ImportColumn.TitleEn],
            row[ImportColumn.Abstract] ?? "", row[ImportColumn.AbstractEn], IpcList(row), row[ImportColumn.MainIpc],
            row.List(ImportColumn.Inventors), owners.Resolve(row.List(ImportColumn.Owners)),
            row.Date(ImportColumn.FilingDate) ?? throw new DomainRuleException("filingDate", "The filing date is required."),
            grant, status, reason, row.Date(ImportColumn.FeesPaidThrough));
    }

    /// <summary>The main IPC leads the list, as exports often give it only in its own column.</summary>
    private static List<string> IpcList(ImportRow row)
    {
        var codes = row.List(ImportColumn.IpcCodes).ToList();
        if (row[ImportColumn.MainIpc] is { } main && !codes.Any(c => IpcCode.TryParse(c, out var a) && IpcCode.TryParse(main, out var b) && a == b))
            codes.Insert(0, main);
        return codes;
    }

    private static (Dictionary<ImportColumn, int> Columns, List<string> Ignored) ReadHeader(string[] header)
    {
        var columns = new Dictionary<ImportColumn, int>();
        var ignored = new List<string>();
        for (var i = 0; i < header.Length; i++)
        {
            if (ImportColumns.Find(header[i]) is { } column) columns.TryAdd(column, i);
            else if (!string.IsNullOrWhiteSpace(header[i])) ignored.Add(header[i]);
        }
        var missing = ImportColumns.Required.Where(c => !columns.ContainsKey(c)).Select(ImportColumns.HeaderOf).ToList();
        if (missing.Count > 0)
            throw new DomainRuleException("file", $"The first row must be the header; these columns are missing: {string.Join("、", missing)}. Download the template for the expected headers.");
        return (columns, ignored);
    }

    private static string? Cell(string[] row, Dictionary<ImportColumn, int> columns, ImportColumn column) =>
        columns.TryGetValue(column, out var i) && i < row.Length ? row[i] : null;
}
