using System.Runtime.CompilerServices;
using Marketplace.Domain.Deals;
using Marketplace.Domain.Pledges;
using Marketplace.Domain.Sessions;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Targets.Records;

/// <summary>
/// The records behind the figures, streamed (an export of a whole plan period must not sit in memory): counted
/// deals, their payments, disbursed tranches and sessions held. Owner group and industry are classified as the kept
/// totals classify them. The names and payments of each batch are read on a second connection, since the first is
/// busy streaming and PostgreSQL runs one command per connection at a time.
/// </summary>
public sealed class RecordsQuery(MarketplaceDb db, TargetGroups groups, IServiceScopeFactory scopes)
{
    private const int Batch = 500;
    private static readonly DealStatus[] Counted = [DealStatus.Signed, DealStatus.Recorded, DealStatus.Completed];

    public async IAsyncEnumerable<(Deal Deal, DealRecord Record)> DealsAsync(RecordFilter filter, [EnumeratorCancellation] CancellationToken ct)
    {
        var (from, to) = filter.Period();
        var organizations = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => (o.NameZh, Owner: groups.OwnerOf(o.Id, o.NameZh, o.Type)), ct);
        var query = db.Deals.AsNoTracking()
            .Where(d => Counted.Contains(d.Status) && d.ContractDate >= from && d.ContractDate <= to)
            .OrderBy(d => d.ContractDate).ThenBy(d => d.Id);
        using var side = scopes.CreateScope();
        var lookup = side.ServiceProvider.GetRequiredService<MarketplaceDb>();
        await foreach (var batch in query.AsAsyncEnumerable().Chunk(Batch).WithCancellation(ct))
        {
            var patentIds = batch.Select(d => d.PatentId).Distinct().ToList();
            var patents = await lookup.Patents.AsNoTracking().Where(p => patentIds.Contains(p.Id))
                .Select(p => new { p.Id, p.ApplicationNumber, p.TitleZh, p.MainIpc }).ToDictionaryAsync(p => p.Id, ct);
            foreach (var d in batch)
            {
                var patent = patents[d.PatentId];
                var record = new DealRecord(d.Id, d.ContractDate!.Value, d.Category, organizations[d.SellerOrganizationId].Owner, groups.IndustryOf(patent.MainIpc),
                    patent.ApplicationNumber, patent.TitleZh, organizations[d.SellerOrganizationId].NameZh, organizations[d.BuyerOrganizationId].NameZh,
                    d.ContractAmount, d.Received, d.Status, d.RegistrationNumber, d.RecordNumber, d.Origin);
                if (filter.Category is { } c && record.Category != c) continue;
                if (filter.Owner is { } o && record.Owner != o) continue;
                if (filter.Industry is { } i && record.Industry != i) continue;
                yield return (d, record);
            }
        }
    }

    /// <summary>The payments that make "received": every instalment with money kept, of the deals in scope.</summary>
    public async IAsyncEnumerable<PaymentRecord> PaymentsAsync(RecordFilter filter, [EnumeratorCancellation] CancellationToken ct)
    {
        using var side = scopes.CreateScope();
        var lookup = side.ServiceProvider.GetRequiredService<MarketplaceDb>();
        await foreach (var batch in DealsAsync(filter, ct).Chunk(Batch).WithCancellation(ct))
        {
            var ids = batch.Select(d => d.Deal.Id).ToList();
            var kept = (await lookup.Set<Instalment>().AsNoTracking().Where(i => ids.Contains(i.DealId) && i.Paid != i.Refunded).ToListAsync(ct))
                .ToLookup(i => i.DealId);
            foreach (var (deal, record) in batch)
            foreach (var i in kept[deal.Id].OrderBy(i => i.Number))
                yield return new PaymentRecord(i.Id, deal.Id, record.ContractDate, deal.RegistrationNumber, i.Number, i.Label, i.Method,
                    i.TransferReference ?? i.StripePaymentIntentId, i.Paid, i.Refunded, i.Net, i.ConfirmedAt);
        }
    }

    /// <summary>The sessions that make "held": gone live or closed, by the China date they started.</summary>
    public async IAsyncEnumerable<SessionRecord> SessionsAsync(RecordFilter filter, [EnumeratorCancellation] CancellationToken ct)
    {
        var (from, to) = filter.Period();
        var query = db.Sessions.AsNoTracking().Where(s => s.Status == SessionStatus.Live || s.Status == SessionStatus.Closed);
        if (from != DateOnly.MinValue) query = query.Where(s => s.StartsAt >= ChinaMidnightUtc(from));
        if (to != DateOnly.MaxValue) query = query.Where(s => s.StartsAt < ChinaMidnightUtc(to.AddDays(1)));
        var sessions = await query.OrderBy(s => s.StartsAt)
            .Select(s => new
            {
                s.Id, s.StartsAt, s.Details, s.Status,
                Registered = db.SessionRegistrations.Count(r => r.SessionId == s.Id),
                Approved = db.SessionRegistrations.Count(r => r.SessionId == s.Id && r.Status == RegistrationStatus.Approved),
                CheckedIn = db.SessionRegistrations.Count(r => r.SessionId == s.Id && r.CheckedInAt != null),
                Online = db.SessionRegistrations.Count(r => r.SessionId == s.Id && r.OnlineAt != null),
                Attended = db.SessionRegistrations.Count(r => r.SessionId == s.Id && (r.CheckedInAt != null || r.OnlineAt != null)),
            }).ToListAsync(ct);
        foreach (var s in sessions)
            yield return new SessionRecord(s.Id, s.StartsAt, s.Details.TitleZh, s.Details.Theme, s.Status, s.Registered, s.Approved, s.CheckedIn, s.Online, s.Attended);
    }

    /// <summary>The instant a China date begins, in UTC (Npgsql writes timestamptz parameters in UTC only).</summary>
    public static DateTimeOffset ChinaMidnightUtc(DateOnly date) =>
        new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), Domain.Common.BusinessCalendar.ChinaOffset).ToUniversalTime();

    /// <summary>The tranches that make "disbursed", by payment date, with the CNIPA pledge registration as evidence.</summary>
    public async IAsyncEnumerable<LoanRecord> LoansAsync(RecordFilter filter, [EnumeratorCancellation] CancellationToken ct)
    {
        var (from, to) = filter.Period();
        var names = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.NameZh, ct);
        var query = db.PledgeApplications.AsNoTracking().Where(a => a.DisbursedAmount > 0)
            .Where(a => filter.Bank == null || a.BankOrganizationId == filter.Bank).OrderBy(a => a.Id);
        await foreach (var a in query.AsAsyncEnumerable().WithCancellation(ct))
        foreach (var t in a.Disbursements.Where(t => t.On >= from && t.On <= to))
            yield return new LoanRecord(a.Id, t.On, t.Amount, a.BankOrganizationId, names[a.BankOrganizationId], names[a.ApplicantOrganizationId],
                a.RegistrationNumber, a.RegisteredOn, a.ApprovedAmount ?? 0, a.Status);
    }
}
